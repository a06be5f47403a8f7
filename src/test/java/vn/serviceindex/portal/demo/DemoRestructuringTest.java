package vn.serviceindex.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.index.domain.TargetRule;
import vn.serviceindex.portal.result.domain.CombinedGroup;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.result.domain.Combination;
import vn.serviceindex.portal.result.service.CombinedResultService;

/** The demo's 2025 step for part of Gia Lai: the worked example of the README. */
class DemoRestructuringTest extends ServiceTest {

    @Autowired
    CombinedResultService combinedResults;
    @Autowired
    CampaignService campaigns;

    private long anyUnitId(String code) {
        return jdbc.sql("select id from org_unit where code = :code order by id limit 1").param("code", code)
                .query(Long.class).single();
    }

    @Test
    void the_new_xa_ia_dom_has_the_summed_2024_figures_of_ia_dom_and_ia_nan_and_its_2026_baseline_and_target() {
        seedDemoRestructuring();
        actAs("tinh.giamsat");
        long newIaDok = unitId(DemoRestructuringFixture.NEW_IA_DOK);

        CombinedResult combined = combinedResults.combined(newIaDok, "2024").orElseThrow();
        assertThat(combined.predecessorList()).isEqualTo("Xã Ia Dơk, Xã Ia Nan");
        CombinedGroup payment = combined.group("TTTT").orElseThrow();
        assertThat(payment.combination()).isEqualTo(Combination.SUMMED_COUNTS);
        assertThat(payment.headlineRate()).isEqualTo(57.0);
        assertThat(payment.score()).isEqualTo(5.12);
        // Online services: Ia Dơk 82.50 % (9.90 points), Ia Nan 30.83 % (3.70); summed 67.83 % (8.14), not 6.80.
        CombinedGroup online = combined.group("CLGQ").orElseThrow();
        assertThat(online.headlineRate()).isEqualTo(67.83);
        assertThat(online.score()).isEqualTo(8.14);
        assertThat(combined.total()).isEqualTo(75.68);

        // The old communes keep their own 2024 figures, as they were.
        assertThat(jdbc.sql("""
                        select g.headline_rate::float8 from result r join result_group g on g.result_id = r.id
                        where r.unit_id = :u and r.period = '2024' and g.group_code = 'TTTT'""")
                .param("u", anyUnitId("631.03")).query(Double.class).single()).isEqualTo(90.0);
        assertThat(count("select count(*) from org_unit where code in ('631.03', '631.08') and valid_to = '2025-07-01'"))
                .isEqualTo(2);

        // The 2026 campaign's baseline is the combined rate, and the province's rule (C 50 %, +10) gives 67 %.
        long campaign = jdbc.sql("select id from campaign where name = :n").param("n",
                DemoRestructuringFixture.CAMPAIGN_2026).query(Long.class).single();
        Map<GroupCode, Double> baselines = campaigns.baselines(campaign, newIaDok);
        assertThat(baselines).containsEntry(GroupCode.TTTT, 57.0);
        assertThat(TargetRule.points(50, 10).finalTarget(baselines.get(GroupCode.TTTT))).isEqualTo(67.0);
        assertThat(baselines).containsEntry(GroupCode.CLGQ, 67.83);
        assertThat(TargetRule.points(50, 10).finalTarget(baselines.get(GroupCode.CLGQ))).isEqualTo(77.83);
        // The new Xã Ia Grai: Thị trấn Ia Kha and Xã Ia Grăng, online payment 750 of 1200 (62.5 %).
        assertThat(campaigns.baselines(campaign, unitId(DemoRestructuringFixture.NEW_IA_GRAI)))
                .containsEntry(GroupCode.TTTT, 62.5);
    }
}
