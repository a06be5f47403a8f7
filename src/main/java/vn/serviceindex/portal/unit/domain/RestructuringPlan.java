package vn.serviceindex.portal.unit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A restructuring file checked as a whole against the registry: the restructurings it records (one per resolution
 * and province), or, when anything is wrong, every problem and nothing to commit.
 */
public record RestructuringPlan(List<Planned> restructurings, List<RestructuringProblem> problems) {

    public RestructuringPlan {
        restructurings = List.copyOf(restructurings);
        problems = List.copyOf(problems);
    }

    public boolean committable() {
        return problems.isEmpty() && !restructurings.isEmpty();
    }

    /**
     * One resolution's changes in one province.
     *
     * @param units new units, parents before their children
     */
    public record Planned(String resolutionNumber, LocalDate resolutionDate, LocalDate effectiveDate,
                          List<NewUnit> units) {

        public Planned {
            units = List.copyOf(units);
        }

        /** The units this restructuring closes, each once. */
        public List<OrgUnit> closing() {
            return units.stream().flatMap(u -> u.predecessors().stream()).map(Link::predecessor).distinct().toList();
        }
    }

    /**
     * A unit a restructuring opens.
     *
     * @param existingParent the open unit it sits under, or null
     * @param plannedParent  the code of a new unit of the same file it sits under, or null (a province has neither)
     */
    public record NewUnit(int row, String code, String name, UnitLevel level, @Nullable OrgUnit existingParent,
                          @Nullable String plannedParent, List<Link> predecessors) {

        public NewUnit {
            predecessors = List.copyOf(predecessors);
        }
    }

    /** A predecessor and how it became the new unit; a split's share in percent where known. */
    public record Link(OrgUnit predecessor, LineageKind kind, @Nullable BigDecimal share) {
    }
}
