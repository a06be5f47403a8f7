package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim on a kept data directory, without a real PostgreSQL: a "server" here is a copy of {@code sh} named
 * {@code postgres} started with {@code -D <directory>}, which exits on the fast-shutdown signal (SIGINT) as a
 * postmaster does. The real server, killed portals and a second portal are in {@code CrashRecoveryIT}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataDirectoryLockTest {

    @TempDir
    Path temp;
    Path directory;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void createTheDirectory() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh (Linux, macOS)");
        directory = Files.createDirectories(temp.resolve("data/postgres"));
    }

    @AfterEach
    void stopWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void a_server_left_by_a_dead_portal_is_stopped_with_a_fast_shutdown() throws Exception {
        // Perl, not sh: a shell cannot trap a signal ignored when it started (a test run launched in the background
        // ignores INT), where Perl installs its own handler.
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "needs /usr/bin/perl (Debian, macOS)");
        Path postgres = Files.copy(Path.of("/usr/bin/perl"), temp.resolve("postgres"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path stopped = temp.resolve("stopped-by");
        Process server = start(postgres.toString(), "-e",
                "$SIG{INT} = sub { open(my $f, '>', $ARGV[0]); print $f \"INT\\n\"; close($f); exit 0 };"
                        + " select(undef, undef, undef, 0.05) while 1;",
                stopped.toString(), "-D", directory.toString());
        writePidFile(server.pid());
        Thread.sleep(200); // the trap is set

        try (DataDirectoryLock ignored = DataDirectoryLock.claim(directory)) {
            // Exited by the time the claim returns; the JVM's reaper thread may take a moment to note it here.
            assertThat(server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).as("stopped").isTrue();
            assertThat(Files.readString(stopped).strip()).isEqualTo("INT");
        }
    }

    @Test
    void a_postmaster_pid_naming_another_live_program_is_removed_and_that_program_left_alone() throws Exception {
        Process unrelated = start("sleep", "30");
        writePidFile(unrelated.pid());

        try (DataDirectoryLock ignored = DataDirectoryLock.claim(directory)) {
            assertThat(directory.resolve("postmaster.pid")).doesNotExist();
            assertThat(unrelated.isAlive()).isTrue();
        }
    }

    @Test
    void a_postgres_of_another_data_directory_is_left_alone() throws Exception {
        Path postgres = Files.copy(Path.of("/bin/sh"), temp.resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Process other = start(postgres.toString(), "-c", "trap 'exit 0' INT; while :; do sleep 0.05; done",
                "postgres", "-D", elsewhere.toString());
        writePidFile(other.pid());
        Thread.sleep(200);

        try (DataDirectoryLock ignored = DataDirectoryLock.claim(directory)) {
            assertThat(other.isAlive()).isTrue();
            assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void a_postmaster_pid_whose_process_is_gone_is_left_for_postgresql_to_clear() throws Exception {
        Process gone = start("true");
        gone.waitFor();
        writePidFile(gone.pid());

        try (DataDirectoryLock ignored = DataDirectoryLock.claim(directory)) {
            assertThat(directory.resolve("postmaster.pid")).exists();
        }
    }

    @Test
    void a_directory_claimed_by_a_live_portal_is_refused_naming_its_pid_and_left_untouched() throws Exception {
        Path postgres = Files.copy(Path.of("/bin/sh"), temp.resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        Process server = start(postgres.toString(), "-c", "trap 'exit 0' INT; while :; do sleep 0.05; done",
                "postgres", "-D", directory.toString());
        try (DataDirectoryLock first = DataDirectoryLock.claim(directory)) {
            writePidFile(server.pid());
            Thread.sleep(200);

            assertThatThrownBy(() -> DataDirectoryLock.claim(directory))
                    .isInstanceOf(DataDirectoryInUse.class)
                    .hasMessage("Another portal (pid " + ProcessHandle.current().pid()
                            + ") is using the embedded database in " + directory
                            + "; this portal stops without touching it");
            assertThat(directory.resolve("postmaster.pid")).exists();
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void a_released_directory_can_be_claimed_again() throws Exception {
        DataDirectoryLock.claim(directory).close();

        try (DataDirectoryLock again = DataDirectoryLock.claim(directory)) {
            assertThat(Files.readString(DataDirectoryLock.lockFile(directory)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(DataDirectoryLock.lockFile(directory)).isEqualTo(temp.resolve("data/postgres.lock"));
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private void writePidFile(long pid) throws IOException {
        // The first lines of a real postmaster.pid: pid, data directory, start time, port.
        Files.writeString(directory.resolve("postmaster.pid"),
                pid + "\n" + directory + "\n" + System.currentTimeMillis() / 1000 + "\n5432\n", StandardCharsets.UTF_8);
    }

}
