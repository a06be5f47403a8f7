package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.index.domain.IndexGroup;

/** The score a clerk sees while typing a headline rate in, per shape of group (fixture: the 2026 set's groups). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScoreEstimateTest {

    private static IndexGroup group(String code) {
        return PortalFiles.SET.group(code).orElseThrow();
    }

    @Test
    void on_time_handling_is_decided_by_its_rate_exactly() {
        ScoreEstimate tdgq = ScoreEstimate.at(group("TDGQ"), 92.12);

        assertThat(tdgq.basis()).isEqualTo(ScoreEstimate.Basis.EXACT);
        assertThat(tdgq.score()).isEqualTo(18.42);
        assertThat(tdgq.max()).isEqualTo(20.0);
        assertThat(tdgq.wholeGroup()).isTrue();
        assertThat(ScoreEstimate.at(group("TDGQ"), 100).score()).isEqualTo(20.0);
        assertThat(ScoreEstimate.at(group("TDGQ"), 0).score()).isEqualTo(0.0);
    }

    @Test
    void a_group_of_several_metrics_is_its_max_times_the_groups_ratio() {
        ScoreEstimate ckmb = ScoreEstimate.at(group("CKMB"), 13.2);
        assertThat(ckmb.basis()).isEqualTo(ScoreEstimate.Basis.GROUP_RATIO);
        assertThat(ckmb.score()).isEqualTo(2.38); // 18 × 13.2 % = 2.376
        assertThat(ckmb.wholeGroup()).isTrue();

        // Tracked-only metrics do not make MDHL a one-metric group.
        ScoreEstimate mdhl = ScoreEstimate.at(group("MDHL"), 96.8);
        assertThat(mdhl.basis()).isEqualTo(ScoreEstimate.Basis.GROUP_RATIO);
        assertThat(mdhl.score()).isEqualTo(17.42);
    }

    @Test
    void online_payment_gives_only_the_points_of_its_headline_term_A() {
        // A = dossiers paid online / dossiers with a fee: min(6, 6 × A). B and C need the counts.
        ScoreEstimate tttt = ScoreEstimate.at(group("TTTT"), 67.37);

        assertThat(tttt.basis()).isEqualTo(ScoreEstimate.Basis.HEADLINE_TERM);
        assertThat(tttt.score()).isEqualTo(4.04);
        assertThat(tttt.partMax()).isEqualTo(6.0);
        assertThat(tttt.max()).isEqualTo(10.0);
        assertThat(tttt.wholeGroup()).as("never counted as the group's score").isFalse();
        assertThat(ScoreEstimate.at(group("TTTT"), 100).score()).isEqualTo(6.0);
    }

    @Test
    void a_rate_outside_0_to_100_is_a_programming_error_here() {
        assertThatThrownBy(() -> ScoreEstimate.at(group("TDGQ"), 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreEstimate.at(group("TDGQ"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_total_counts_official_scores_first_then_whole_group_estimates() {
        EntryPreview preview = EntryPreview.of(PortalFiles.SET, Map.of(
                "TDGQ", new TypedResult("TDGQ", 92.12, null),
                "CKMB", new TypedResult("CKMB", 13.2, 2.4),
                "TTTT", new TypedResult("TTTT", 67.37, null)));

        assertThat(preview.line("TDGQ").counted()).isEqualTo(18.42);
        assertThat(preview.line("CKMB").counted()).as("the official score wins").isEqualTo(2.4);
        assertThat(preview.line("TTTT").counted()).as("a part is not a group score").isNull();
        assertThat(preview.line("MDHL").estimate().basis()).isEqualTo(ScoreEstimate.Basis.NONE);
        assertThat(preview.total()).isEqualTo(20.82);
        assertThat(preview.max()).isEqualTo(66.0);
        assertThat(preview.complete()).isFalse();
    }

    @Test
    void the_total_is_complete_when_every_group_counts() {
        EntryPreview preview = EntryPreview.of(PortalFiles.SET, Map.of(
                "TDGQ", new TypedResult("TDGQ", 92.12, null),
                "CKMB", new TypedResult("CKMB", 13.2, null),
                "TTTT", new TypedResult("TTTT", 67.37, 7.5),
                "MDHL", new TypedResult("MDHL", 100, null)));

        assertThat(preview.total()).isEqualTo(18.42 + 2.38 + 7.5 + 18);
        assertThat(preview.complete()).isTrue();
    }
}
