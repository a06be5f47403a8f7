package vn.serviceindex.portal.result.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.result.domain.CombinedFigures;
import vn.serviceindex.portal.result.domain.CombinedGroup;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.domain.PredecessorFigures;
import vn.serviceindex.portal.security.service.CurrentUser;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * A new unit's results for periods before the restructuring that opened it, combined from its predecessors' (in
 * today's structure). Read, never stored: the old units' own results stay as they were and remain visible. Whoever
 * reads the new unit reads its combined past, even where the old units lie beyond its walls (a new commune's editor
 * did not read the communes it came from): the predecessors' rows are read as system work after that check.
 */
@Service
@Transactional(readOnly = true)
public class CombinedResultService {

    /** The group whose denominator counts the dossiers a unit received: the volume that weighs rates. */
    private static final String VOLUME_GROUP = "TDGQ";

    private final CombinedResultRepository repository;
    private final ImportUnits units;
    private final ResultFormulaSets formulaSets;
    private final CurrentUser currentUser;
    private final SystemWork systemWork;

    CombinedResultService(CombinedResultRepository repository, ImportUnits units, ResultFormulaSets formulaSets,
                          CurrentUser currentUser, SystemWork systemWork) {
        this.repository = repository;
        this.units = units;
        this.formulaSets = formulaSets;
        this.currentUser = currentUser;
        this.systemWork = systemWork;
    }

    /**
     * The unit's combined result of the period; empty when it has no predecessors for the period (it existed then,
     * or the period is not before its restructuring) or none of them has a result.
     */
    public Optional<CombinedResult> combined(long unitId, String period) {
        readable(unitId);
        Period parsed = Period.parse(period);
        return Optional.ofNullable(systemWork.run("combined figures of a unit the reader reads",
                () -> combine(List.of(unitId), parsed)).get(unitId));
    }

    /** Every period before the unit's restructuring with a combined result, oldest first. */
    public List<CombinedResult> history(long unitId) {
        readable(unitId);
        return systemWork.run("combined figures of a unit the reader reads", () -> publishedHistory(unitId));
    }

    /**
     * Every period before the unit's restructuring with a combined result, oldest first. No scope check: only inside
     * system work whose caller checked the reader (published trends).
     */
    public List<CombinedResult> publishedHistory(long unitId) {
        List<CombinedResult> history = new ArrayList<>();
        for (String period : repository.periodsBefore(unitId)) {
            CombinedResult result = combine(List.of(unitId), Period.parse(period)).get(unitId);
            if (result != null) {
                history.add(result);
            }
        }
        return history;
    }

    /**
     * The combined results of those of the units that have no result of their own in the period. No scope check:
     * only inside system work whose caller checked the reader (published leaderboards, after the reader's province)
     * or acts for nobody (the demo seed).
     */
    public Map<Long, CombinedResult> withoutOwnResult(Collection<Long> unitIds, Period period) {
        Set<Long> own = repository.withOwnResult(unitIds, period.text());
        return combine(unitIds.stream().filter(id -> !own.contains(id)).toList(), period);
    }

    private OrgUnit readable(long unitId) {
        OrgUnit unit = systemWork.run("unit lookup before the scope check", () -> units.byId(unitId))
                .orElseThrow(() -> new UserError("unit.error.notFound"));
        if (!currentUser.scope().canRead(unit.path())) {
            throw NotPermitted.toRead();
        }
        return unit;
    }

    private Map<Long, CombinedResult> combine(Collection<Long> successorIds, Period period) {
        record Predecessor(String code, String name, String kind, @Nullable Double share,
                           Map<String, CombinedResultRepository.PredecessorRow> groups) {
        }
        Map<Long, Map<Long, Predecessor>> bySuccessor = new LinkedHashMap<>();
        for (CombinedResultRepository.PredecessorRow row : repository.predecessorRows(successorIds, period.text())) {
            Predecessor predecessor = bySuccessor.computeIfAbsent(row.successorId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.predecessorId(), k -> new Predecessor(row.code(), row.name(), row.kind(),
                            row.share(), new LinkedHashMap<>()));
            if (row.groupCode() != null) {
                predecessor.groups().put(row.groupCode(), row);
            }
        }
        if (bySuccessor.isEmpty()) {
            return Map.of();
        }
        FormulaSet set = formulaSets.forDay(period.start()).set();
        Map<Long, CombinedResult> combined = new LinkedHashMap<>();
        bySuccessor.forEach((successorId, predecessors) -> {
            List<String> names = predecessors.values().stream().map(Predecessor::name).toList();
            List<CombinedGroup> groups = new ArrayList<>();
            for (IndexGroup group : set.groups()) {
                List<PredecessorFigures> figures = predecessors.values().stream().map(p -> {
                    var row = p.groups().get(group.code());
                    boolean split = "SPLIT".equals(p.kind());
                    return new PredecessorFigures(p.code(), p.name(), split && p.share() != null ? p.share() / 100 : null,
                            row == null ? Map.of() : row.counts(), row == null ? null : row.headlineRate(),
                            row == null ? null : row.score(), volume(set, p.groups()), split && p.share() == null);
                }).toList();
                if (figures.stream().allMatch(PredecessorFigures::hasNoData)) {
                    continue;
                }
                groups.add(CombinedFigures.combine(group, figures));
            }
            if (!groups.isEmpty()) {
                combined.put(successorId, new CombinedResult(successorId, period, names, groups));
            }
        });
        return combined;
    }

    /** The dossiers the predecessor received in the period, where its on-time handling counts say so. */
    private static @Nullable Double volume(FormulaSet set,
                                           Map<String, CombinedResultRepository.PredecessorRow> groups) {
        var row = groups.get(VOLUME_GROUP);
        Optional<CountSum> received = set.group(VOLUME_GROUP).flatMap(g -> g.metrics().stream()
                .filter(m -> !m.terms().isEmpty()).findFirst()).map(Metric::terms).map(t -> t.getFirst().denominator());
        if (row == null || received.isEmpty() || !row.counts().keySet().containsAll(received.get().fields())) {
            return null;
        }
        return received.get().valueIn(row.counts());
    }
}
