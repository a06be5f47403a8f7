package vn.serviceindex.portal.base.database;

import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Turns a constraint the database refused into a message the user can read: the key is
 * {@code error.constraint.<constraint name>}, so every named constraint in {@code db/migration} has its own text.
 * The services validate first; this is the net under them (a race, a rule only the database knows).
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    public static <T> T translate(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            throw new UserError("error.constraint." + constraintName(e), e.getMostSpecificCause().getMessage());
        }
    }

    static String constraintName(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return message.getConstraint();
                }
            }
        }
        return "unknown";
    }
}
