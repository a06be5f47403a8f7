package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged portal, started as an operator starts it ({@code java -jar ... --spring.profiles.active=demo}) on a
 * kept data directory under {@code target/crash-recovery-it/}, killed and started again: one scenario in steps, each
 * step building on the one before. Runs in {@code ./mvnw verify} after the jar is packaged (failsafe); the portals'
 * logs stay in {@code target/crash-recovery-it/*.log}. Everything started is stopped after the class, the embedded
 * PostgreSQL included (by the pid in its {@code postmaster.pid}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CrashRecoveryIT {

    static final Path WORK = Path.of("target", "crash-recovery-it").toAbsolutePath();
    static final Path DATA = WORK.resolve("data").resolve("postgres");
    static final Duration START_UP = Duration.ofMinutes(4);
    /** Communes the import creates; with the province and its 22 departments the file has UNITS + 23 lines. */
    static final int UNITS = 3000;
    static final String PERIOD = "2024-07";

    static final List<Portal> portals = new ArrayList<>();
    static final Set<Long> servers = new LinkedHashSet<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Path importFile;
    static Portal running;

    @BeforeAll
    static void startFromAnEmptyDirectory() throws Exception {
        if (Files.exists(DATA.resolve("postmaster.pid"))) {
            stopServer(postmasterPid()); // left by an earlier run that was itself killed
        }
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        importFile = WORK.resolve("import.json");
        Files.writeString(importFile, portalFile(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopEverythingStarted() throws Exception {
        for (Portal portal : portals) {
            List<ProcessHandle> children = portal.process.descendants().toList();
            if (portal.process.isAlive()) {
                portal.process.destroy(); // an orderly stop stops its PostgreSQL too
                if (!portal.process.waitFor(60, TimeUnit.SECONDS)) {
                    portal.process.destroyForcibly();
                }
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        if (Files.exists(DATA.resolve("postmaster.pid"))) {
            servers.add(postmasterPid());
        }
        for (long pid : servers) {
            stopServer(pid);
        }
    }

    @Test
    @Order(1)
    void a_portal_killed_in_the_middle_of_a_large_import_leaves_no_postgresql_running() throws Exception {
        running = Portal.start("1-fresh");
        running.awaitLoginPage();
        long server = postmasterPid();
        ProcessHandle watchdog = running.watchdog().orElseThrow(() -> new AssertionError("no watchdog running"));

        CompletableFuture<HttpResponse<String>> response = http.sendAsync(running.importRequest(),
                HttpResponse.BodyHandlers.ofString());
        awaitAnImportWriting();
        assertThat(response).as("the import still runs when the portal is killed").isNotDone();
        running.kill();

        long killed = System.nanoTime();
        assertThat(awaitExit(server, Duration.ofSeconds(20)))
                .as("the watchdog stops PostgreSQL (pid %d) when the JVM dies", server).isTrue();
        System.out.printf("PostgreSQL stopped %d ms after the portal was killed%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
        assertThat(awaitExit(watchdog.pid(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    @Order(2)
    void the_portal_starts_again_on_the_same_directory_with_the_import_all_or_nothing_and_the_audit_chain_valid()
            throws Exception {
        long start = System.nanoTime();
        running = Portal.start("2-after-kill");
        running.awaitLoginPage();
        System.out.printf("Restart after the kill: login page after %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());

        try (Connection connection = connect()) {
            long created = count(connection, "select count(*) from org_unit where code like '64.K%'");
            long results = count(connection, "select count(*) from result where period = '" + PERIOD + "'");
            long imports = count(connection, "select count(*) from portal_import where file_name = 'crash.json'");
            assertThat(List.of(created, results, imports)).as("units created, results, imports recorded")
                    .isIn(List.of(0L, 0L, 0L), List.of((long) UNITS, UNITS + 23L, 1L));
            System.out.printf("The killed import left %s%n", imports == 0 ? "nothing" : "all of itself");
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    assertThat(row.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
        assertThat(running.auditVerdict()).contains("\"valid\":true");
    }

    @Test
    @Order(3)
    void a_second_portal_on_the_same_directory_exits_saying_so_and_leaves_the_first_working() throws Exception {
        long server = postmasterPid();

        Portal second = Portal.start("3-second");
        assertThat(second.process.waitFor(START_UP.toSeconds(), TimeUnit.SECONDS)).as("the second portal ends")
                .isTrue();

        assertThat(second.process.exitValue()).isNotZero();
        assertThat(second.logText()).contains("Another portal (pid " + running.process.pid()
                + ") is using the embedded database in " + DATA + "; this portal stops without touching it");
        assertThat(postmasterPid()).isEqualTo(server);
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
        assertThat(running.loginPageStatus()).isEqualTo(200);
        assertThat(running.auditVerdict()).contains("\"valid\":true");
    }

    @Test
    @Order(4)
    void a_server_left_running_by_a_portal_killed_with_its_watchdog_is_stopped_by_the_next_start() throws Exception {
        long orphan = postmasterPid();
        killWatchdogOf(running);
        running.kill();
        Thread.sleep(2000);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphaned PostgreSQL").contains(true);

        running = Portal.start("4-after-orphan");
        running.awaitLoginPage();

        assertThat(running.logText()).contains("The embedded PostgreSQL (pid " + orphan + ") on " + DATA
                + " was left running by a portal that is gone");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(running.auditVerdict()).contains("\"valid\":true");
    }

    @Test
    @Order(5)
    void a_stale_postmaster_pid_from_a_crash_of_the_database_does_not_block_the_next_start() throws Exception {
        long server = postmasterPid();
        List<ProcessHandle> workers = ProcessHandle.of(server).orElseThrow().children().toList();
        killWatchdogOf(running);
        running.kill();
        ProcessHandle.of(server).orElseThrow().destroyForcibly(); // as a power cut would
        for (ProcessHandle worker : workers) {
            awaitExit(worker.pid(), Duration.ofSeconds(30));
        }
        // After a reboot, the pid in the file can belong to any other program: here a sleep.
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = DATA.resolve("postmaster.pid");
            List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
            lines.set(0, Long.toString(unrelated.pid()));
            Files.write(pidFile, lines);

            running = Portal.start("5-after-power-cut");
            running.awaitLoginPage();

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(running.auditVerdict()).contains("\"valid\":true");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    // --- the portal as a process

    record Portal(Process process, int port, Path log) {

        static Portal start(String name) throws IOException {
            Path jar;
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(file -> file.getFileName().toString().matches("service-index-portal-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/"));
            }
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            int port = freePort();
            Path log = WORK.resolve(name + ".log");
            Process process = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", jar.toAbsolutePath().toString(), "--spring.profiles.active=demo",
                    "--server.port=" + port, "--portal.embedded-database.data-directory=" + DATA)
                    .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Portal portal = new Portal(process, port, log);
            portals.add(portal);
            return portal;
        }

        void awaitLoginPage() throws InterruptedException {
            long deadline = System.nanoTime() + START_UP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("the portal ended with " + process.exitValue() + " before serving the login page:\n" + tail());
                }
                try {
                    if (loginPageStatus() == 200) {
                        servers.add(postmasterPid());
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            fail("no login page within " + START_UP + ":\n" + tail());
        }

        int loginPageStatus() throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String auditVerdict() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/audit/verify"))
                    .header("Authorization", basic("kiemtoan")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        HttpRequest importRequest() {
            try {
                return HttpRequest.newBuilder(uri("/api/v1/imports/portal?period=" + PERIOD
                                + "&createMissingUnits=true"))
                        .header("Authorization", basic("tinh.giamsat")).header("Content-Type", "application/json")
                        .header("X-File-Name", "crash.json")
                        .POST(HttpRequest.BodyPublishers.ofFile(importFile)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The sh that stops this portal's PostgreSQL when its JVM dies. */
        Optional<ProcessHandle> watchdog() {
            return process.descendants().filter(child -> child.info().arguments()
                    .map(arguments -> List.of(arguments).contains("portal-postgres-watchdog")).orElse(false))
                    .findFirst();
        }

        /** SIGKILL, as the OOM killer or a power-off of the JVM alone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        String logText() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static String basic(String username) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":Demo@2024")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    static void killWatchdogOf(Portal portal) throws InterruptedException {
        ProcessHandle watchdog = portal.watchdog().orElseThrow(() -> new AssertionError("no watchdog running"));
        watchdog.destroyForcibly();
        assertThat(awaitExit(watchdog.pid(), Duration.ofSeconds(10))).isTrue();
    }

    // --- the embedded PostgreSQL, seen from outside

    static long postmasterPid() throws IOException {
        return postmasterPidOf(DATA);
    }

    static long postmasterPidOf(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
    }

    static Connection connect() throws IOException, SQLException {
        String port = Files.readAllLines(DATA.resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Until a transaction has been writing for a second: the import, between its first and its last row. */
    static void awaitAnImportWriting() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection connection = connect()) {
            while (count(connection, """
                    select count(*) from pg_stat_activity
                    where backend_xid is not null and pid <> pg_backend_pid()
                      and now() - xact_start > interval '1 second'""") == 0) {
                if (System.nanoTime() > deadline) {
                    fail("the import never started writing");
                }
                Thread.sleep(100);
            }
        }
    }

    static boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** A fast shutdown, then an immediate one, as an operator would stop a server by hand. */
    static void stopServer(long pid) throws IOException, InterruptedException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return;
        }
        new ProcessBuilder("kill", "-s", "INT", Long.toString(pid)).start().waitFor();
        if (!awaitExit(pid, Duration.ofSeconds(30))) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A national portal response for online payment (TTTT, shape 1) of the demo province: its 22 departments by
     * code, then {@value #UNITS} communes it lacks (codes 64.K0001 …), every one with the same consistent counts.
     */
    static String portalFile() {
        String fields = "\"totalMaxScore\":10,\"totalScore\":5.5,\"ratio\":55,"
                + "\"totalDossierOnlinePaymentSuccess\":50,\"totalDossierFinancialObligation\":100,"
                + "\"totalDossierOnlineFormalityPaymentSuccess\":5,\"totalFeeDossierFormality\":5,"
                + "\"totalFeeDossierFormalityDistinct\":10,\"totalFeeFormality\":10";
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < 22 + UNITS; i++) {
            boolean department = i < 22;
            String code = department ? String.format(Locale.ROOT, "H64.%02d", i + 1)
                    : String.format(Locale.ROOT, "64.K%04d", i - 21);
            children.append(i == 0 ? "" : ",\n").append("{\"departmentId\":\"")
                    .append(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", 1000 + i))
                    .append("\",\"departmentName\":\"").append(department ? "Sở số " + (i + 1) : "Xã Khôi phục " + code)
                    .append("\",\"departmentCode\":\"").append(code).append("\",\"level\":\"")
                    .append(department ? "PROVINCE" : "COMMUNE").append("\",").append(fields)
                    .append(",\"scoreDelta\":null}");
        }
        return "{\"code\":\"OK\",\"message\":null,\"data\":{\n\"parent\":{\"departmentId\":"
                + "\"00000000-0000-4000-8000-000000000064\",\"departmentName\":\"UBND tỉnh Gia Lai\","
                + "\"departmentCode\":\"64\"," + fields + "},\n\"children\":[\n" + children + "]}}\n";
    }
}
