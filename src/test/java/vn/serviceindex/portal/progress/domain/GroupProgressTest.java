package vn.serviceindex.portal.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Status, completion and shortfall of one group. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupProgressTest {

    private static GroupProgress payment(Double current) {
        return new GroupProgress("TTTT", 67.37, current, "2024-05", 72.45, 77.37, 77.37, true);
    }

    @Test
    void at_or_above_what_is_due_today_is_on_track_below_it_behind() {
        assertThat(payment(72.45).status()).isEqualTo(GroupProgress.Status.ON_TRACK);
        assertThat(payment(75.0).status()).isEqualTo(GroupProgress.Status.ON_TRACK);
        assertThat(payment(72.44).status()).isEqualTo(GroupProgress.Status.BEHIND);
    }

    @Test
    void the_shortfall_is_what_is_due_today_minus_the_current_rate_and_never_negative() {
        assertThat(payment(70.0).shortfall()).isEqualTo(2.45);
        assertThat(payment(75.0).shortfall()).isZero();
        assertThat(payment(null).shortfall()).isZero();
    }

    @Test
    void without_a_target_or_a_result_the_status_says_which_is_missing() {
        assertThat(new GroupProgress("MDSH", null, 30.0, "2024-05", null, null, null, false).status())
                .isEqualTo(GroupProgress.Status.NO_TARGET);
        assertThat(payment(null).status()).isEqualTo(GroupProgress.Status.NO_RESULT);
        assertThat(payment(null).completion()).isEmpty();
    }

    @Test
    void completion_is_the_share_of_the_way_from_the_baseline_to_the_final_target_clamped() {
        assertThat(payment(72.37).completion().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(payment(80.0).completion().getAsDouble()).isEqualTo(1.0);
        assertThat(payment(60.0).completion().getAsDouble()).isEqualTo(0.0);
        assertThat(new GroupProgress("TTTT", null, 70.0, "2024-05", 72.37, 77.37, 77.37, true).completion())
                .isEmpty();
    }

    @Test
    void a_unit_already_at_its_final_target_is_complete_while_it_stays_there() {
        var satisfaction = new GroupProgress("MDHL", 100.0, 100.0, "2024-05", 100.0, 100.0, 100.0, true);
        assertThat(satisfaction.completion().getAsDouble()).isEqualTo(1.0);
        var dropped = new GroupProgress("MDHL", 100.0, 98.0, "2024-05", 100.0, 100.0, 100.0, true);
        assertThat(dropped.completion().getAsDouble()).isEqualTo(0.0);
        assertThat(dropped.status()).isEqualTo(GroupProgress.Status.BEHIND);
    }

    @Test
    void a_unit_s_shortfall_adds_its_groups_shortfalls() {
        var unit = new UnitProgress(1, "628", "Huyện Ia Grai", "DISTRICT", true, List.of(payment(70.0),
                new GroupProgress("TDGQ", 81.6, 90.0, "2024-05", 95.5, 100.0, 100.0, true),
                new GroupProgress("MDHL", 96.8, 99.0, "2024-05", 98.0, 100.0, 100.0, true)));

        assertThat(unit.totalShortfall()).isEqualTo(7.95);
        assertThat(unit.onTrack()).isEqualTo(1);
        assertThat(unit.group("TDGQ")).isPresent();
        assertThat(unit.group("CLGQ")).isEmpty();
    }
}
