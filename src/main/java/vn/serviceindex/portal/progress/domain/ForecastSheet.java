package vn.serviceindex.portal.progress.domain;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.campaign.domain.Campaign;

/**
 * The forecasts of the units under one root (a province, a district, one unit) in the root's current campaign, for
 * one check day.
 *
 * @param checkName the milestone's name when the check is one; null for another day
 * @param units     the covered units under the root that the reader reads, by code
 */
public record ForecastSheet(Campaign campaign, LocalDate today, boolean todayPinned, LocalDate check,
                            @Nullable String checkName, List<UnitForecast> units) {

    public ForecastSheet {
        units = List.copyOf(units);
    }

    /** The groups forecast to miss the check or at risk of it, the largest gap first. */
    public List<AtRisk> atRisk() {
        return AtRisk.rank(units);
    }
}
