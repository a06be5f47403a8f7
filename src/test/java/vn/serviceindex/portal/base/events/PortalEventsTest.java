package vn.serviceindex.portal.base.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.events.PortalEvent.AccountsNotified;
import vn.serviceindex.portal.base.events.PortalEvent.PlanChanged;
import vn.serviceindex.portal.base.events.PortalEvent.ResultsChanged;

/**
 * What changed reaches other nodes through LISTEN/NOTIFY after the commit, and never for a change rolled back. The
 * other node is played by a connection of the test's own, listening on the channel.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortalEventsTest extends ServiceTest {

    @Autowired
    PortalEvents events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    HikariDataSource dataSource;

    Connection otherNode;

    @BeforeEach
    void listenAsAnotherNode() throws Exception {
        otherNode = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
        try (Statement statement = otherNode.createStatement()) {
            statement.execute("listen " + PortalEvents.CHANNEL);
        }
    }

    @AfterEach
    void stopListening() throws Exception {
        otherNode.close();
    }

    @Test
    void an_event_published_in_a_transaction_reaches_another_connection_only_after_the_commit() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<PortalEvent> beforeCommit = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            events.publish(new ResultsChanged(64, "2024-05"));
            events.publish(new PlanChanged(7, 12, "SUBMITTED", 3));
            events.publish(new ResultsChanged(64, "2024-05")); // an import touching many units tells it once
            beforeCommit.addAll(received(1, 300));
        });

        assertThat(beforeCommit).isEmpty();
        assertThat(received(2, 10_000)).containsExactly(new ResultsChanged(64, "2024-05"),
                new PlanChanged(7, 12, "SUBMITTED", 3));
    }

    @Test
    void an_event_published_after_the_commit_by_another_listener_still_goes_out() throws Exception {
        // As the notifications do: they announce themselves once their transaction committed, and the bell's event
        // is published from there (seen in Chromium: the bell did not count until a reload).
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        transaction.executeWithoutResult(status -> org.springframework.transaction.support
                .TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                events.publish(new AccountsNotified(Set.of(41L)));
                            }
                        }));

        assertThat(received(1, 10_000)).containsExactly(new AccountsNotified(Set.of(41L)));
    }

    @Test
    void an_event_of_a_transaction_rolled_back_is_never_sent() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        transaction.executeWithoutResult(status -> {
            events.publish(new ResultsChanged(64, "2024-06"));
            status.setRollbackOnly();
        });
        events.publish(new ResultsChanged(64, "2024-07")); // outside a transaction: at once, and after the other

        assertThat(received(1, 10_000)).containsExactly(new ResultsChanged(64, "2024-07"));
        assertThat(received(1, 300)).isEmpty();
    }

    @Test
    void thousands_of_notified_accounts_go_as_several_events_that_postgresql_accepts() throws Exception {
        Set<Long> accounts = new java.util.LinkedHashSet<>();
        for (long id = 1; id <= 1000; id++) {
            accounts.add(100_000_000L + id);
        }

        events.publish(new AccountsNotified(accounts));

        Set<Long> told = new java.util.LinkedHashSet<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (told.size() < accounts.size() && System.nanoTime() < deadline) {
            received(1, 500).forEach(event -> told.addAll(((AccountsNotified) event).accountIds()));
        }
        assertThat(told).isEqualTo(accounts);
    }

    @Test
    void a_payload_names_its_node_and_the_moment_of_its_commit() {
        String payload = PortalEvents.payloads(new PlanChanged(7, 12, "APPROVED", 4), "123@node-a",
                "2026-12-07T03:00:00.123456Z").getFirst();

        PortalEvents.Received read = PortalEvents.parse(payload);

        assertThat(read).isNotNull();
        assertThat(read.event()).isEqualTo(new PlanChanged(7, 12, "APPROVED", 4));
        assertThat(read.node()).isEqualTo("123@node-a");
        assertThat(read.committedAt()).hasToString("2026-12-07T03:00:00.123456Z");
        assertThat(PortalEvents.parse("{\"type\":\"SomethingNewer\"}")).isNull();
        assertThat(PortalEvents.parse("not json")).isNull();
    }

    /** What the other node received: waits until the expected number of events arrived, or the time is up. */
    private List<PortalEvent> received(int expected, int waitMillis) {
        List<PortalEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        try {
            while (events.size() < expected && System.nanoTime() < deadline) {
                PGNotification[] notifications = otherNode.unwrap(PGConnection.class).getNotifications(
                        (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        PortalEvents.Received read = PortalEvents.parse(notification.getParameter());
                        if (read != null) {
                            events.add(read.event());
                        }
                    }
                }
            }
            return events;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
