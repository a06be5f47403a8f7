package vn.serviceindex.portal.result.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.PortalRounding;
import vn.serviceindex.portal.index.domain.Term;

/**
 * A group's score as far as its headline rate alone tells it, shown while a clerk types a result in. What the
 * headline rate means depends on the group's shape in the formula set, so the rule follows that shape:
 * <ul>
 *   <li>{@link Basis#EXACT}: one scored metric of one term (TDGQ, the on-time share): the rate is that term's rate
 *       and decides the score ({@link IndexScoring#scoreAtRate(IndexGroup, double)}).</li>
 *   <li>{@link Basis#GROUP_RATIO}: several scored metrics (CKMB, CLGQ, MDHL, MDSH): no single metric's rate is
 *       the headline; what the campaign tracks is the portal's {@code ratio} of the group, its score as a share of
 *       its max, so the score is max × rate / 100 (to the portal's rounding of the ratio, ±0.01).</li>
 *   <li>{@link Basis#HEADLINE_TERM}: one scored metric of several terms (TTTT): the headline rate is its first
 *       term's (A = dossiers paid online / dossiers with a fee); only that term's points follow from it
 *       (min(6, 6 × A)), the other terms need the counts. The score is a part, out of {@link #partMax()}.</li>
 *   <li>{@link Basis#NONE}: nothing to estimate (no rate, or no scored metric).</li>
 * </ul>
 *
 * @param score   the estimated points; for {@link Basis#HEADLINE_TERM} the headline term's points only
 * @param max     the group's max points
 * @param partMax the most the estimated part can earn: the group's max, or the headline term's cap
 */
public record ScoreEstimate(String groupCode, Basis basis, @Nullable Double score, double max, double partMax) {

    public enum Basis { EXACT, GROUP_RATIO, HEADLINE_TERM, NONE }

    public static ScoreEstimate none(IndexGroup group) {
        return new ScoreEstimate(group.code(), Basis.NONE, null, group.maxPoints(), group.maxPoints());
    }

    /** @param ratePercent a headline rate in 0–100 % */
    public static ScoreEstimate at(IndexGroup group, double ratePercent) {
        if (!(ratePercent >= 0 && ratePercent <= 100)) {
            throw new IllegalArgumentException("rate must lie in 0–100 %, was " + ratePercent);
        }
        List<Metric> scored = group.metrics().stream().filter(m -> !m.terms().isEmpty()).toList();
        if (scored.isEmpty()) {
            return none(group);
        }
        if (scored.size() > 1) {
            double score = Math.min(group.maxPoints(), PortalRounding.twoDecimals(group.maxPoints() * ratePercent / 100));
            return new ScoreEstimate(group.code(), Basis.GROUP_RATIO, score, group.maxPoints(), group.maxPoints());
        }
        Metric metric = scored.getFirst();
        if (metric.terms().size() == 1) {
            GroupScore exact = IndexScoring.scoreAtRate(group, ratePercent);
            return new ScoreEstimate(group.code(), Basis.EXACT, exact.score(), group.maxPoints(), group.maxPoints());
        }
        Term headline = metric.terms().getFirst();
        double partMax = Math.min(metric.maxPoints(), headline.cap());
        Metric headlineOnly = new Metric(metric.code(), metric.nameVi(), metric.nameEn(), partMax, List.of(headline),
                metric.whenEmpty(), metric.roundRateFirst(), null);
        Double part = IndexScoring.scoreAtRate(headlineOnly, ratePercent).score();
        return new ScoreEstimate(group.code(), Basis.HEADLINE_TERM, part, group.maxPoints(), partMax);
    }

    /** Whether {@link #score()} stands for the whole group, so that it may enter a total. */
    public boolean wholeGroup() {
        return score != null && (basis == Basis.EXACT || basis == Basis.GROUP_RATIO);
    }
}
