package vn.serviceindex.portal.account.domain;

import org.jspecify.annotations.Nullable;

/** A new account as an administrator fills it in; the constants name its fields as refusals place them. */
public record AccountDraft(String username, String displayName, String password, String language,
                           @Nullable Long homeUnitId) {

    public static final String USERNAME = "username";
    public static final String DISPLAY_NAME = "displayName";
    public static final String PASSWORD = "password";
    public static final String HOME_UNIT = "homeUnit";
}
