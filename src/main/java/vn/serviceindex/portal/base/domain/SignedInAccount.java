package vn.serviceindex.portal.base.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the shell shows of the logged-in account, without depending on the security feature. */
public interface SignedInAccount {

    String displayName();

    @Nullable String homeUnitName();

    /** The language the account chose last time. */
    Locale locale();
}
