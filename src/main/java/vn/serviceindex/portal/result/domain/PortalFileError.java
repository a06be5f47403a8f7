package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;

/** A national portal file refused before anything is written, naming where in the file the fault is. */
public class PortalFileError extends UserError {

    private final @Nullable String path;

    public PortalFileError(@Nullable String path, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.path = path;
    }

    /** The JSON path of the bad value, {@code data.children[3].totalDossierFinancialObligation}; null for the file. */
    public @Nullable String path() {
        return path;
    }
}
