package vn.serviceindex.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Numbers and dates as officials write them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FormatsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 21);

    @Test
    void dates_read_day_first_in_Vietnamese_and_ISO_in_English() {
        assertThat(Formats.date(DAY, PortalTranslations.VIETNAMESE)).isEqualTo("21/03/2024");
        assertThat(Formats.date(DAY, Locale.ENGLISH)).isEqualTo("2024-03-21");
        assertThat(Formats.date(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void times_are_Vietnams_whatever_the_servers_zone_and_names_follow_the_language() {
        java.time.Instant utcTwoOClock = java.time.Instant.parse("2024-05-02T02:00:30Z");

        assertThat(Formats.dateTime(utcTwoOClock, PortalTranslations.VIETNAMESE)).isEqualTo("02/05/2024 09:00");
        assertThat(Formats.dateTime(utcTwoOClock, Locale.ENGLISH)).isEqualTo("2024-05-02 09:00");
        assertThat(Formats.dateTimeSeconds(utcTwoOClock, Locale.ENGLISH)).isEqualTo("2024-05-02 09:00:30");
        assertThat(Formats.inLanguage(Locale.FRENCH, "Tiến độ", "On time")).isEqualTo("Tiến độ");
        assertThat(Formats.inLanguage(Locale.UK, "Tiến độ", "On time")).isEqualTo("On time");
    }

    @Test
    void decimals_use_a_comma_in_Vietnamese_and_a_point_in_English() {
        assertThat(Formats.decimal(53.13, PortalTranslations.VIETNAMESE)).isEqualTo("53,13");
        assertThat(Formats.decimal(53.13, Locale.ENGLISH)).isEqualTo("53.13");
        assertThat(Formats.decimal(1234.5, PortalTranslations.VIETNAMESE)).isEqualTo("1.234,5");
        assertThat(Formats.decimal(null, Locale.ENGLISH)).isEqualTo("–");
    }

    @Test
    void typed_decimals_are_read_with_a_comma_or_a_point() {
        assertThat(Formats.parseDecimal("13,2")).contains(13.2);
        assertThat(Formats.parseDecimal(" 13.2 ")).contains(13.2);
        assertThat(Formats.parseDecimal("-7")).contains(-7.0);
        assertThat(Formats.parseDecimal("")).isEmpty();
        assertThat(Formats.parseDecimal("mười")).isEmpty();
        assertThat(Formats.parseDecimal("1,234.5")).as("ambiguous grouping is refused, not guessed").isEmpty();
    }
}
