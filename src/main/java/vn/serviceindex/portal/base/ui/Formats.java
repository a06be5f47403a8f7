package vn.serviceindex.portal.base.ui;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.base.time.PortalCalendar;

/**
 * Numbers, dates, times and names as officials read them, per locale, in one place: 53,13 and 21/03/2024 09:00 in
 * Vietnamese; 53.13 and 2024-03-21 09:00 in English; times in Vietnam's time zone.
 */
public final class Formats {

    private Formats() {
    }

    public static String date(@Nullable LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return Messages.date(date, locale);
    }

    public static String datePattern(Locale locale) {
        return Messages.datePattern(locale);
    }

    /** A moment in Vietnam's time to the minute: 25/03/2024 09:00 in Vietnamese, 2024-03-25 09:00 in English. */
    public static String dateTime(@Nullable Instant instant, Locale locale) {
        return instant == null ? "–" : moment(instant, locale, "HH:mm");
    }

    /** As {@link #dateTime}, to the second: when a change was recorded. */
    public static String dateTimeSeconds(Instant instant, Locale locale) {
        return moment(instant, locale, "HH:mm:ss");
    }

    private static String moment(Instant instant, Locale locale, String timePattern) {
        ZonedDateTime local = instant.atZone(PortalCalendar.ZONE);
        return Messages.date(local.toLocalDate(), locale) + " " + local.format(DateTimeFormatter.ofPattern(timePattern));
    }

    /** Whether the locale reads English; every other language reads Vietnamese. */
    public static boolean english(Locale locale) {
        return Messages.supported(locale).equals(Locale.ENGLISH);
    }

    /** Of a name stored in both languages (a formula set's group or metric), the one of the locale. */
    public static String inLanguage(Locale locale, String vietnamese, String english) {
        return english(locale) ? english : vietnamese;
    }

    public static String decimal(@Nullable Double value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(PortalTranslations.supported(locale));
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** Reads "13,2" and "13.2" alike: clerks type either, whatever the interface language. */
    public static Optional<Double> parseDecimal(String text) {
        String cleaned = text.strip().replace(" ", "").replace(',', '.');
        if (cleaned.isEmpty() || !cleaned.matches("[-+]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        var number = NumberFormat.getNumberInstance(Locale.ROOT).parse(cleaned, new ParsePosition(0));
        return number == null ? Optional.empty() : Optional.of(number.doubleValue());
    }
}
