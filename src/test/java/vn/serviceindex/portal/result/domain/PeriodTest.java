package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.UserError;

class PeriodTest {

    @Test
    void years_quarters_months_and_checkpoints_are_periods() {
        assertThat(Period.parse("2024")).isEqualTo(new Period(Period.Kind.YEAR, "2024", LocalDate.of(2024, 1, 1)));
        assertThat(Period.parse("2024-Q2").start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(Period.parse("2024-05").kind()).isEqualTo(Period.Kind.MONTH);
        assertThat(Period.parse(" 2024-05-20 ")).isEqualTo(
                new Period(Period.Kind.CHECKPOINT, "2024-05-20", LocalDate.of(2024, 5, 20)));
    }

    @Test
    void anything_else_is_refused() {
        for (String bad : new String[] {"", "24", "2024-Q5", "2024-13", "2024-02-30", "Q2-2024", "2024/05"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(UserError.class)
                    .hasMessage("result.error.period");
        }
    }
}
