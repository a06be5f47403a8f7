package vn.serviceindex.portal.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.demo.DemoRestructuringFixture;
import vn.serviceindex.portal.index.domain.TargetRule;

/** The rule's "last result" of a unit opened by a restructuring: its predecessors' combined results. */
class CombinedBaselinesTest extends ServiceTest {

    @Autowired
    CampaignService campaigns;

    @Test
    void the_new_communes_2024_baseline_comes_from_the_summed_counts_of_its_predecessors() {
        seedDemoRestructuring();
        long campaign = jdbc.sql("select id from campaign where name = ?")
                .params(DemoRestructuringFixture.CAMPAIGN_2026).query(Long.class).single();
        long newIaDok = unitId(DemoRestructuringFixture.NEW_IA_DOK);
        jdbc.sql("delete from campaign_baseline where campaign_id = ?").params(campaign).update();
        actAs("tinh.giamsat");

        int taken = campaigns.takeBaselinesFromResults(campaign);

        assertThat(taken).isEqualTo(12);
        // Online payment: 570 of 1000 dossiers (57 %), not the mean of 90 % and 7.5 % (48.75 %).
        assertThat(campaigns.baselines(campaign, newIaDok)).containsEntry(GroupCode.TTTT, 57.0)
                .containsEntry(GroupCode.CLGQ, 67.83);
        assertThat(count("select count(*) from campaign_baseline where campaign_id = ? and source = 'COMBINED'",
                campaign)).isEqualTo(12);
        assertThat(TargetRule.points(50, 10).finalTarget(57.0)).isEqualTo(67.0);
        assertThat(campaigns.combinedBaselineSource(campaign, newIaDok).orElseThrow().predecessorList())
                .isEqualTo("Xã Ia Dơk, Xã Ia Nan");
    }

    @Test
    void a_unit_with_its_own_previous_year_keeps_taking_it() {
        seedDemoRestructuring();
        long campaign = jdbc.sql("select id from campaign where name = ?")
                .params(DemoRestructuringFixture.CAMPAIGN_2026).query(Long.class).single();
        long newIaDok = unitId(DemoRestructuringFixture.NEW_IA_DOK);
        jdbc.sql("delete from campaign_baseline where campaign_id = ?").params(campaign).update();
        long set = jdbc.sql("select id from formula_set where name = '766-2026'").query(Long.class).single();
        long result = jdbc.sql("insert into result (unit_id, period, formula_set_id) values (?, '2025', ?) returning id")
                .params(newIaDok, set).query(Long.class).single();
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, source, entered_by)
                        values (?, ?, 'TTTT', 61.5, 'TYPED', ?)""")
                .params(result, newIaDok, accountId("admin")).update();
        actAs("tinh.giamsat");

        campaigns.takeBaselinesFromResults(campaign);

        assertThat(campaigns.baselines(campaign, newIaDok)).containsOnly(java.util.Map.entry(GroupCode.TTTT, 61.5));
        assertThat(campaigns.combinedBaselineSource(campaign, newIaDok)).isEmpty();
    }
}
