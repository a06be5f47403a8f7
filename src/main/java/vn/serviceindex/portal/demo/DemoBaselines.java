package vn.serviceindex.portal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.stereotype.Component;

/**
 * Baselines for every covered unit that has none, from its results of the year before the campaign (2023), as the
 * province's "take from the stored results" does: so that the progress page measures every demo unit against
 * targets the rule proposes from true figures. Units with baselines of their own (Sở GT-VT, Ia Grai, Ia Pnôn)
 * keep them. Runs after the results are seeded; does nothing once every unit has its baselines.
 */
@Component
@Profile("demo & !test")
@Order(3)
class DemoBaselines implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBaselines.class);

    private final @Nullable SystemWork systemWork;
    private final JdbcClient jdbc;

    DemoBaselines(@Nullable SystemWork systemWork, JdbcClient jdbc) {
        this.systemWork = systemWork;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        java.util.Objects.requireNonNull(systemWork).run("demo seed: campaign baselines", this::seed);
    }

    /** Writes across units, before anyone is logged in: system work (tests run it on a connection doing it). */
    void seed() {
        int taken = jdbc.sql("""
                        insert into campaign_baseline (campaign_id, unit_id, group_code, value, source)
                        select cu.campaign_id, cu.unit_id, g.group_code, g.headline_rate, 'IMPORTED'
                        from campaign_unit cu
                        join campaign c on c.id = cu.campaign_id
                        join result r on r.unit_id = cu.unit_id
                                     and r.period = cast(extract(year from c.start_date) - 1 as text)
                        join result_group g on g.result_id = r.id
                        where g.headline_rate is not null
                          and g.group_code in ('CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH')
                          and not exists (select 1 from campaign_baseline b
                                          where b.campaign_id = cu.campaign_id and b.unit_id = cu.unit_id)
                        on conflict (campaign_id, unit_id, group_code) do nothing""")
                .update();
        if (taken > 0) {
            log.info("Demo baselines taken from the 2023 results: {}", taken);
        }
    }
}
