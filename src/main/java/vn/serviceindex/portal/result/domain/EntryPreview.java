package vn.serviceindex.portal.result.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.PortalRounding;

/**
 * The scores a result entry form shows as the clerk types: per group of the formula set the estimate from the typed
 * rate ({@link ScoreEstimate}), and a total that counts each group's official score where one is typed, else its
 * estimate. The total is complete only when every group of the set counts with a whole score.
 */
public record EntryPreview(List<Line> lines, double total, double max, boolean complete) {

    public EntryPreview {
        lines = List.copyOf(lines);
    }

    /** One group: what was typed and what follows from it. */
    public record Line(String groupCode, double max, @Nullable Double rate, @Nullable Double officialScore,
                       ScoreEstimate estimate) {

        /** The points this group adds to the total: the official score, else a whole-group estimate. */
        public @Nullable Double counted() {
            if (officialScore != null) {
                return officialScore;
            }
            return estimate.wholeGroup() ? estimate.score() : null;
        }
    }

    /**
     * @param typed the typed results by group code; groups not in the set are left out (the service refuses them)
     */
    public static EntryPreview of(FormulaSet set, Map<String, TypedResult> typed) {
        List<Line> lines = new ArrayList<>();
        double total = 0;
        double max = 0;
        boolean complete = true;
        for (IndexGroup group : set.groups()) {
            TypedResult entry = typed.get(group.code());
            ScoreEstimate estimate = entry == null ? ScoreEstimate.none(group)
                    : ScoreEstimate.at(group, entry.headlineRate());
            Line line = new Line(group.code(), group.maxPoints(), entry == null ? null : entry.headlineRate(),
                    entry == null ? null : entry.officialScore(), estimate);
            lines.add(line);
            max += group.maxPoints();
            Double counted = line.counted();
            if (counted == null) {
                complete = false;
            } else {
                total += counted;
            }
        }
        return new EntryPreview(lines, PortalRounding.twoDecimals(total), PortalRounding.twoDecimals(max), complete);
    }

    public Line line(String groupCode) {
        return lines.stream().filter(l -> l.groupCode().equals(groupCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + groupCode));
    }
}
