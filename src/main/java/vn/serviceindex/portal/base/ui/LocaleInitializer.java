package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.domain.SignedInAccount;

/**
 * Opens every page in Vietnamese unless the user chose English in this session or on the account last time. The
 * browser's language is deliberately ignored: officials share machines, and the portal is Vietnamese-first.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            VaadinSession session = uiEvent.getUI().getSession();
            Locale locale = session.getAttribute(LanguageSwitch.CHOSEN_LOCALE) instanceof Locale chosen
                    ? chosen : accountLocale();
            uiEvent.getUI().setLocale(locale);
        });
    }

    private static Locale accountLocale() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                ? PortalTranslations.supported(account.locale()) : PortalTranslations.VIETNAMESE;
    }
}
