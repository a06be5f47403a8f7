package vn.serviceindex.portal.ranking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.IndexScoring;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.MonthRollUp;
import vn.serviceindex.portal.ranking.domain.PeerGroup;

/**
 * The nation's district-level units and communes on one board, boards nobody has a score on, and quarters the portal
 * has not published rolled up from their months.
 */
class NationalLeaderboardTest extends ServiceTest {

    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    FormulaSetService formulaSets;

    long province;
    ScoreFixture scores;

    @BeforeEach
    void storeResults() {
        province = unitId("64");
        scores = new ScoreFixture(jdbc, this::unitId, province, accountId("admin"));
    }

    /** A second province with one district, so that a national board spans two provinces. */
    private void binhDinhWithOneDistrict() {
        long binhDinh = jdbc.sql("""
                        insert into org_unit (code, name, level, valid_from) values ('52', 'UBND tỉnh Bình Định',
                        'PROVINCE', '2020-01-01') returning id""").query(Long.class).single();
        jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from) values ('540',
                        'Thành phố Quy Nhơn', 'DISTRICT', :parent, '2020-01-01')""")
                .param("parent", binhDinh).update();
    }

    @Test
    void the_national_board_of_district_level_units_ranks_the_districts_of_every_province_together() {
        binhDinhWithOneDistrict();
        scores.official("622", "2024-05", 50, 30);
        scores.official("540", "2024-05", 55, 30);
        scores.official("628", "2024-05", 45, 30);
        actAs("admin");

        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.NATIONAL_DISTRICTS, null, "2024-05", null);

        // 17 districts of Gia Lai and Quy Nhơn; the three scored first, the other 15 after them.
        assertThat(rows).hasSize(18);
        assertThat(rows.subList(0, 3)).extracting(LeaderboardRow::rank, LeaderboardRow::unitCode,
                LeaderboardRow::score).containsExactly(tuple(1, "540", 85.0), tuple(2, "622", 80.0),
                tuple(3, "628", 75.0));
        assertThat(rows.subList(3, 18)).allSatisfy(row -> assertThat(row.rank()).isEqualTo(4));
    }

    @Test
    void the_national_board_of_communes_holds_every_commune_and_no_other_level() {
        scores.official("631.09", "2024-05", 45, 10);
        actAs("admin");

        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.NATIONAL_COMMUNES, null, "2024-05", null);

        int communes = count("select count(*) from org_unit where level = 'COMMUNE' and valid_to is null");
        assertThat(rows).hasSize(communes);
        assertThat(rows.getFirst()).extracting(LeaderboardRow::rank, LeaderboardRow::unitCode)
                .containsExactly(1, "631.09");
    }

    @Test
    void a_province_reader_is_refused_the_national_boards_of_districts_and_communes_but_not_of_provinces() {
        scores.official("622", "2024-05", 50, 30);
        actAs("tinh.giamsat");

        assertThat(leaderboards.readsNation()).isFalse();
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.NATIONAL_DISTRICTS, null, "2024-05", null))
                .isInstanceOf(NotPermitted.class);
        // Through the API's naming, a missing root asks it for its province, as before the national boards.
        assertThatThrownBy(() -> leaderboards.leaderboard("COMMUNE", null, "2024-05", null))
                .isInstanceOf(UserError.class).isNotInstanceOf(NotPermitted.class)
                .hasMessage("ranking.error.rootRequired");
        assertThat(leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", null)).hasSize(17);
        // Provinces rank nationally for everyone; none has a score in this fixture, so the board is empty.
        assertThat(leaderboards.leaderboard(PeerGroup.PROVINCES, null, "2024-05", null)).isEmpty();
    }

    @Test
    void a_board_nobody_has_a_score_on_is_empty_instead_of_everyone_first() {
        actAs("tinh.giamsat");

        assertThat(leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2019-07", null)).isEmpty();
        assertThat(leaderboards.leaderboard("DISTRICT", "64", "2019-07", null)).isEmpty();
    }

    @Test
    void a_quarter_the_portal_has_not_published_is_scored_from_the_summed_counts_of_its_three_months() {
        actAs("tinh.giamsat");
        IndexGroup onTime = formulaSets.groupsOn(LocalDate.of(2022, 7, 1)).stream()
                .filter(g -> g.code().equals("TDGQ")).findFirst().orElseThrow();
        List<Map<String, Double>> pleiku = new ArrayList<>();
        List<Map<String, Double>> iaGrai = new ArrayList<>();
        for (int month = 7; month <= 9; month++) {
            pleiku.add(counts(onTime, 100 + 40 * month, 0.6 + 0.03 * month));
            iaGrai.add(counts(onTime, 30 * month, 0.95 - 0.04 * month));
            storeCounts("622", "2022-%02d".formatted(month), pleiku.getLast());
            storeCounts("628", "2022-%02d".formatted(month), iaGrai.getLast());
        }
        // July–August only: no quarter can be claimed for An Khê.
        storeCounts("623", "2022-07", pleiku.getFirst());
        storeCounts("623", "2022-08", pleiku.getFirst());
        actAs("tinh.giamsat");

        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2022-Q3", null);

        double pleikuQuarter = IndexScoring.score(onTime, MonthRollUp.sum(pleiku)).score();
        double iaGraiQuarter = IndexScoring.score(onTime, MonthRollUp.sum(iaGrai)).score();
        assertThat(rows).hasSize(17).allSatisfy(row -> assertThat(row.rolledUp()).isTrue());
        LeaderboardRow first = rows.getFirst();
        assertThat(first.unitCode()).isEqualTo(pleikuQuarter >= iaGraiQuarter ? "622" : "628");
        assertThat(row(rows, "622").groups()).containsExactly(Map.entry("TDGQ", pleikuQuarter));
        assertThat(row(rows, "622").score()).isEqualTo(pleikuQuarter);
        assertThat(row(rows, "628").score()).isEqualTo(iaGraiQuarter);
        assertThat(row(rows, "623").score()).isNull();
        assertThat(row(rows, "623").rank()).isEqualTo(3);
        assertThat(first.official()).isFalse();
    }

    private static LeaderboardRow row(List<LeaderboardRow> rows, String code) {
        return rows.stream().filter(r -> r.unitCode().equals(code)).findFirst().orElseThrow();
    }

    /** Every count field of the group: denominators of {@code dossiers}, numerators at the share. */
    private static Map<String, Double> counts(IndexGroup group, int dossiers, double share) {
        Map<String, Double> counts = new LinkedHashMap<>();
        int i = 0;
        for (String field : group.countFields()) {
            counts.put(field, (double) (i++ % 2 == 0 ? Math.round(dossiers * share) : dossiers));
        }
        return counts;
    }

    private void storeCounts(String unitCode, String period, Map<String, Double> counts) {
        long result = jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        values (:unit, :period, (select id from formula_set where name = '766-2026')) returning id""")
                .param("unit", unitId(unitCode)).param("period", period).query(Long.class).single();
        String json = counts.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, counts, source, entered_by)
                        values (:result, :unit, 'TDGQ', cast(:counts as jsonb), 'TYPED', :by)""")
                .param("result", result).param("unit", unitId(unitCode)).param("counts", json)
                .param("by", accountId("admin")).update();
    }
}
