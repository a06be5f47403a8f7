package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.domain.MessageKey;

/**
 * Every text the user sees, from {@code messages_vi.properties} and {@code messages_en.properties}. Vietnamese is
 * the default. Every text is a {@link MessageFormat} pattern, formatted in the user's locale (53,13 in Vietnamese)
 * whether or not it has arguments, so an apostrophe is always written {@code ''}; an argument that is a
 * {@link MessageKey} is translated first, and a {@link LocalDate} reads as {@link Formats#date} (21/03/2024).
 */
@Component
public class PortalTranslations implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.of("vi", "VN");
    public static final List<Locale> LOCALES = List.of(VIETNAMESE, Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(PortalTranslations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle("messages", supported, NO_FALLBACK).getString(key);
            // Always formatted, arguments or not, so that every text follows one rule: an apostrophe is written ''.
            Object[] arguments = Arrays.stream(params)
                    .map(param -> param instanceof MessageKey nested ? getTranslation(nested.key(), supported)
                            : param instanceof LocalDate date ? Formats.date(date, supported) : param)
                    .toArray();
            return new MessageFormat(pattern, supported).format(arguments);
        } catch (MissingResourceException e) {
            log.warn("No text for key {} in {}", key, supported);
            return "!" + key + "!";
        }
    }

    /** The text of a key, or empty when no bundle has it: for labels that fall back to a raw name. */
    public static java.util.Optional<String> find(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", supported(locale), NO_FALLBACK);
        return bundle.containsKey(key)
                ? java.util.Optional.of(new MessageFormat(bundle.getString(key), supported(locale)).format(new Object[0]))
                : java.util.Optional.empty();
    }

    public static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }
}
