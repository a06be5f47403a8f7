package vn.serviceindex.portal.base.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.serviceindex.portal.base.database.InstallationJobs;
import vn.serviceindex.portal.base.events.PortalEvent.AccountsNotified;
import vn.serviceindex.portal.base.events.PortalEvent.PlanChanged;
import vn.serviceindex.portal.base.events.PortalEvent.ResultsChanged;

/**
 * Tells every portal node what changed, through PostgreSQL's {@code NOTIFY} on {@value #CHANNEL}. Inside a
 * transaction the events wait for its commit (a rolled-back change tells nobody; the same event twice in one
 * transaction is sent once); outside one they go at once. Each node's {@link PortalEventListener} receives them, this
 * node's own included, and relays them as Spring application events.
 *
 * <p>A payload is small JSON (ids, a period, the moment of the commit and the sending node); PostgreSQL allows
 * 8000 bytes, so a long list of accounts goes as several events.
 */
@Component
public class PortalEvents {

    static final String CHANNEL = "portal_events";
    private static final int ACCOUNTS_PER_EVENT = 400;
    private static final Logger log = LoggerFactory.getLogger(PortalEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final String node;
    private @Nullable Connection sender;

    PortalEvents(DataSource dataSource, InstallationJobs jobs) {
        this.dataSource = dataSource;
        this.node = jobs.node();
    }

    /** Sends the event after the current transaction commits, or now when there is none. */
    public void publish(PortalEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(event));
            return;
        }
        AfterCommit pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(AfterCommit.class::isInstance).map(AfterCommit.class::cast)
                .filter(s -> s.owner == this).findFirst().orElse(null);
        if (pending != null && pending.sent) {
            // Published by another synchronization after this transaction's events went out: committed, send now.
            send(List.of(event));
            return;
        }
        if (pending == null) {
            pending = new AfterCommit(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.add(event);
    }

    private static final class AfterCommit implements TransactionSynchronization {

        private final PortalEvents owner;
        private final Set<PortalEvent> events = new LinkedHashSet<>();
        private boolean sent;

        AfterCommit(PortalEvents owner) {
            this.owner = owner;
        }

        @Override
        public void afterCommit() {
            sent = true;
            owner.send(List.copyOf(events));
        }

        /**
         * Registered while the transaction was already committing (from another synchronization's afterCommit, as
         * the notifications announce themselves), it is called here only: the transaction did commit.
         */
        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !sent) {
                afterCommit();
            }
        }
    }

    /**
     * On a connection of its own, outside the pool and shared by this node's senders: the committed transaction
     * still holds its pooled connection here, and a second one from the pool could wait for a pool that every
     * committing request holds.
     */
    private synchronized void send(List<PortalEvent> events) {
        String committedAt = Instant.now().toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                if (sender == null || sender.isClosed()) {
                    sender = PortalEventListener.openOutsideThePool(dataSource);
                    sender.setAutoCommit(true);
                }
                try (PreparedStatement notify = sender.prepareStatement("select pg_notify(?, ?)")) {
                    for (PortalEvent event : events) {
                        for (String payload : payloads(event, node, committedAt)) {
                            notify.setString(1, CHANNEL);
                            notify.setString(2, payload);
                            notify.execute();
                        }
                    }
                }
                return;
            } catch (SQLException | RuntimeException e) {
                closeSender();
                if (attempt == 2) {
                    // The change is committed: a screen elsewhere shows it on its next refresh instead of at once.
                    log.warn("Could not tell the other nodes about {}", events, e);
                }
            }
        }
    }

    private void closeSender() {
        Connection open = sender;
        sender = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // broken already
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        closeSender();
    }

    static List<String> payloads(PortalEvent event, String node, String committedAt) {
        if (event instanceof AccountsNotified(Set<Long> ids) && ids.size() > ACCOUNTS_PER_EVENT) {
            List<Long> all = new ArrayList<>(ids);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < all.size(); i += ACCOUNTS_PER_EVENT) {
                parts.add(payload(new AccountsNotified(new LinkedHashSet<>(
                        all.subList(i, Math.min(all.size(), i + ACCOUNTS_PER_EVENT)))), node, committedAt));
            }
            return parts;
        }
        return List.of(payload(event, node, committedAt));
    }

    private static String payload(PortalEvent event, String node, String committedAt) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", event.getClass().getSimpleName());
        switch (event) {
            case ResultsChanged results -> json.put("provinceId", results.provinceId())
                    .put("period", results.period());
            case PlanChanged plan -> json.put("planId", plan.planId()).put("unitId", plan.unitId())
                    .put("status", plan.status()).put("version", plan.version());
            case AccountsNotified notified -> notified.accountIds()
                    .forEach(json.putArray("accountIds")::add);
        }
        json.put("node", node).put("committedAt", committedAt);
        return JSON.writeValueAsString(json);
    }

    /** An event as received, with where and when it was committed; null for a payload this version does not know. */
    static @Nullable Received parse(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            PortalEvent event = switch (json.path("type").asString()) {
                case "ResultsChanged" -> new ResultsChanged(json.path("provinceId").asLong(),
                        json.path("period").asString());
                case "PlanChanged" -> new PlanChanged(json.path("planId").asLong(), json.path("unitId").asLong(),
                        json.path("status").asString(), json.path("version").asInt());
                case "AccountsNotified" -> {
                    Set<Long> ids = new LinkedHashSet<>();
                    json.path("accountIds").forEach(id -> ids.add(id.asLong()));
                    yield new AccountsNotified(ids);
                }
                default -> null;
            };
            return event == null ? null : new Received(event, json.path("node").asString(),
                    Instant.parse(json.path("committedAt").asString()));
        } catch (RuntimeException e) {
            log.warn("Ignoring an event that cannot be read: {}", payload, e);
            return null;
        }
    }

    record Received(PortalEvent event, String node, Instant committedAt) {
    }
}
