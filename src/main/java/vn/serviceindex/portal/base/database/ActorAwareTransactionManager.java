package vn.serviceindex.portal.base.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import vn.serviceindex.portal.base.domain.Actor;
import vn.serviceindex.portal.base.domain.UnitReach;

/**
 * The one place where every transaction starts: it tells PostgreSQL who acts, as transaction-local settings
 * {@code portal.actor_id}, {@code portal.actor_name} and {@code portal.actor_unit}, and gives the transaction a
 * {@code portal.correlation_id} that groups its audit records (one save, one import). Audit triggers and row-level
 * policies read them with {@code current_setting('portal.actor_id', true)}; outside the app they are empty, so
 * a manual SQL change is recorded with the database user instead.
 *
 * <p>It also hands over the units the actor reads and writes ({@link UnitReach}), which the row-level policies of
 * V16 wall every query into, and switches system work off: nobody logged in reaches nothing, and only
 * {@link SystemWork} opens everything, for its own transaction.
 */
class ActorAwareTransactionManager extends DataSourceTransactionManager {

    ActorAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication != null && authentication.getPrincipal() instanceof Actor a ? a : null;
        UnitReach reach = actor == null ? UnitReach.NOTHING : actor.unitReach();
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('portal.actor_id', ?, true), set_config('portal.actor_name', ?, true),"
                        + " set_config('portal.actor_unit', ?, true), set_config('portal.correlation_id', ?, true),"
                        + " set_config('portal.read_paths', ?, true), set_config('portal.read_prefixes', ?, true),"
                        + " set_config('portal.write_paths', ?, true), set_config('portal.write_prefixes', ?, true),"
                        + " set_config('portal.provinces', ?, true), set_config('portal.system_work', '', true)")) {
            statement.setString(1, actor == null ? "" : Long.toString(actor.actorId()));
            statement.setString(2, actor == null ? "" : actor.actorName());
            statement.setString(3, actor == null || actor.actorUnitId() == null ? "" : actor.actorUnitId().toString());
            statement.setString(4, UUID.randomUUID().toString());
            statement.setString(5, UnitReach.arrayLiteral(reach.readPaths()));
            statement.setString(6, UnitReach.arrayLiteral(reach.readPrefixes()));
            statement.setString(7, UnitReach.arrayLiteral(reach.writePaths()));
            statement.setString(8, UnitReach.arrayLiteral(reach.writePrefixes()));
            statement.setString(9, UnitReach.arrayLiteral(reach.provinces()));
            statement.execute();
        }
    }
}
