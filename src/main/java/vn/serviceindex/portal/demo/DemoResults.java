package vn.serviceindex.portal.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.base.time.PortalCalendar;

/**
 * Results for the demo, so that every leaderboard has something true-looking to show: Gia Lai's 2023 year with the
 * figures the domain reference gives (Gia Lai 53.13 points; Huyện Ia Grai 55.51 points, 9th of 17; Sở GT-VT's and
 * Xã Ia Pnôn's rates), plausible values elsewhere, and monthly results through the 2024 campaign (March to June)
 * in which most units improve. Stored as typed in by the administrator, with official scores. Seeded once.
 */
@Component
// Not under the tests' fixture: tests store the results they assert on; DemoResultsTest runs this seeder itself.
@Profile("demo & !test")
@Order(2)
class DemoResults implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoResults.class);
    private static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");
    private static final Map<String, Double> MAX = Map.of("CKMB", 18.0, "TDGQ", 20.0, "CLGQ", 12.0, "TTTT", 10.0,
            "MDHL", 18.0, "MDSH", 22.0);
    private static final List<String> MONTHS = List.of("2024-03", "2024-04", "2024-05", "2024-06");

    /** 2023 rates (%) the domain reference gives, in the order of {@link #GROUPS}. */
    private static final Map<String, double[]> KNOWN_2023 = Map.of(
            "64", new double[] {55.9, 88.67, 7.0, 0.98, 98.4, 20.2},
            "628", new double[] {90.1, 81.6, 0.3, 0.0, 96.8, 21.1},
            "H64.08", new double[] {13.2, 92.12, 40.3, 67.37, 100.0, 30.0},
            "631.09", new double[] {98.8, 92.98, 0.5, 0.0, 100.0, 20.2});

    /**
     * Published 2023 CLGQ scores where the share of online dossiers alone does not give them (the group's other
     * metrics count too): they make Gia Lai's total 53.13 and Ia Grai's 55.51.
     */
    private static final Map<String, Double> KNOWN_CLGQ_2023 = Map.of("64", 3.09, "628", 0.91);

    /**
     * District totals of 2023 around Ia Grai's 55.51 so that it is 9th of 17: eight above, eight below, handed out
     * to the other districts in code order.
     */
    private static final double[] OTHER_DISTRICT_TOTALS_2023 =
            {68.2, 66.9, 64.3, 62.8, 61.5, 60.2, 58.7, 57.1, 54.2, 52.9, 51.4, 50.3, 48.8, 47.2, 45.9, 43.6};

    private final @Nullable SystemWork systemWork;
    private final JdbcClient jdbc;
    /** The demo's results were typed "today", on the day the demo's campaign is pinned to. */
    private final PortalCalendar calendar;

    DemoResults(@Nullable SystemWork systemWork, JdbcClient jdbc, PortalCalendar calendar) {
        this.systemWork = systemWork;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        java.util.Objects.requireNonNull(systemWork).run("demo seed: results", this::seed);
    }

    /** Writes across units, before anyone is logged in: system work (tests run it on a connection doing it). */
    void seed() {
        if (jdbc.sql("select count(*) from result").query(Integer.class).single() > 0) {
            return;
        }
        long formulaSet = jdbc.sql("select id from formula_set where name = '766-2026'").query(Long.class).single();
        long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
        record Unit(long id, String code, String level) {
        }
        List<Unit> units = jdbc.sql("select id, code, level from org_unit where valid_to is null order by code")
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Random random = new Random(766);
        int otherDistrict = 0;
        for (Unit unit : units) {
            double[] rates;
            if (KNOWN_2023.containsKey(unit.code())) {
                rates = KNOWN_2023.get(unit.code());
            } else if (unit.level().equals("DISTRICT")) {
                rates = ratesForTotal(OTHER_DISTRICT_TOTALS_2023[otherDistrict++], random);
            } else {
                rates = ratesForTotal(45 + random.nextDouble() * 25, random);
            }
            store(unit.id(), "2023", rates, KNOWN_CLGQ_2023.get(unit.code()), formulaSet, admin);
            // The campaign months: online services and payment climb most, the rest a little.
            double[] month = rates.clone();
            for (String period : MONTHS) {
                for (int g = 0; g < month.length; g++) {
                    double step = g == 2 || g == 3 ? 2 + random.nextDouble() * 4 : random.nextDouble() * 1.5 - 0.3;
                    month[g] = Math.clamp(month[g] + step, 0, 100);
                }
                store(unit.id(), period, month, null, formulaSet, admin);
            }
        }
        log.info("Demo results seeded: 2023 and 2024-03 to 2024-06 for {} units", units.size());
    }

    /** Rates whose proportional scores add up to about the total, with the profile Gia Lai's units share. */
    private static double[] ratesForTotal(double total, Random random) {
        double[] profile = {0.75, 0.9, 0.2, 0.15, 0.95, 0.25};
        double profileTotal = 0;
        for (int g = 0; g < profile.length; g++) {
            profile[g] = Math.clamp(profile[g] + (random.nextDouble() - 0.5) * 0.1, 0.0, 1.0);
            profileTotal += profile[g] * MAX.get(GROUPS.get(g));
        }
        double[] rates = new double[profile.length];
        for (int g = 0; g < profile.length; g++) {
            rates[g] = Math.clamp(100 * profile[g] * total / profileTotal, 0, 100);
        }
        return rates;
    }

    private void store(long unitId, String period, double[] rates, @Nullable Double clgqScore, long formulaSet, long admin) {
        long result = jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id) values (:unit, :period, :set)
                        returning id""")
                .param("unit", unitId).param("period", period).param("set", formulaSet)
                .query(Long.class).single();
        for (int g = 0; g < GROUPS.size(); g++) {
            String group = GROUPS.get(g);
            double max = MAX.get(group);
            BigDecimal rate = twoDecimals(rates[g]);
            // A proportional stand-in for the portal's score: the demo has no counts behind these figures.
            BigDecimal score = group.equals("CLGQ") && clgqScore != null ? twoDecimals(clgqScore)
                    : twoDecimals(Math.min(max, max * rates[g] / 100));
            jdbc.sql("""
                            insert into result_group (result_id, unit_id, group_code, headline_rate, official_score,
                                                      official_max, source, entered_by, recorded_at)
                            values (:result, :unit, :group, :rate, :score, :max, 'TYPED', :admin, :at)""")
                    .param("result", result).param("unit", unitId).param("group", group).param("rate", rate)
                    .param("score", score).param("max", BigDecimal.valueOf(max)).param("admin", admin)
                    .param("at", java.sql.Timestamp.from(calendar.now()))
                    .update();
        }
    }

    private static BigDecimal twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
