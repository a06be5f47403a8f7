package vn.serviceindex.portal.base.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches the user's reason to every audit record the current transaction writes from now on (a target that
 * departs from the rule, a plan reopened). Must run inside the transaction that makes the change.
 */
@Component
public class AuditReason {

    private final JdbcClient jdbc;

    AuditReason(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void set(String reason) {
        jdbc.sql("select set_config('portal.reason', :reason, true)").param("reason", reason).query(String.class)
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void clear() {
        set("");
    }
}
