package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class PortalRoundingTest {

    @Test
    void six_times_93_25_percent_rounds_down_to_5_59_because_its_double_is_just_below_5_595() {
        double term = 6 * 93.25 / 100;

        assertThat(new BigDecimal(term)).isLessThan(new BigDecimal("5.595"));
        assertThat(PortalRounding.twoDecimals(term)).isEqualTo(5.59);
    }

    @Test
    void rounding_the_decimal_string_instead_would_show_5_60_where_the_portal_shows_5_59() {
        double term = 6 * 93.25 / 100;

        assertThat(BigDecimal.valueOf(term).setScale(2, RoundingMode.HALF_UP).doubleValue()).isEqualTo(5.6);
        assertThat(PortalRounding.twoDecimals(term)).isNotEqualTo(5.6);
    }

    @Test
    void two_and_a_half_times_45_percent_is_exactly_1_125_and_rounds_half_up_to_1_13() {
        double term = 2.5 * 45 / 100;

        assertThat(new BigDecimal(term)).isEqualByComparingTo("1.125");
        assertThat(PortalRounding.twoDecimals(term)).isEqualTo(1.13);
    }

    @Test
    void binary_noise_of_a_sum_disappears() {
        assertThat(PortalRounding.twoDecimals(0.1 + 0.2)).isEqualTo(0.3);
    }

    @Test
    void negative_zero_becomes_zero() {
        assertThat(Double.doubleToRawLongBits(PortalRounding.twoDecimals(-0.0))).isEqualTo(0L);
    }
}
