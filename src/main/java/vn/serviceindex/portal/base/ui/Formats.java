package vn.serviceindex.portal.base.ui;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.i18n.Messages;

/** Numbers and dates as officials write them: 53,13 and 21/03/2024 in Vietnamese; 53.13 and 2024-03-21 in English. */
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

    /** Of a name stored in both languages (a formula set's group or metric), the one of the locale. */
    public static String inLanguage(Locale locale, String vietnamese, String english) {
        return Messages.supported(locale).equals(Locale.ENGLISH) ? english : vietnamese;
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
