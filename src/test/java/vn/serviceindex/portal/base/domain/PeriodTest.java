package vn.serviceindex.portal.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void years_quarters_months_and_checkpoints_are_periods() {
        assertThat(Period.parse("2024")).isEqualTo(new Period(Period.Kind.YEAR, "2024", LocalDate.of(2024, 1, 1)));
        assertThat(Period.parse("2024-Q2").start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(Period.parse("2024-05").kind()).isEqualTo(Period.Kind.MONTH);
        assertThat(Period.parse(" 2024-05-20 ")).isEqualTo(
                new Period(Period.Kind.CHECKPOINT, "2024-05-20", LocalDate.of(2024, 5, 20)));
        assertThat(Period.parse("2024-02-29").start()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "24", "0999", "2024-Q5", "2024-Q0", "2024-13", "2024-00", "Q2-2024", "2024/05",
            "2024-5", "2024-05-1", "2024-05-20T00:00", "２０２４", "2024\u0000"})
    void anything_of_another_shape_is_a_format_error_at_the_period_field(String bad) {
        UserError refusal = refusal(bad);
        assertThat(refusal.messageKey()).as(bad).isEqualTo("period.error.format");
        assertThat(refusal.field()).isEqualTo("period");
        assertThat(refusal.arguments()[0].toString()).as("quoted without control characters").doesNotContain("\0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-05-99", "2024-04-31", "2024-05-32", "2024-05-00"})
    void an_impossible_day_is_a_user_error_naming_the_day_not_a_crash(String bad) {
        UserError refusal = refusal(bad);
        assertThat(refusal.messageKey()).isEqualTo("period.error.noSuchDay");
        assertThat(refusal.field()).isEqualTo("period");
        assertThat(refusal.arguments()).containsExactly(bad);
    }

    @Test
    void a_missing_period_is_a_format_error_too() {
        assertThat(refusal(null).messageKey()).isEqualTo("period.error.format");
    }

    @Test
    void the_period_of_a_kind_around_a_day_is_the_one_a_form_proposes() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(Period.around(Period.Kind.YEAR, day)).isEqualTo(Period.parse("2026"));
        assertThat(Period.around(Period.Kind.QUARTER, day)).isEqualTo(Period.parse("2026-Q4"));
        assertThat(Period.around(Period.Kind.MONTH, day)).isEqualTo(Period.parse("2026-11"));
        assertThat(Period.around(Period.Kind.CHECKPOINT, day)).isEqualTo(Period.parse("2026-11-20"));
        assertThat(Period.around(Period.Kind.QUARTER, LocalDate.of(2026, 3, 31))).isEqualTo(Period.parse("2026-Q1"));
    }

    @Test
    void each_period_ends_on_its_last_day() {
        assertThat(Period.parse("2024").end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Period.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2024-05-20").end()).isEqualTo(LocalDate.of(2024, 5, 20));
    }

    @Test
    void the_previous_period_is_of_the_same_kind_and_a_checkpoint_has_none() {
        assertThat(Period.parse("2024").previous()).contains(Period.parse("2023"));
        assertThat(Period.parse("2024-Q1").previous()).contains(Period.parse("2023-Q4"));
        assertThat(Period.parse("2024-Q3").previous()).contains(Period.parse("2024-Q2"));
        assertThat(Period.parse("2024-01").previous()).contains(Period.parse("2023-12"));
        assertThat(Period.parse("2024-05-20").previous()).isEmpty();
    }

    @Test
    void periods_order_by_their_first_day_and_the_finer_is_newer_on_the_same_day() {
        List<Period> sorted = List.of("2024-05", "2024", "2024-Q2", "2024-04-01", "2024-04", "2023-12").stream()
                .map(Period::parse).sorted().toList();
        assertThat(sorted).extracting(Period::text)
                .containsExactly("2023-12", "2024", "2024-Q2", "2024-04", "2024-04-01", "2024-05");
    }

    @Test
    void the_newest_period_begun_by_a_day_skips_the_ones_still_to_come() {
        List<Period> periods = List.of("2024", "2024-Q2", "2024-04", "2024-05", "2024-06", "2024-05-20").stream()
                .map(Period::parse).toList();
        assertThat(Period.newestBegunBy(periods, LocalDate.of(2024, 5, 2))).contains(Period.parse("2024-05"));
        assertThat(Period.newestBegunBy(periods, LocalDate.of(2024, 5, 20))).contains(Period.parse("2024-05-20"));
        assertThat(Period.newestBegunBy(periods, LocalDate.of(2024, 4, 1))).contains(Period.parse("2024-04"));
        assertThat(Period.newestBegunBy(periods, LocalDate.of(2023, 12, 31))).isEmpty();
    }

    private static UserError refusal(String text) {
        try {
            Period.parse(text);
        } catch (UserError refusal) {
            return refusal;
        }
        throw new AssertionError(text + " was read as a period");
    }

    @Test
    void the_current_period_is_the_newest_begun_by_the_day_else_the_newest() {
        var day = LocalDate.of(2024, 5, 2);
        assertThat(Period.current(List.of("2024-06", "2024-05", "2024-Q2", "2023"), day)).contains("2024-05");
        assertThat(Period.current(List.of("2024-05-02", "2024-05"), day)).contains("2024-05-02");
        assertThat(Period.current(List.of("2024-07", "2024-06"), day)).as("nothing begun yet")
                .contains("2024-07");
        assertThat(Period.current(List.of(), day)).isEmpty();
    }
}
