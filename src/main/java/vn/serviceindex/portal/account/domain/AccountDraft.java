package vn.serviceindex.portal.account.domain;

import org.jspecify.annotations.Nullable;

/** A new account as an administrator fills it in. */
public record AccountDraft(String username, String displayName, String password, String language,
                           @Nullable Long homeUnitId) {
}
