package vn.serviceindex.portal.base.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when the JVM dies without stopping it (SIGKILL, the OOM killer, a power-off of the
 * JVM alone). A small {@code sh} process waits to read from a pipe whose other end only this JVM holds; the kernel
 * closes it when the JVM ends, however it ends, and the watchdog then asks the postmaster for a fast shutdown, unless
 * {@code postmaster.pid} names another server by then (one the next portal started). After an orderly stop the pid
 * file is gone and it does nothing. Needs {@code sh} and {@code kill}: Linux and macOS, where the embedded binaries
 * run; elsewhere the portal starts without it and says so.
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresWatchdog.class);
    /** $1 the postmaster's pid, $2 its postmaster.pid. Terminal signals to the JVM's group leave it waiting. */
    private static final String SCRIPT = """
            trap '' INT HUP
            while read -r _; do :; done
            [ "$(head -n 1 "$2" 2>/dev/null)" = "$1" ] && kill -s INT "$1"
            exit 0
            """;

    /** Kept so that the pipe stays open: were it collected, its stream would close and stop the server. */
    private final Process process;

    private PostgresWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the server now running on the directory; empty where there is no {@code sh}. */
    static Optional<PostgresWatchdog> watch(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        String pid = Files.readAllLines(pidFile, StandardCharsets.UTF_8).getFirst().strip();
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            log.warn("No /bin/sh: the embedded PostgreSQL (pid {}) keeps running if this JVM is killed; the next"
                    + " start stops it", pid);
            return Optional.empty();
        }
        Process process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "portal-postgres-watchdog", pid,
                pidFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        log.info("PostgreSQL watchdog (pid {}) stops the embedded PostgreSQL (pid {}) if this JVM dies", process.pid(),
                pid);
        return Optional.of(new PostgresWatchdog(process));
    }

    /** Ends the watchdog without a word to the server: the portal stops it itself. */
    @Override
    public void close() {
        process.destroy();
    }
}
