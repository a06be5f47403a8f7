package vn.serviceindex.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.time.PortalCalendar;

/** The demo's baselines: taken from 2023 results for the covered units without any, never over typed ones. */
class DemoBaselinesTest extends ServiceTest {

    @Autowired
    PortalCalendar calendar;

    @Test
    void every_covered_unit_gets_its_2023_rates_and_the_units_with_baselines_keep_theirs() {
        int typedBefore = count("select count(*) from campaign_baseline where source = 'TYPED'");
        DemoProgressFixture.seed(jdbc, calendar);

        assertThat(count("""
                select count(*) from campaign_unit cu
                where not exists (select 1 from campaign_baseline b
                                  where b.campaign_id = cu.campaign_id and b.unit_id = cu.unit_id)""")).isZero();
        assertThat(count("select count(*) from campaign_baseline where source = 'TYPED'")).isEqualTo(typedBefore);
        // Sở GT-VT's digitisation was not published in 2023: it stays without a baseline.
        assertThat(count("select count(*) from campaign_baseline where unit_id = ? and group_code = 'MDSH'",
                unitId("H64.08"))).isZero();
        // Huyện Chư Păh had none: its six 2023 rates are now its baselines.
        assertThat(count("select count(*) from campaign_baseline where unit_id = ? and source = 'IMPORTED'",
                unitId("627"))).isEqualTo(6);
    }

    @Test
    void running_twice_changes_nothing() {
        DemoProgressFixture.seed(jdbc, calendar);
        String once = databaseState();
        new DemoBaselines(null, jdbc).seed();
        assertThat(databaseState()).isEqualTo(once);
    }
}
