package vn.serviceindex.portal.base.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the embedded PostgreSQL keeps its cluster, and what guards it: a kept directory is claimed for this portal
 * ({@link DataDirectoryLock}); every server, kept or throw-away, is watched so that it stops with the JVM
 * ({@link PostgresWatchdog}). Closed after the server stopped.
 */
final class EmbeddedDataDirectory implements AutoCloseable {

    private final Path path;
    private final @Nullable DataDirectoryLock lock;
    private @Nullable PostgresWatchdog watchdog;

    private EmbeddedDataDirectory(Path path, @Nullable DataDirectoryLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /** A kept directory: claimed, cleared of a dead portal's server; refused while another portal uses it. */
    static EmbeddedDataDirectory kept(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        return new EmbeddedDataDirectory(absolute, DataDirectoryLock.claim(absolute));
    }

    /** A fresh temporary directory, deleted when the server stops (tests). */
    static EmbeddedDataDirectory throwAway() throws IOException {
        return new EmbeddedDataDirectory(Files.createTempDirectory("portal-pg"), null);
    }

    Path path() {
        return path;
    }

    boolean isKept() {
        return lock != null;
    }

    /** Starts watching the server now running on this directory. */
    void watchServer() throws IOException {
        watchdog = PostgresWatchdog.watch(path).orElse(null);
    }

    @Override
    public void close() throws IOException {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
