package vn.serviceindex.portal.base.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one portal the only user of a kept data directory for as long as its JVM lives, and clears what a portal
 * that died left behind. The claim is an operating-system lock on {@code <directory>.lock}, beside the directory
 * (inside, it would keep initdb from creating a fresh cluster), which holds the portal's pid. The kernel releases the
 * lock when the JVM ends, however it ends: a held lock always means a live portal, a free one a dead or stopped one.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    /** How long a dead portal's server gets for a fast shutdown (a checkpoint) before an immediate one. */
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a data directory: {@code data/postgres.lock} for {@code data/postgres}. */
    static Path lockFile(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    /**
     * Claims the directory for this JVM and stops an embedded server a dead portal left running on it.
     *
     * @throws DataDirectoryInUse when a live portal uses the directory; nothing is touched then
     */
    static DataDirectoryLock claim(Path directory) throws IOException {
        Path lockFile = lockFile(directory);
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                throw new DataDirectoryInUse(directory, holder.isEmpty() ? "pid unknown" : "pid " + holder);
            }
            // A portal of an earlier version, or another program on zonky, holds this lock for its whole life.
            if (heldByAnotherProcess(directory.resolve("epg-lock"))) {
                throw new DataDirectoryInUse(directory, "pid unknown, it holds " + directory.resolve("epg-lock"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            stopServerOfDeadPortal(directory);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new DataDirectoryLock(channel, lock);
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM already runs a portal on the directory
        }
    }

    private static boolean heldByAnotherProcess(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        }
    }

    /**
     * A live postmaster named by {@code postmaster.pid} while nobody holds the portal lock was started by a portal
     * that is gone: PostgreSQL would refuse to start beside it ({@code lock file "postmaster.pid" already exists}).
     * Stop it as its portal would have. A pid file whose process is gone is PostgreSQL's to clear on start; one whose
     * pid now belongs to another program is removed, since PostgreSQL would take that program for a server.
     */
    private static void stopServerOfDeadPortal(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Long pid = lines.isEmpty() ? null : parsePid(lines.getFirst());
        if (pid == null) {
            log.warn("Removing {}: it names no process (a server stopped while starting)", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names pid {}, which no longer runs: PostgreSQL clears it and recovers from its log", pidFile,
                    pid);
            return;
        }
        if (!isServerOf(process.get(), directory)) {
            log.warn("Removing {}: its pid {} now belongs to a program that is no server of this directory ({})", pidFile, pid,
                    process.get().info().commandLine().orElse("unknown"));
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("The embedded PostgreSQL (pid {}) on {} was left running by a portal that is gone (killed or"
                + " crashed); stopping it (fast shutdown) before starting again", pid, directory);
        long started = System.nanoTime();
        signal(pid, "INT");
        if (!waitForExit(process.get(), FAST_SHUTDOWN)) {
            log.warn("PostgreSQL (pid {}) did not finish a fast shutdown in {} s; asking for an immediate one", pid,
                    FAST_SHUTDOWN.toSeconds());
            signal(pid, "QUIT");
            if (!waitForExit(process.get(), IMMEDIATE_SHUTDOWN)) {
                throw new IllegalStateException("Could not stop PostgreSQL (pid " + pid + ") on " + directory
                        + ", left running by a portal that is gone; stop it by hand (pg_ctl stop -D " + directory
                        + ") and start again");
            }
        }
        log.info("Stopped the PostgreSQL left running (pid {}) in {} ms", pid,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static @Nullable Long parsePid(String line) {
        try {
            long pid = Long.parseLong(line.strip());
            return pid > 0 ? pid : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A postgres process started on this directory; when the system does not tell, the pid file's word stands. */
    private static boolean isServerOf(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return true;
        }
        String name = Path.of(command.get()).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D")) {
                return samePath(Path.of(arguments[i + 1]), directory);
            }
        }
        return true;
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** PostgreSQL's shutdown modes are signals: INT is a fast shutdown, QUIT an immediate one. */
    private static void signal(long pid, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                log.warn("kill -s {} {} failed: {}", signal, pid,
                        new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL", e);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Releases the directory: after the server stopped, so the next portal finds no server left. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
