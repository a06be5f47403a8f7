package vn.serviceindex.portal.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Two portal nodes, as an operator runs them behind a load balancer: the packaged jar started twice as separate
 * processes on one database — node A with its embedded PostgreSQL (demo data), node B pointed at A's server through
 * {@code SPRING_DATASOURCE_URL} as any external PostgreSQL. What one node writes, the other serves at once and hears
 * of through LISTEN/NOTIFY; both importing at the same time keep one valid change history; the checkpoint that runs
 * once per installation runs once per interval, not once per node. Logs in {@code target/two-nodes-it/*.log}; the
 * figures (events delivered, delay from commit to the other node) are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwoNodesIT {

    static final Path WORK = Path.of("target", "two-nodes-it").toAbsolutePath();
    static final Path DATA = WORK.resolve("data").resolve("postgres");
    static final Duration START_UP = Duration.ofMinutes(4);
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(3);
    static final Pattern RECEIVED = Pattern.compile(
            "Live update (\\w+)\\[(.*?)] from node (\\d+)@\\S+ received ([0-9.]+) ms after its commit");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<Node> nodes = new ArrayList<>();
    static Node a;
    static Node b;
    static long postgres;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        if (Files.exists(DATA.resolve("postmaster.pid"))) {
            CrashRecoveryIT.stopServer(CrashRecoveryIT.postmasterPidOf(DATA));
        }
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String auditKey = Base64.getEncoder().encodeToString(key);

        a = Node.start("a", Map.of(), auditKey, "--spring.profiles.active=demo",
                "--portal.embedded-database.data-directory=" + DATA);
        // B starts as soon as A's schema is there (A still seeds its demo data, which B then finds): both start
        // together, as two nodes restarted after an upgrade would.
        a.awaitLog(Pattern.compile("Successfully applied|is up to date"));
        postgres = CrashRecoveryIT.postmasterPidOf(DATA);
        b = Node.start("b", Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + port() + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "portal_app"), auditKey, "--spring.flyway.user=postgres");
        a.awaitLoginPage();
        b.awaitLoginPage();
    }

    @AfterAll
    static void stopBothNodes() throws Exception {
        for (Node node : nodes.reversed()) {
            List<ProcessHandle> children = node.process.descendants().toList();
            if (node.process.isAlive()) {
                node.process.destroy();
                if (!node.process.waitFor(60, TimeUnit.SECONDS)) {
                    node.process.destroyForcibly();
                }
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        if (postgres != 0) {
            CrashRecoveryIT.stopServer(postgres);
        }
    }

    @Test
    @Order(1)
    void an_import_through_node_a_is_on_node_bs_leaderboard_at_once_and_node_b_hears_of_it() throws Exception {
        HttpResponse<String> imported = a.importDepartments("2023-01", 55);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        String leaderboard = b.get("/api/v1/leaderboards?root=64&level=DEPARTMENT&period=2023-01");
        assertThat(leaderboard).contains("\"unitCode\":\"H64.01\"").contains("\"unitCode\":\"H64.22\"");
        List<Delivery> heard = b.awaitHeard(a, "ResultsChanged", "period=2023-01", 1);
        System.out.printf("Node B heard node A's import %.1f ms after its commit%n", heard.getFirst().millis());
    }

    @Test
    @Order(2)
    void both_nodes_importing_at_the_same_time_keep_one_valid_change_history_and_lose_no_update() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        Map<String, Integer> ratios = new HashMap<>();
        for (int month = 2; month <= 9; month++) {
            String period = String.format(Locale.ROOT, "2023-%02d", month);
            int ratio = 40 + month;
            ratios.put(period, ratio);
            Node node = month % 2 == 0 ? a : b;
            running.add(CompletableFuture.supplyAsync(() -> node.importDepartmentsUnchecked(period, ratio)));
        }
        for (CompletableFuture<HttpResponse<String>> done : running) {
            HttpResponse<String> response = done.get(3, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        try (Connection connection = connect()) {
            for (var expected : ratios.entrySet()) {
                String ofThePeriod = " from result_group g join result r on r.id = g.result_id where r.period = '"
                        + expected.getKey() + "'";
                assertThat(CrashRecoveryIT.count(connection, "select count(*)" + ofThePeriod))
                        .as("every unit's result of %s", expected.getKey()).isEqualTo(23);
                assertThat(CrashRecoveryIT.count(connection, "select count(distinct g.headline_rate)" + ofThePeriod))
                        .as("one import's figures for %s", expected.getKey()).isEqualTo(1);
            }
        }
        String verdictOfA = a.auditVerdict();
        String verdictOfB = b.auditVerdict();
        assertThat(verdictOfA).contains("\"valid\":true");
        assertThat(verdictOfB).contains("\"valid\":true");
        assertThat(records(verdictOfA)).isEqualTo(records(verdictOfB));

        List<Delivery> atB = b.awaitHeard(a, "ResultsChanged", "period=2023-0", 4);
        List<Delivery> atA = a.awaitHeard(b, "ResultsChanged", "period=2023-0", 4);
        assertThat(atB).isNotEmpty();
        assertThat(atA).isNotEmpty();
        List<Delivery> all = new ArrayList<>(b.heard(a, "", ""));
        all.addAll(a.heard(b, "", ""));
        double[] delays = all.stream().mapToDouble(Delivery::millis).sorted().toArray();
        System.out.printf(Locale.ROOT, "Events delivered between the nodes: %d (A->B %d, B->A %d); delay from commit"
                        + " to the other node: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", delays.length,
                b.heard(a, "", "").size(), a.heard(b, "", "").size(), delays[delays.length / 2],
                delays[Math.min(delays.length - 1, (int) (delays.length * 0.95))], delays[delays.length - 1]);
    }

    @Test
    @Order(3)
    void the_checkpoint_that_runs_once_per_installation_runs_once_per_interval_not_once_per_node() throws Exception {
        // Both nodes try every two seconds; a few intervals let each of them try several times.
        Thread.sleep(CHECKPOINT_INTERVAL.multipliedBy(3).toMillis());
        List<Instant> byA = a.ran("audit-chain-checkpoint");
        List<Instant> byB = b.ran("audit-chain-checkpoint");
        List<Instant> runs = new ArrayList<>(byA);
        runs.addAll(byB);
        runs.sort(Comparator.naturalOrder());
        System.out.printf("Checkpoint job (every %d s, both nodes trying every 2 s): %d runs, %d on node A and %d on"
                        + " node B, from %s to %s%n", CHECKPOINT_INTERVAL.toSeconds(), runs.size(), byA.size(),
                byB.size(), runs.isEmpty() ? "-" : runs.getFirst(), runs.isEmpty() ? "-" : runs.getLast());

        assertThat(runs).as("the job ran").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("between runs %s", runs)
                    .isGreaterThanOrEqualTo(CHECKPOINT_INTERVAL.minusMillis(500));
        }
        try (Connection connection = connect()) {
            assertThat(CrashRecoveryIT.count(connection,
                    "select runs from installation_job where name = 'audit-chain-checkpoint'"))
                    .as("runs the database counted (one more may have run since)").isBetween((long) runs.size(),
                            runs.size() + 1L);
        }
    }

    // --- the nodes

    record Delivery(String type, String event, long fromPid, double millis) {
    }

    record Node(String name, Process process, int port, Path log, Path checkpoints, Instant started) {

        static Node start(String name, Map<String, String> environment, String auditKey, String... arguments)
                throws IOException {
            Path jar;
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(file -> file.getFileName().toString().matches("service-index-portal-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/"));
            }
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            int port = CrashRecoveryIT.freePort();
            Path log = WORK.resolve("node-" + name + ".log");
            Path checkpoints = WORK.resolve("node-" + name + "-checkpoints.log");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port, "--portal.audit.key=" + auditKey,
                    "--portal.audit.checkpoint-file=" + checkpoints,
                    "--portal.audit.checkpoint-interval=PT" + CHECKPOINT_INTERVAL.toSeconds() + "S",
                    "--logging.level.vn.serviceindex.portal.base.events=debug",
                    "--logging.level.vn.serviceindex.portal.base.database.InstallationJobs=debug"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_DATASOURCE"));
            builder.environment().putAll(environment);
            Node node = new Node(name, builder.start(), port, log, checkpoints, Instant.now());
            nodes.add(node);
            return node;
        }

        void awaitLog(Pattern line) throws Exception {
            long deadline = System.nanoTime() + START_UP.toNanos();
            while (!Files.exists(log) || !line.matcher(Files.readString(log, StandardCharsets.UTF_8)).find()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("node " + name + " never logged " + line + ":\n" + tail());
                }
                Thread.sleep(100);
            }
        }

        /** When this node ran the installation job, from its log. */
        List<Instant> ran(String job) throws IOException {
            List<Instant> runs = new ArrayList<>();
            Matcher matcher = Pattern.compile("(?m)^(\\S+)\\s.*Installation job " + job + " ran on this node")
                    .matcher(Files.readString(log, StandardCharsets.UTF_8));
            while (matcher.find()) {
                runs.add(Instant.parse(matcher.group(1)));
            }
            return runs;
        }

        void awaitLoginPage() throws InterruptedException {
            long deadline = System.nanoTime() + START_UP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("node " + name + " ended with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    if (http.send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            fail("node " + name + " served no login page within " + START_UP + ":\n" + tail());
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic("tinh.giamsat")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        String auditVerdict() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/audit/verify"))
                    .header("Authorization", basic("kiemtoan")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        HttpResponse<String> importDepartments(String period, int ratio) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri("/api/v1/imports/portal?period=" + period))
                    .header("Authorization", basic("tinh.giamsat")).header("Content-Type", "application/json")
                    .header("X-File-Name", "node-" + name + "-" + period + ".json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(departmentsFile(ratio))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> importDepartmentsUnchecked(String period, int ratio) {
            try {
                return importDepartments(period, ratio);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The events this node logged as received from the other node's process. */
        List<Delivery> heard(Node from, String type, String containing) throws IOException {
            List<Delivery> heard = new ArrayList<>();
            Matcher matcher = RECEIVED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            while (matcher.find()) {
                Delivery delivery = new Delivery(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3)),
                        Double.parseDouble(matcher.group(4)));
                if (delivery.fromPid() == from.process.pid() && delivery.type().startsWith(type)
                        && delivery.event().contains(containing)) {
                    heard.add(delivery);
                }
            }
            return heard;
        }

        List<Delivery> awaitHeard(Node from, String type, String containing, int atLeast) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<Delivery> heard = heard(from, type, containing);
            while (heard.size() < atLeast) {
                if (System.nanoTime() > deadline) {
                    fail("node " + name + " heard " + heard + " of node " + from.name + ", expected " + atLeast
                            + " " + type + " with " + containing);
                }
                Thread.sleep(50);
                heard = heard(from, type, containing);
            }
            return heard;
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

    static long records(String verdict) {
        Matcher matcher = Pattern.compile("\"records\":(\\d+)").matcher(verdict);
        assertThat(matcher.find()).as(verdict).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    static String port() throws IOException {
        return Files.readAllLines(DATA.resolve("postmaster.pid")).get(3).strip();
    }

    static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", "");
    }

    /**
     * A national portal response for online payment (TTTT) of the demo province and its 22 departments, every one
     * with the same counts and this rate.
     */
    static String departmentsFile(int ratio) {
        String fields = "\"totalMaxScore\":10,\"totalScore\":5.5,\"ratio\":" + ratio + ","
                + "\"totalDossierOnlinePaymentSuccess\":" + ratio + ",\"totalDossierFinancialObligation\":100,"
                + "\"totalDossierOnlineFormalityPaymentSuccess\":5,\"totalFeeDossierFormality\":5,"
                + "\"totalFeeDossierFormalityDistinct\":10,\"totalFeeFormality\":10";
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            String code = String.format(Locale.ROOT, "H64.%02d", i + 1);
            children.append(i == 0 ? "" : ",\n").append("{\"departmentId\":\"")
                    .append(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", 1000 + i))
                    .append("\",\"departmentName\":\"Sở số ").append(i + 1).append("\",\"departmentCode\":\"")
                    .append(code).append("\",\"level\":\"PROVINCE\",").append(fields).append(",\"scoreDelta\":null}");
        }
        return "{\"code\":\"OK\",\"message\":null,\"data\":{\n\"parent\":{\"departmentId\":"
                + "\"00000000-0000-4000-8000-000000000064\",\"departmentName\":\"UBND tỉnh Gia Lai\","
                + "\"departmentCode\":\"64\"," + fields + "},\n\"children\":[\n" + children + "]}}\n";
    }
}
