package vn.serviceindex.portal.security.service;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.serviceindex.portal.base.domain.LanguagePreferences;

/** Stores the logged-in account's own language choice; nobody else's. */
@Service
class AccountLanguagePreferences implements LanguagePreferences {

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    AccountLanguagePreferences(CurrentUser currentUser, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void remember(Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        jdbc.sql("update account set language = :language where id = :id and language <> :language")
                .param("language", language)
                .param("id", currentUser.require().accountId())
                .update();
    }
}
