package vn.serviceindex.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.progress.service.ProgressService;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.result.domain.SheetOutcome;
import vn.serviceindex.portal.result.domain.SheetPreview;
import vn.serviceindex.portal.result.service.ResultSheetImportService;

/**
 * Province-scale timings of the result sheet import and the province dashboard's queries (issue 5), on the demo
 * province grown to the size of a real one: 22 departments, 17 district-level units and 200 communes (240 units
 * with the province). Not a test: surefire only runs it with {@code -Pbench} (its name matches no default include),
 * and it asserts only that the work was done, never how fast. Figures go to {@code target/bench/province-scale.txt}.
 * Run it with {@code bench/province-scale.sh}; results belong in BENCHMARKS.md.
 */
class ProvinceScaleBenchmark extends ServiceTest {

    private static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
    private static final double[] MAX = {18, 20, 12, 10, 18, 22};
    /** The twelve months before the pinned "today" (2024-05-02) of the demo campaign, oldest first. */
    private static final List<String> MONTHS = List.of("2023-06", "2023-07", "2023-08", "2023-09", "2023-10",
            "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05");
    private static final int COMMUNES = 200;
    private static final int WARM_UP = 5;
    private static final int STEADY_AFTER = 20;
    private static final int RUNS = Integer.getInteger("bench.runs", 15);
    private static final Path OUT = Path.of("target", "bench", "province-scale.txt");

    @Autowired
    ResultSheetImportService sheets;
    @Autowired
    ProgressService progress;
    @Autowired
    LeaderboardService leaderboards;

    // --- (2) a CSV result sheet of 200 units × 6 groups × 12 months

    @Test
    void result_sheet_of_a_province_year() {
        growProvince();
        long province = unitId("64");
        actAs("tinh.giamsat");
        List<String> codes = jdbc.sql("""
                        select code from org_unit where level in ('DEPARTMENT', 'COMMUNE') and valid_to is null
                        order by level desc, code limit 200""")
                .query(String.class).list();
        byte[] sheet = csv(codes, MONTHS, 1);
        byte[] corrected = csv(codes, MONTHS, 2);
        // Warm-up on a small sheet of other periods, so that the figures are not the JIT's first pass.
        byte[] small = csv(codes.subList(0, 20), List.of("2022-01"), 3);
        for (int i = 0; i < WARM_UP; i++) {
            sheets.preview(province, "nho.csv", small);
        }
        sheets.commit(province, "nho.csv", small);
        sheets.commit(province, "nho.csv", csv(codes.subList(0, 20), List.of("2022-01"), 4));

        report("## (2) CSV result sheet, %d units × 6 groups × %d months = %d rows, %.0f KB", codes.size(),
                MONTHS.size(), codes.size() * 6 * MONTHS.size(), sheet.length / 1024.0);
        SheetPreview preview = sheets.preview(province, "ket-qua.csv", sheet);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.matched()).hasSize(codes.size() * 6 * MONTHS.size());
        times(WARM_UP, () -> sheets.preview(province, "ket-qua.csv", sheet));
        double[] previews = times(5, () -> sheets.preview(province, "ket-qua.csv", sheet));
        report("preview (reads, matches, compares; writes nothing), after %d warm-up: %s", WARM_UP,
                summary(previews));

        int audit = count("select count(*) from audit_record");
        long start = System.nanoTime();
        SheetOutcome first = sheets.commit(province, "ket-qua.csv", sheet);
        double firstCommit = millis(start);
        int firstAudit = count("select count(*) from audit_record") - audit;
        report("commit, first (inserts %d rows, %d results; %d audit records): %.0f ms", first.rows(),
                codes.size() * MONTHS.size(), firstAudit, firstCommit);
        audit = count("select count(*) from audit_record");
        start = System.nanoTime();
        SheetOutcome again = sheets.commit(province, "ket-qua-sua.csv", corrected);
        double againCommit = millis(start);
        report("commit, again with other figures (updates %d rows; %d audit records): %.0f ms", again.updated(),
                count("select count(*) from audit_record") - audit, againCommit);
        // Diagnostic only, not a way to run the portal: the same update with the result tables' audit triggers off
        // shows how much of the commit is the change history (one hashed record per changed field).
        List<String> triggers = List.of("result.user", "result_group.user",
                "portal_import.portal_import_audit");
        try {
            triggers.forEach(t -> schemaOwnerJdbc().sql("alter table " + t.substring(0, t.indexOf('.')) + " disable trigger "
                    + t.substring(t.indexOf('.') + 1)).update());
            start = System.nanoTime();
            sheets.commit(province, "ket-qua.csv", sheet);
            report("commit, again, result tables' audit triggers off (diagnostic): %.0f ms", millis(start));
        } finally {
            triggers.forEach(t -> schemaOwnerJdbc().sql("alter table " + t.substring(0, t.indexOf('.')) + " enable trigger "
                    + t.substring(t.indexOf('.') + 1)).update());
        }
        assertThat(count("select count(*) from result_group g join result r on r.id = g.result_id"
                + " where r.period between '2023-06' and '2024-05'")).isEqualTo(codes.size() * 6 * MONTHS.size());
    }

    // --- (3) the province dashboard's queries on 240 units with 12 monthly results each

    @Test
    void province_dashboard_of_240_units() {
        growProvince();
        seedResults();
        long province = unitId("64");
        long campaign = jdbc.sql("select id from campaign where province_id = :p").param("p", province)
                .query(Long.class).single();
        actAs("tinh.giamsat");
        report("## (3) province dashboard, %d units under the province, %d results, %d group rows",
                count("select count(*) from org_unit where valid_to is null") - 1, count("select count(*) from result"),
                count("select count(*) from result_group"));
        assertThat(progress.campaignProgress(campaign)).hasSizeGreaterThanOrEqualTo(239);

        measure("ProgressService.campaignProgress(campaign) [239 units]", () -> progress.campaignProgress(campaign));
        measure("LeaderboardService.distribution(province, 2024-05)",
                () -> leaderboards.distribution(province, "2024-05"));
        long commune = unitId("631.09");
        long district = unitId("628");
        measure("LeaderboardService.trend(commune 631.09, MONTH)", () -> leaderboards.trend(commune, PeriodKind.MONTH));
        measure("LeaderboardService.trend(district 628, MONTH)", () -> leaderboards.trend(district, PeriodKind.MONTH));
        for (PeerGroup peers : List.of(PeerGroup.COMMUNES, PeerGroup.DEPARTMENTS)) {
            measure("leaderboard(" + peers + ", 2024-05)",
                    () -> leaderboards.leaderboard(peers, province, "2024-05", null));
            List<LeaderboardRow> rows = leaderboards.leaderboard(peers, province, "2024-05", null);
            assertThat(leaderboards.phaseTargetGaps(rows, "2024-05", null)).isNotEmpty();
            measure("  + phaseTargetGaps(" + rows.size() + " rows)",
                    () -> leaderboards.phaseTargetGaps(rows, "2024-05", null));
            measure("  leaderboard + gaps, as LeaderboardView loads it", () -> {
                List<LeaderboardRow> board = leaderboards.leaderboard(peers, province, "2024-05", null);
                return leaderboards.phaseTargetGaps(board, "2024-05", null);
            });
        }
    }

    // --- the province at scale

    /**
     * Adds communes under the 17 districts until the province has 200 (the demo has 17 under Đức Cơ and Ia Grai),
     * all covered by the demo campaign.
     */
    private void growProvince() {
        List<Long> districts = jdbc.sql("select id from org_unit where level = 'DISTRICT' and valid_to is null"
                + " order by code").query(Long.class).list();
        int existing = count("select count(*) from org_unit where level = 'COMMUNE' and valid_to is null");
        for (int i = 0; existing + i < COMMUNES; i++) {
            long district = districts.get(i % districts.size());
            jdbc.sql("""
                            insert into org_unit (code, name, level, parent_id, valid_from)
                            select d.code || '.B' || lpad(:n::text, 3, '0'), 'Xã Thử nghiệm ' || :n, 'COMMUNE', d.id,
                                   date '2020-01-01'
                            from org_unit d where d.id = :district""")
                    .param("n", i + 1).param("district", district).update();
        }
        jdbc.sql("""
                        insert into campaign_unit (campaign_id, unit_id)
                        select c.id, u.id from campaign c join org_unit p on p.id = c.province_id
                        join org_unit u on u.path like p.path || '%' and u.id <> p.id and u.valid_to is null
                        on conflict do nothing""").update();
    }

    /**
     * 2023 and the twelve months to 2024-05 for every unit, official scores proportional to rates that climb a
     * little each month, and the campaign's baselines from 2023 (as the province's "take from results" does).
     */
    private void seedResults() {
        jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        select u.id, p.period, (select id from formula_set where name = '766-2026')
                        from org_unit u cross join (select '2023' as period union all
                            select to_char(date '2023-06-01' + make_interval(months => i), 'YYYY-MM')
                            from generate_series(0, 11) i) p
                        where u.valid_to is null""").update();
        // Deterministic: a unit's level per group from a hash, +1.2 points a month, a little noise.
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                  official_max, source, entered_by)
                        select r.id, r.unit_id, g.code, x.rate, round(g.max * x.rate / 100, 2), g.max, 'TYPED',
                               (select id from account where username = 'admin')
                        from result r
                        cross join (values ('CKMB', 18), ('TDGQ', 20), ('CLGQ', 12), ('TTTT', 10), ('MDHL', 18),
                                           ('MDSH', 22)) g(code, max)
                        cross join lateral (select round(cast(least(100, greatest(0,
                            abs(hashtext(r.unit_id::text || g.code)) % 60 + 20
                            + case when r.period = '2023' then 0
                                   else 1.2 * (12 - extract(month from age(date '2024-05-01',
                                                                           to_date(r.period, 'YYYY-MM')))
                                                 - 12 * extract(year from age(date '2024-05-01',
                                                                              to_date(r.period, 'YYYY-MM'))))
                              end
                            + abs(hashtext(r.id::text || g.code)) % 400 / 100.0)) as numeric), 2) as rate) x""")
                .update();
        jdbc.sql("""
                        insert into campaign_baseline (campaign_id, unit_id, group_code, value, source)
                        select cu.campaign_id, cu.unit_id, g.group_code, g.headline_rate, 'IMPORTED'
                        from campaign_unit cu join result r on r.unit_id = cu.unit_id and r.period = '2023'
                        join result_group g on g.result_id = r.id
                        on conflict (campaign_id, unit_id, group_code) do nothing""").update();
        jdbc.sql("analyze").update();
    }

    /** The sheet as a province would fill it: CSV with ';' and decimal commas, on-time counts for TDGQ. */
    private static byte[] csv(List<String> codes, List<String> periods, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("unit_code;unit_name;period;group;rate;score;totalOnTime;totalReceived\n");
        for (String code : codes) {
            for (String period : periods) {
                for (int g = 0; g < GROUPS.size(); g++) {
                    String counts = ";";
                    double rate;
                    if (GROUPS.get(g).equals("TDGQ")) {
                        int received = 10 + random.nextInt(3000);
                        int onTime = (int) (received * (0.6 + 0.4 * random.nextDouble()));
                        rate = 100.0 * onTime / received;
                        counts = onTime + ";" + received;
                    } else {
                        rate = 100 * random.nextDouble();
                    }
                    out.append(code).append(';').append("Đơn vị ").append(code).append(';').append(period).append(';')
                            .append(GROUPS.get(g)).append(';').append(decimal(rate)).append(';')
                            .append(decimal(Math.min(MAX[g], MAX[g] * Math.round(rate * 100) / 10000.0))).append(';')
                            .append(counts).append('\n');
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100).replace('.', ',');
    }

    // --- timing

    /**
     * Times a dashboard query in two regimes: its calls 2–6 here (early), and after {@value #STEADY_AFTER}
     * calls. pgjdbc prepares a statement on the server from its 5th execution, and PostgreSQL may then switch to a
     * generic plan (no parameter values) after 5 more: what a long-running server sees from then on.
     */
    private void measure(String what, Supplier<?> call) {
        double[] all = times(STEADY_AFTER + RUNS, call);
        double[] early = Arrays.copyOfRange(all, 1, 6);
        double[] steady = Arrays.copyOfRange(all, STEADY_AFTER, all.length);
        report("%-52s steady %s | calls 2–6: median %.1f ms", what, summary(steady), median(early));
    }

    /** Times each of {@code runs} calls, in milliseconds. */
    private static double[] times(int runs, Supplier<?> call) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = millis(start);
        }
        return times;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String summary(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f, %d runs)", median(times), sorted[0],
                sorted[sorted.length - 1], times.length);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String format, Object... args) {
        List<String> lines = new ArrayList<>();
        if (format.startsWith("##")) {
            lines.add("");
            lines.add(format.formatted(args) + "   [" + LocalDateTime.now().withNano(0) + ", load " + load() + "]");
        } else {
            lines.add(String.format(Locale.ROOT, format, args));
        }
        lines.forEach(System.out::println);
        try {
            Files.createDirectories(OUT.getParent());
            Files.write(OUT, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The load averages (1, 5, 15 min), where the system tells them. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
