package vn.serviceindex.portal.base.i18n;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.serviceindex.portal.base.domain.MessageKey;

/**
 * Every text the user sees, from {@code messages_vi.properties} and {@code messages_en.properties}, for the screens
 * and the HTTP API alike. Vietnamese is the default. Every text is a {@link MessageFormat} pattern, formatted in the
 * user's locale (53,13 in Vietnamese) whether or not it has arguments, so an apostrophe is always written {@code ''};
 * an argument that is a {@link MessageKey} is translated first, and a {@link LocalDate} reads as 21/03/2024 in
 * Vietnamese, 2024-03-21 in English.
 */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.of("vi", "VN");
    public static final List<Locale> LOCALES = List.of(VIETNAMESE, Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text of the key in the locale, its arguments filled in; {@code !key!} (and a warning) when none. */
    public static String text(String key, Locale locale, Object... arguments) {
        Locale supported = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle("messages", supported, NO_FALLBACK).getString(key);
            // Always formatted, arguments or not, so that every text follows one rule: an apostrophe is written ''.
            Object[] shown = Arrays.stream(arguments)
                    .map(argument -> argument instanceof MessageKey nested ? text(nested.key(), supported)
                            : argument instanceof LocalDate date ? date(date, supported) : argument)
                    .toArray();
            return new MessageFormat(pattern, supported).format(shown);
        } catch (MissingResourceException e) {
            log.warn("No text for key {} in {}", key, supported);
            return "!" + key + "!";
        }
    }

    /** The text of a key, or empty when no bundle has it: for labels that fall back to a raw name. */
    public static Optional<String> find(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", supported(locale), NO_FALLBACK);
        return bundle.containsKey(key)
                ? Optional.of(new MessageFormat(bundle.getString(key), supported(locale)).format(new Object[0]))
                : Optional.empty();
    }

    /** English for English, Vietnamese for every other language. */
    public static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    /** A day as officials write it: 21/03/2024 in Vietnamese, 2024-03-21 in English. */
    public static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern(datePattern(locale), locale));
    }

    public static String datePattern(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "yyyy-MM-dd" : "dd/MM/yyyy";
    }
}
