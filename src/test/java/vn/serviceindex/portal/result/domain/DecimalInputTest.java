package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.serviceindex.portal.base.domain.UserError;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecimalInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13,2|13.2", "13.2|13.2", "' 13,20 '|13.2", "0|0", "100|100", "7|7", "0,5|0.5", ",5|0.5", "13,|13",
            "'\t92.12\u00a0'|92.12", "+5|5", "-0|0"})
    void a_decimal_comma_and_a_decimal_point_read_alike(String typed, double expected) {
        assertThat(DecimalInput.read(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0"})
    void a_blank_field_is_no_value(String typed) {
        assertThat(DecimalInput.read(typed)).isNull();
        assertThat(DecimalInput.rate(typed)).isNull();
        assertThat(DecimalInput.score(typed, 18)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "13 2", "1e2", "13,2a", "--5", ",", ".", "13%2", "0x10", "½"})
    void what_is_not_a_number_is_refused_saying_so(String typed) {
        assertThatThrownBy(() -> DecimalInput.read(typed)).isInstanceOf(UserError.class)
                .hasMessage("result.error.notANumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234,5", "1,234.5", "1.234.567", "13,,2", "13..2"})
    void several_separators_are_refused_as_ambiguous(String typed) {
        assertThatThrownBy(() -> DecimalInput.read(typed)).isInstanceOf(UserError.class)
                .hasMessage("result.error.twoSeparators");
    }

    @Test
    void a_third_decimal_is_refused_rather_than_rounded_away() {
        // "1.234" could be one thousand two hundred and thirty-four to a Vietnamese reader: never guess.
        for (String typed : new String[] {"1.234", "13,205", "0,001"}) {
            var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(UserError.class,
                    () -> DecimalInput.read(typed));
            assertThat(refusal).as(typed).isNotNull();
            assertThat(refusal.messageKey()).isEqualTo("result.error.tooManyDecimals");
            assertThat(refusal.arguments()).containsExactly(typed);
        }
    }

    @Test
    void a_rate_lies_between_0_and_100_and_may_end_with_a_percent_sign() {
        assertThat(DecimalInput.rate("67,37 %")).isEqualTo(67.37);
        assertThat(DecimalInput.rate("100%")).isEqualTo(100.0);
        assertThatThrownBy(() -> DecimalInput.rate("100,01")).hasMessage("result.error.rateRange");
        assertThatThrownBy(() -> DecimalInput.rate("-1")).hasMessage("result.error.rateRange");
        assertThatThrownBy(() -> DecimalInput.rate("120 %")).hasMessage("result.error.rateRange");
        assertThatThrownBy(() -> DecimalInput.rate("%")).hasMessage("result.error.notANumber");
    }

    @Test
    void a_score_lies_between_0_and_the_groups_max_and_a_total_between_0_and_100() {
        assertThat(DecimalInput.score("18", 18)).isEqualTo(18.0);
        var above = org.assertj.core.api.Assertions.catchThrowableOfType(UserError.class,
                () -> DecimalInput.score("18,5", 18));
        assertThat(above.messageKey()).isEqualTo("result.error.scoreRange");
        assertThat(above.arguments()).containsExactly(18.5, 18.0);
        assertThatThrownBy(() -> DecimalInput.score("-0,5", 18)).hasMessage("result.error.scoreRange");
        assertThatThrownBy(() -> DecimalInput.score("5 %", 18)).hasMessage("result.error.notANumber");

        assertThat(DecimalInput.total("55,51")).isEqualTo(55.51);
        assertThatThrownBy(() -> DecimalInput.total("100,5")).hasMessage("result.error.totalRange");
    }
}
