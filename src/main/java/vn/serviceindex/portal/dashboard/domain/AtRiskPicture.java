package vn.serviceindex.portal.dashboard.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.progress.domain.BacktestSummary;
import vn.serviceindex.portal.progress.domain.ForecastSheet;

/**
 * The forecast for a province's next milestone check, for the dashboard.
 *
 * @param sheet    null without a current campaign (or a check to forecast)
 * @param outlooks per group of the formula set, in its order, how many units will reach what is due
 * @param backtest how the method fared on the province's stored months; null when there is nothing forecast
 */
public record AtRiskPicture(@Nullable ForecastSheet sheet, List<GroupOutlook> outlooks,
                            @Nullable BacktestSummary backtest) {

    public static final AtRiskPicture NONE = new AtRiskPicture(null, List.of(), null);

    public AtRiskPicture {
        outlooks = List.copyOf(outlooks);
    }
}
