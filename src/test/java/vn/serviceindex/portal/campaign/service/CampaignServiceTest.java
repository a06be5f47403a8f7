package vn.serviceindex.portal.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignDraft;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupRule;
import vn.serviceindex.portal.campaign.domain.GroupSetting;
import vn.serviceindex.portal.campaign.domain.Milestone;
import vn.serviceindex.portal.campaign.domain.MilestoneEntry;
import vn.serviceindex.portal.campaign.domain.TargetKind;
import vn.serviceindex.portal.index.domain.IncrementMode;
import vn.serviceindex.portal.index.domain.TargetRule;
import vn.serviceindex.portal.result.domain.TypedResult;
import vn.serviceindex.portal.result.service.ResultService;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignServiceTest extends ServiceTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    ResultService results;

    @Test
    void the_demo_campaign_is_gia_lais_plan_629_over_the_whole_province() {
        actAs("tinh.giamsat");

        Campaign campaign = campaigns.get(campaignId());

        assertThat(campaign.referenceNumber()).isEqualTo("Kế hoạch 629/KH-UBND");
        assertThat(campaign.referenceDate()).isEqualTo(LocalDate.of(2024, 3, 19));
        assertThat(campaign.totalDays()).isEqualTo(101);
        assertThat(campaign.milestones()).extracting(Milestone::date)
                .containsExactly(LocalDate.of(2024, 5, 10), LocalDate.of(2024, 6, 29));
        assertThat(campaign.rule(GroupCode.CLGQ)).contains(GroupRule.rule(GroupCode.CLGQ, TargetRule.points(50, 10)));
        assertThat(campaign.rule(GroupCode.TDGQ)).contains(GroupRule.fixed(GroupCode.TDGQ, 100));
        assertThat(campaigns.coveredUnits(campaign.id())).hasSize(22 + 17 + 17);
        assertThat(campaigns.mayManage(campaign)).isTrue();
    }

    @Test
    void every_account_reads_the_campaign_of_its_province_and_only_monitors_manage_it() {
        for (String username : List.of("sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao", "kiemtoan")) {
            actAs(username);
            assertThat(campaigns.readable()).as(username).hasSize(1);
            assertThat(campaigns.mayManage(campaigns.get(campaignId()))).as(username).isFalse();
        }
        actAs("iagrai.lanhdao");
        assertThat(campaigns.coveredUnits(campaignId())).as("its district and its eight communes").hasSize(9);
    }

    @Test
    void the_workspace_finds_the_campaign_covering_a_unit_and_the_one_a_province_runs() {
        actAs("iapnon.lanhdao");
        assertThat(campaigns.currentFor(unitId("631.09"))).isPresent();
        actAs("tinh.giamsat");
        assertThat(campaigns.currentFor(unitId("64"))).isPresent();
    }

    @Test
    void the_province_monitor_launches_a_campaign_over_chosen_units() {
        actAs("tinh.giamsat");
        long province = unitId("64");

        Campaign created = campaigns.create(province, draft(false, List.of(unitId("H64.08"), unitId("628")),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 8)));

        assertThat(created.provinceId()).isEqualTo(province);
        assertThat(campaigns.coveredUnitIds(created.id())).containsExactlyInAnyOrder(unitId("H64.08"), unitId("628"));
        assertThat(created.rules()).hasSize(6);
        assertThat(campaigns.readable()).hasSize(2);
    }

    @Test
    void a_unit_editor_cannot_launch_or_change_a_campaign() {
        String before = databaseState();
        for (String username : List.of("sgtvt.lanhdao", "iagrai.lanhdao", "kiemtoan")) {
            actAs(username);
            assertThatThrownBy(() -> campaigns.create(unitId("64"), draft(true, List.of(), LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 6, 8)))).as(username).isInstanceOf(NotPermitted.class)
                    .hasMessage("error.notPermitted.change");
            assertThatThrownBy(() -> campaigns.setBaselines(campaignId(), unitId("628"), Map.of(GroupCode.CKMB, 1.0)))
                    .as(username).isInstanceOf(NotPermitted.class);
        }
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_campaign_form_is_checked_before_anything_is_written() {
        actAs("tinh.giamsat");
        long province = unitId("64");
        String before = databaseState();

        assertRefused(() -> campaigns.create(province, draft(true, List.of(), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 3, 1))), "campaign.error.endBeforeStart");
        assertRefused(() -> campaigns.create(province, draft(false, List.of(), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 6, 8))), "campaign.error.unitsRequired");
        assertRefused(() -> campaigns.create(province, draft(false, List.of(province), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 6, 8))), "campaign.error.unitOutsideProvince");
        assertRefused(() -> campaigns.create(unitId("628"), draft(true, List.of(), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 6, 8))), "campaign.error.provinceRequired");
        CampaignDraft milestoneOutside = new CampaignDraft("Chiến dịch 2025", "Kế hoạch 1/KH-UBND",
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 8), true, List.of(),
                List.of(new MilestoneEntry("Kiểm tra sau 200 ngày", LocalDate.of(2025, 9, 16))), settings(100.0));
        assertRefused(() -> campaigns.create(province, milestoneOutside), "campaign.error.milestoneOutside");
        CampaignDraft overHundred = new CampaignDraft("Chiến dịch 2025", "Kế hoạch 1/KH-UBND",
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 8), true, List.of(),
                List.of(), settings(120.0));
        assertRefused(() -> campaigns.create(province, overHundred), "campaign.error.fixedTargetRange");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_campaign_cannot_shrink_past_a_planned_phase_nor_drop_a_unit_with_a_plan() {
        actAs("tinh.giamsat");
        Campaign campaign = campaigns.get(campaignId());
        CampaignDraft current = CampaignDraft.of(campaign, campaigns.coveredUnitIds(campaign.id()));
        String before = databaseState();

        assertRefused(() -> campaigns.update(campaign.id(), campaign.version(), new CampaignDraft(current.name(),
                current.referenceNumber(), current.referenceDate(), current.startDate(), LocalDate.of(2024, 6, 15),
                true, List.of(), List.of(), current.groups())), "campaign.error.phasesOutside");
        assertRefused(() -> campaigns.update(campaign.id(), campaign.version(), new CampaignDraft(current.name(),
                current.referenceNumber(), current.referenceDate(), current.startDate(), current.endDate(),
                false, List.of(unitId("628")), current.milestones(), current.groups())), "campaign.error.unitHasPlan");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void changing_a_milestone_writes_that_milestone_only() {
        actAs("tinh.giamsat");
        Campaign campaign = campaigns.get(campaignId());
        CampaignDraft current = CampaignDraft.of(campaign, campaigns.coveredUnitIds(campaign.id()));
        List<MilestoneEntry> milestones = new ArrayList<>(current.milestones());
        milestones.set(0, new MilestoneEntry("Sơ kết 50 ngày", LocalDate.of(2024, 5, 10)));
        int records = count("select count(*) from audit_record");

        Campaign updated = campaigns.update(campaign.id(), campaign.version(), new CampaignDraft(current.name(),
                current.referenceNumber(), current.referenceDate(), current.startDate(), current.endDate(), true,
                List.of(), milestones, current.groups()));

        assertThat(updated.milestones().getFirst().name()).isEqualTo("Sơ kết 50 ngày");
        assertThat(count("select count(*) from audit_record") - records).isEqualTo(1);
        assertRefused(() -> campaigns.update(campaign.id(), campaign.version(), current), "error.changedMeanwhile");
    }

    @Test
    void the_province_types_baselines_and_a_blank_removes_one() {
        actAs("tinh.giamsat");
        long iaTo = unitId("628.03");
        Map<GroupCode, @Nullable Double> values = new EnumMap<>(GroupCode.class);
        values.put(GroupCode.CLGQ, 12.5);
        values.put(GroupCode.TTTT, 3.0);
        campaigns.setBaselines(campaignId(), iaTo, values);
        assertThat(campaigns.baselines(campaignId(), iaTo)).containsEntry(GroupCode.CLGQ, 12.5).hasSize(2);

        values.put(GroupCode.TTTT, null);
        campaigns.setBaselines(campaignId(), iaTo, values);
        assertThat(campaigns.baselines(campaignId(), iaTo)).containsOnlyKeys(GroupCode.CLGQ);

        String before = databaseState();
        assertRefused(() -> campaigns.setBaselines(campaignId(), iaTo, Map.of(GroupCode.CKMB, 101.0)),
                "campaign.error.baselineRange");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void the_province_takes_baselines_from_the_results_of_the_year_before() {
        long iaTo = unitId("628.03");
        actAs("admin");
        results.typeIn(iaTo, "2023", new TypedResult("CLGQ", 12.5, null));
        results.typeIn(iaTo, "2023", new TypedResult("TTTT", 3.25, null));
        results.typeIn(unitId("628"), "2024", new TypedResult("CLGQ", 70, null));
        actAs("iagrai.lanhdao");
        String before = databaseState();
        assertThatThrownBy(() -> campaigns.takeBaselinesFromResults(campaignId())).isInstanceOf(NotPermitted.class);
        assertThat(databaseState()).isEqualTo(before);

        actAs("tinh.giamsat");
        int taken = campaigns.takeBaselinesFromResults(campaignId());

        assertThat(taken).as("2023 only: Ia Grai's 2024 result is not a baseline").isEqualTo(2);
        assertThat(campaigns.baselines(campaignId(), iaTo)).containsEntry(GroupCode.CLGQ, 12.5)
                .containsEntry(GroupCode.TTTT, 3.25);
        assertThat(campaigns.baselines(campaignId(), unitId("628"))).as("typed baselines stay")
                .containsEntry(GroupCode.CLGQ, 0.3);
        assertThat(jdbc.sql("select distinct source from campaign_baseline where unit_id = :u")
                .param("u", iaTo).query(String.class).list()).containsExactly("IMPORTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_vi.properties", "messages_en.properties"})
    void every_constraint_of_the_campaign_tables_has_a_text(String bundle) throws IOException {
        List<String> constraints = jdbc.sql("""
                        select conname from pg_constraint c join pg_class t on t.oid = c.conrelid
                        where t.relname in ('campaign', 'campaign_milestone', 'campaign_group_rule', 'campaign_unit',
                                            'campaign_baseline', 'unit_plan', 'plan_phase', 'plan_target', 'plan_task',
                                            'plan_transition')
                          and c.contype <> 'p'""")
                .query(String.class).list();
        List<String> raisedByTriggers = List.of("plan_phase_inside_campaign", "unit_plan_locked");
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(constraints).hasSizeGreaterThan(40);
        List<String> missing = new ArrayList<>();
        for (String name : concat(constraints, raisedByTriggers)) {
            if (!texts.containsKey("error.constraint." + name)) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(UserError.class).hasMessage(key);
    }

    static CampaignDraft draft(boolean wholeProvince, List<Long> units, LocalDate start, LocalDate end) {
        return new CampaignDraft("Chiến dịch 2025", "Kế hoạch 15/KH-UBND", LocalDate.of(2025, 2, 20), start, end,
                wholeProvince, units, List.of(new MilestoneEntry("Kiểm tra sau 50 ngày", start.plusDays(49))),
                settings(100.0));
    }

    static List<GroupSetting> settings(double fixed) {
        List<GroupSetting> settings = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            settings.add(group == GroupCode.CLGQ || group == GroupCode.TTTT
                    ? new GroupSetting(group, TargetKind.RULE, null, 60.0, 10.0, IncrementMode.POINTS)
                    : new GroupSetting(group, TargetKind.FIXED, fixed, null, null, IncrementMode.POINTS));
        }
        return settings;
    }
}
