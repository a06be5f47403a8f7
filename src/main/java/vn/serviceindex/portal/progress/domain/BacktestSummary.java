package vn.serviceindex.portal.progress.domain;

import java.util.List;

/**
 * How the forecasts made on past figures fared against the figures that followed.
 *
 * @param forecasts         forecasts checked
 * @param meanAbsoluteError the mean distance between projection and figure, in rate points (0 when none)
 * @param decisive          forecasts that said "will reach" or "will miss" a target
 * @param held              of those, how many the next figure bore out
 * @param atRisk            forecasts that said "at risk"
 * @param withinRange       forecasts whose range held the next figure
 */
public record BacktestSummary(int forecasts, double meanAbsoluteError, int decisive, int held, int atRisk,
                              int withinRange) {

    public static BacktestSummary of(List<BacktestCase> cases) {
        double errors = cases.stream().mapToDouble(BacktestCase::error).sum();
        return new BacktestSummary(cases.size(), cases.isEmpty() ? 0 : Rates.twoDecimals(errors / cases.size()),
                (int) cases.stream().filter(c -> c.target() != null && c.verdict().decisive()).count(),
                (int) cases.stream().filter(BacktestCase::held).count(),
                (int) cases.stream().filter(c -> c.verdict() == Verdict.AT_RISK).count(),
                (int) cases.stream().filter(BacktestCase::withinRange).count());
    }

    /** The share (0..1) of decisive verdicts that held; 0 when there were none. */
    public double heldShare() {
        return decisive == 0 ? 0 : (double) held / decisive;
    }

    /** The share (0..1) of forecasts whose range held the next figure; 0 when there were none. */
    public double withinRangeShare() {
        return forecasts == 0 ? 0 : (double) withinRange / forecasts;
    }
}
