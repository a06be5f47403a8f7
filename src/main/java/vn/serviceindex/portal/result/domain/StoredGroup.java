package vn.serviceindex.portal.result.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group's stored result as the result screen shows it: the values and their source, the score the portal
 * recomputed from them, and the national portal's warnings.
 *
 * @param enteredByName the display name of whoever typed or imported it
 */
public record StoredGroup(GroupResult result, @Nullable String enteredByName, @Nullable Double computedScore,
                          @Nullable Double computedMax, List<PortalWarning> warnings) {

    public StoredGroup {
        warnings = List.copyOf(warnings);
    }

    public String groupCode() {
        return result.groupCode();
    }
}
