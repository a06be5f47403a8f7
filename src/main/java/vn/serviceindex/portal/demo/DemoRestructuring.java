package vn.serviceindex.portal.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.domain.Period;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.result.domain.CombinedGroup;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.service.CombinedResultService;

/**
 * The 2025 step for part of Gia Lai: four communes of Đức Cơ and Ia Grai merged, effective 1-7-2025, into two new
 * communes directly under the province (the districts are gone), by the demo's own resolution; the four old
 * communes' 2024 results with the counts behind them; and a 2026 campaign over the two new communes whose baselines
 * are their predecessors' 2024 results combined. The old communes' own results stay as they are. Seeded once, after
 * the other demo steps; the tests' fixture leaves it out ({@code DemoRestructuringFixture} runs it).
 */
@Component
@Profile("demo & !test")
@Order(4)
class DemoRestructuring implements ApplicationRunner {

    static final String RESOLUTION = "1665/NQ-UBTVQH15";
    static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    static final String CAMPAIGN_NAME = "Chiến dịch nâng cao hiệu quả sử dụng dịch vụ công trực tuyến năm 2026";

    /** New commune: code, name, and the old communes merged into it. */
    record Merge(String code, String name, List<String> predecessors) {
    }

    static final List<Merge> MERGES = List.of(
            new Merge("64.201", "Xã Ia Dơk", List.of("631.03", "631.08")),
            new Merge("64.202", "Xã Ia Grai", List.of("628.01", "628.02")));

    /**
     * The old communes' 2024 figures: the dossiers they received and a rate % per group (CKMB, TDGQ, CLGQ, TTTT,
     * MDHL, MDSH), from which every term's counts are made; online payment's counts as in {@link #PAYMENT}.
     */
    private static final Map<String, double[]> RATES_2024 = Map.of(
            "631.03", new double[] {600, 92, 95, 60, 90, 97, 55},
            "631.08", new double[] {400, 80, 85, 20, 7.5, 90, 30},
            "628.01", new double[] {900, 95, 97, 70, 80, 98, 60},
            "628.02", new double[] {300, 85, 88, 15, 10, 92, 25});

    /** Online payment (TTTT) of Ia Dơk and Ia Nan, the worked example of the README. */
    static final Map<String, Map<String, Double>> PAYMENT = Map.of(
            "631.03", Map.of("totalDossierFinancialObligation", 600.0, "totalDossierOnlinePaymentSuccess", 540.0,
                    "totalFeeFormality", 50.0, "totalDossierOnlineFormalityPaymentSuccess", 40.0,
                    "totalFeeDossierFormality", 50.0),
            "631.08", Map.of("totalDossierFinancialObligation", 400.0, "totalDossierOnlinePaymentSuccess", 30.0,
                    "totalFeeFormality", 150.0, "totalDossierOnlineFormalityPaymentSuccess", 16.0,
                    "totalFeeDossierFormality", 30.0));

    private static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(DemoRestructuring.class);

    private final SystemWork systemWork;
    private final JdbcClient jdbc;
    private final PortalCalendar calendar;
    private final FormulaSetService formulaSets;
    private final CombinedResultService combinedResults;
    private final UserDetailsService accounts;

    DemoRestructuring(SystemWork systemWork, JdbcClient jdbc, PortalCalendar calendar, FormulaSetService formulaSets,
                      CombinedResultService combinedResults, UserDetailsService accounts) {
        this.accounts = accounts;
        this.systemWork = systemWork;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.formulaSets = formulaSets;
        this.combinedResults = combinedResults;
    }

    @Override
    public void run(ApplicationArguments args) {
        systemWork.run("demo seed: the 2025 restructuring", this::seed);
    }

    /**
     * Writes across units: system work (tests run it on a connection doing it). The formula sets and the combined
     * figures are the index's and results' services, which answer signed-in readers only: the demo's administrator
     * does the seeding, as it typed in the demo's other results.
     */
    void seed() {
        SecurityContext before = SecurityContextHolder.getContext();
        UserDetails admin = accounts.loadUserByUsername("admin");
        SecurityContext asAdmin = SecurityContextHolder.createEmptyContext();
        asAdmin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                admin.getAuthorities()));
        SecurityContextHolder.setContext(asAdmin);
        try {
            seedAsAdministrator();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private void seedAsAdministrator() {
        Long province = jdbc.sql("select id from org_unit where code = :code and valid_to is null")
                .param("code", DemoData.PROVINCE_CODE).query(Long.class).optional().orElse(null);
        if (province == null || jdbc.sql("select count(*) from restructuring where resolution_number = :r")
                .param("r", RESOLUTION).query(Integer.class).single() > 0) {
            return;
        }
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        var stored = formulaSets.activeOn(LocalDate.of(2024, 1, 1))
                .or(() -> formulaSets.findByName("766-2026")).orElseThrow();
        FormulaSet set = stored.formulas();
        for (Merge merge : MERGES) {
            for (String code : merge.predecessors()) {
                store2024(unitId(code), code, set, stored.id(), admin);
            }
        }
        long restructuring = jdbc.sql("""
                        insert into restructuring (resolution_number, resolution_date, effective_date, province_id,
                                                   file_name, recorded_by)
                        values (:r, date '2025-06-16', :effective, :p, 'sap-xep-xa-gia-lai-2025.csv', :admin)
                        returning id""")
                .param("r", RESOLUTION).param("effective", EFFECTIVE).param("p", province).param("admin", admin)
                .query(Long.class).single();
        List<Long> successors = new java.util.ArrayList<>();
        for (Merge merge : MERGES) {
            long successor = jdbc.sql("""
                            insert into org_unit (code, name, level, parent_id, valid_from)
                            values (:code, :name, 'COMMUNE', :p, :effective) returning id""")
                    .param("code", merge.code()).param("name", merge.name()).param("p", province)
                    .param("effective", EFFECTIVE).query(Long.class).single();
            successors.add(successor);
            for (String code : merge.predecessors()) {
                long predecessor = unitId(code);
                jdbc.sql("update org_unit set valid_to = :effective where id = :id")
                        .param("effective", EFFECTIVE).param("id", predecessor).update();
                jdbc.sql("""
                                insert into unit_lineage (restructuring_id, predecessor_id, successor_id, kind)
                                values (:r, :p, :s, 'MERGE')""")
                        .param("r", restructuring).param("p", predecessor).param("s", successor).update();
            }
        }
        campaign2026(province, successors);
        log.info("Demo restructuring seeded: {} merged into {} new communes, effective {}", 4, MERGES.size(),
                EFFECTIVE);
    }

    private void campaign2026(long province, List<Long> successors) {
        long campaign = jdbc.sql("""
                        insert into campaign (province_id, name, reference_number, reference_date, start_date,
                                              end_date, whole_province)
                        values (:p, :name, 'Kế hoạch 45/KH-UBND', date '2026-02-20', date '2026-03-02',
                                date '2026-06-30', false)
                        returning id""")
                .param("p", province).param("name", CAMPAIGN_NAME).query(Long.class).single();
        DemoCampaign.milestone(jdbc, campaign, "Kiểm tra sau 50 ngày", LocalDate.of(2026, 4, 20));
        DemoCampaign.milestone(jdbc, campaign, "Kiểm tra sau 100 ngày", LocalDate.of(2026, 6, 9));
        DemoCampaign.provinceRules(jdbc, campaign);
        for (long unit : successors) {
            jdbc.sql("insert into campaign_unit (campaign_id, unit_id) values (:c, :u)")
                    .param("c", campaign).param("u", unit).update();
        }
        // The baselines are the last results: the predecessors' 2024 results, combined.
        Map<Long, CombinedResult> combined = systemWork.run("demo seed: combined 2024 results",
                () -> combinedResults.withoutOwnResult(successors, Period.parse("2024")));
        combined.forEach((unit, result) -> {
            for (CombinedGroup group : result.groups()) {
                if (group.headlineRate() != null) {
                    jdbc.sql("""
                                    insert into campaign_baseline (campaign_id, unit_id, group_code, value, source)
                                    values (:c, :u, :g, :v, 'COMBINED')""")
                            .param("c", campaign).param("u", unit).param("g", group.groupCode())
                            .param("v", BigDecimal.valueOf(group.headlineRate()).setScale(2, RoundingMode.HALF_UP))
                            .update();
                }
            }
        });
    }

    private void store2024(long unitId, String code, FormulaSet set, long setId, long admin) {
        long result = jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id) values (:unit, '2024', :set)
                        returning id""")
                .param("unit", unitId).param("set", setId).query(Long.class).single();
        double[] figures = RATES_2024.get(code);
        for (int g = 0; g < GROUPS.size(); g++) {
            IndexGroup group = set.group(GROUPS.get(g)).orElseThrow();
            Map<String, Double> counts = group.code().equals("TTTT") && PAYMENT.containsKey(code)
                    ? PAYMENT.get(code) : counts(group, figures[0], figures[g + 1]);
            GroupScore score = IndexScoring.score(group, counts);
            @Nullable Double rate = group.headlineRateFrom(counts)
                    .orElse(Math.round(10000 * score.score() / score.max()) / 100.0);
            jdbc.sql("""
                            insert into result_group (result_id, unit_id, group_code, headline_rate, counts,
                                                      computed_score, computed_max, source, entered_by, recorded_at)
                            values (:result, :unit, :group, :rate, cast(:counts as jsonb), :score, :max, 'TYPED',
                                    :admin, :at)""")
                    .param("result", result).param("unit", unitId).param("group", group.code())
                    .param("rate", rate).param("counts", JSON.writeValueAsString(counts))
                    .param("score", score.score()).param("max", score.max()).param("admin", admin)
                    .param("at", java.sql.Timestamp.from(calendar.now()))
                    .update();
        }
    }

    /** Every term's denominator the volume, its numerator the rate's share of it (whole dossiers). */
    private static Map<String, Double> counts(IndexGroup group, double volume, double ratePercent) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Metric metric : group.metrics()) {
            for (Term term : metric.terms()) {
                put(counts, term.denominator(), volume);
                put(counts, term.numerator(), (double) Math.round(volume * ratePercent / 100));
            }
        }
        return counts;
    }

    private static void put(Map<String, Double> counts, CountSum sum, double value) {
        counts.putIfAbsent(sum.fields().getFirst(), value);
        sum.fields().stream().skip(1).forEach(field -> counts.putIfAbsent(field, 0.0));
    }

    private long unitId(String code) {
        return Objects.requireNonNull(jdbc.sql("select id from org_unit where code = :code order by id limit 1")
                .param("code", code).query(Long.class).single());
    }
}
