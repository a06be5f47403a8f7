package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Consumer;

/** Tiếng Việt / English. The choice holds for the session; MainLayout also stores it on the account. */
public class LanguageSwitch extends Select<Locale> {

    /** Session attribute holding the locale the user chose, which beats the account's stored one. */
    static final String CHOSEN_LOCALE = "portal.chosenLocale";

    public LanguageSwitch() {
        this(locale -> { });
    }

    public LanguageSwitch(Consumer<Locale> onChange) {
        addClassName("language-switch");
        setItems(PortalTranslations.LOCALES);
        setItemLabelGenerator(locale -> "en".equals(locale.getLanguage()) ? "English" : "Tiếng Việt");
        setValue(PortalTranslations.supported(UI.getCurrent().getLocale()));
        setAriaLabel(getTranslation("layout.language"));
        addValueChangeListener(event -> {
            Locale chosen = event.getValue();
            if (chosen == null || chosen.equals(event.getOldValue())) {
                return;
            }
            VaadinSession session = VaadinSession.getCurrent();
            session.setAttribute(CHOSEN_LOCALE, chosen);
            session.setLocale(chosen);
            onChange.accept(chosen);
            // Every text on screen was built in the old language: rebuild the page.
            UI.getCurrent().getPage().reload();
        });
    }
}
