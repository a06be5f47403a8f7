package vn.serviceindex.portal.account.service;

import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.LanguagePreferences;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.security.service.CurrentUser;

/** Stores the logged-in account's own language choice; nobody else's. The account feature owns the table. */
@Service
class AccountLanguagePreferences implements LanguagePreferences {

    private final CurrentUser currentUser;
    private final AccountRepository accounts;

    AccountLanguagePreferences(CurrentUser currentUser, AccountRepository accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void remember(Locale locale) {
        accounts.rememberLanguage(currentUser.require().accountId(), Messages.supported(locale).getLanguage());
    }
}
