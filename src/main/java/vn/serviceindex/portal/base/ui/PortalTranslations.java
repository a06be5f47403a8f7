package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.i18n.Messages;

/** Vaadin's access to the portal's texts ({@link Messages}): {@code getTranslation} in every view. */
@Component
public class PortalTranslations implements I18NProvider {

    public static final Locale VIETNAMESE = Messages.VIETNAMESE;
    public static final List<Locale> LOCALES = Messages.LOCALES;

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.text(key, locale, params);
    }

    /** The text of a key, or empty when no bundle has it: for labels that fall back to a raw name. */
    public static Optional<String> find(String key, Locale locale) {
        return Messages.find(key, locale);
    }

    public static Locale supported(Locale locale) {
        return Messages.supported(locale);
    }
}
