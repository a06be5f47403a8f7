package vn.serviceindex.portal.base.domain;

import java.util.Locale;

/** Remembers the language the logged-in account chose, so that its next login opens in it. */
public interface LanguagePreferences {

    void remember(Locale locale);
}
