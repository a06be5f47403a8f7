package vn.serviceindex.portal.base.events;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's ear on {@value PortalEvents#CHANNEL}: one connection of its own (not the pool's: it is held for the
 * node's life), a daemon thread waiting on {@code getNotifications}, each event relayed as a Spring application event
 * ({@link PortalEvent}) to whoever listens on this node — the open screens among them. When the connection fails
 * (the database restarted) it connects again after a pause; events sent meanwhile are missed, and screens show
 * them on their next refresh.
 */
@Component
public class PortalEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PortalEventListener.class);
    private static final int WAIT_MILLIS = 1000;
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ApplicationEventPublisher publisher;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delayMicrosTotal = new AtomicLong();
    private final AtomicLong delayMicrosMax = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection connection;

    PortalEventListener(DataSource dataSource, ApplicationEventPublisher publisher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "portal-events");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing to wake the thread; it ends either way
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
        if (received.get() > 0) {
            log.info("Live updates: {} events received, delay from commit mean {} ms, max {} ms", received.get(),
                    String.format(java.util.Locale.ROOT, "%.1f", delayMicrosTotal.get() / 1000.0 / received.get()),
                    String.format(java.util.Locale.ROOT, "%.1f", delayMicrosMax.get() / 1000.0));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listening connection is up (tests wait for it before sending). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection open = open()) {
                connection = open;
                try (Statement statement = open.createStatement()) {
                    statement.execute("listen " + PortalEvents.CHANNEL);
                }
                PGConnection pg = open.unwrap(PGConnection.class);
                listening = true;
                log.info("Listening for live updates on channel {}", PortalEvents.CHANNEL);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            relay(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for live updates failed; connecting again in {} s", RECONNECT.toSeconds(), e);
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(RECONNECT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void relay(String payload) {
        PortalEvents.Received event = PortalEvents.parse(payload);
        if (event == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(event.committedAt(), Instant.now()).toNanos() / 1000);
        received.incrementAndGet();
        delayMicrosTotal.addAndGet(delay);
        delayMicrosMax.accumulateAndGet(delay, Math::max);
        log.debug("Live update {} from node {} received {} ms after its commit", event.event(), event.node(),
                String.format(java.util.Locale.ROOT, "%.1f", delay / 1000.0));
        try {
            publisher.publishEvent(event.event());
        } catch (RuntimeException e) {
            log.warn("A listener failed on live update {}", event.event(), e);
        }
    }

    private Connection open() throws SQLException {
        return openOutsideThePool(dataSource);
    }

    /** A connection outside the pool, with the pool's credentials (the pool's own when there is no URL to copy). */
    static Connection openOutsideThePool(DataSource dataSource) throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }
}
