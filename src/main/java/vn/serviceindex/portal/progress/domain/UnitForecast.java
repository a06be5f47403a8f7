package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One unit's forecasts, per index group in the portal's order, for one check day and for the end of the phase today
 * falls in.
 *
 * @param check     the day forecast for: the campaign's next milestone check unless another day was asked
 * @param checkName the milestone's name when the day is one ("Kiểm tra sau 50 ngày"); null otherwise
 * @param phaseName the current phase's name (the plan's, or the milestone ending the stretch); null when none
 */
public record UnitForecast(long unitId, String unitCode, String unitName, String level, boolean hasPlan,
                           LocalDate today, LocalDate check, @Nullable String checkName, LocalDate phaseEnd,
                           @Nullable String phaseName, List<GroupForecast> groups) {

    public UnitForecast {
        groups = List.copyOf(groups);
    }

    public Optional<GroupForecast> group(String code) {
        return groups.stream().filter(g -> g.groupCode().equals(code)).findFirst();
    }

    /** How many groups have this verdict at the check. */
    public long count(Verdict verdict) {
        return groups.stream().filter(g -> g.verdict() == verdict).count();
    }
}
