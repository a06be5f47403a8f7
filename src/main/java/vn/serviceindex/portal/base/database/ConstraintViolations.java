package vn.serviceindex.portal.base.database;

import java.util.Set;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Turns a constraint the database refused into a message the user can read: the key is
 * {@code error.constraint.<constraint name>}, so every named constraint in {@code db/migration} has its own text.
 * The services validate first; this is the net under them (a race, a rule only the database knows).
 *
 * <p>Unique, check, exclusion and foreign-key violations (and the triggers that raise them with a constraint name)
 * have texts of their own, without arguments: the database's own words are not for users. Anything else, such as a
 * missing value or a text PostgreSQL cannot store, is {@code error.constraint.unknown}, a generic text without the
 * database's words, which are logged for the administrator instead.
 */
public final class ConstraintViolations {

    /** unique_violation, check_violation, exclusion_violation, foreign_key_violation. */
    private static final Set<String> NAMED_RULES = Set.of("23505", "23514", "23P01", "23503");
    private static final String UNKNOWN = "unknown";
    private static final Logger log = LoggerFactory.getLogger(ConstraintViolations.class);

    private ConstraintViolations() {
    }

    public static <T> T translate(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            String constraint = constraintName(e);
            if (constraint.equals(UNKNOWN)) {
                log.warn("A write was refused by the database for a reason without a text of its own: {}",
                        e.getMostSpecificCause().getMessage());
            }
            throw new UserError("error.constraint." + constraint);
        }
    }

    /** The violated rule's name when it has a text of its own, else {@code unknown}. */
    static String constraintName(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && NAMED_RULES.contains(psql.getSQLState())) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return message.getConstraint();
                }
            }
        }
        return UNKNOWN;
    }
}
