package vn.serviceindex.portal.ranking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.domain.NotPermitted;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.ranking.domain.LeaderboardRow;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.UnitScores;

/** Leaderboards over stored results: ties, units without results, computed-only units, movement. */
class LeaderboardServiceTest extends ServiceTest {

    @Autowired
    LeaderboardService leaderboards;

    long province;
    ScoreFixture scores;

    @BeforeEach
    void storeResults() {
        province = unitId("64");
        scores = new ScoreFixture(jdbc, this::unitId, province, accountId("admin"));
        // May 2024: Pleiku 80, Ia Grai 75 = An Khê 75 (tie), Đức Cơ 60 computed only; other districts no result.
        scores.official("622", "2024-05", 50, 30);
        scores.official("628", "2024-05", 45, 30);
        scores.official("623", "2024-05", 40, 35);
        scores.computed("631", "2024-05", 60);
        // April 2024: Ia Grai was 1st, Pleiku 2nd.
        scores.official("628", "2024-04", 50, 40);
        scores.official("622", "2024-04", 40, 30);
    }

    @Test
    void districts_rank_by_total_with_ties_sharing_a_rank_and_units_without_results_last() {
        actAs("tinh.giamsat");
        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", null);

        assertThat(rows).hasSize(17);
        assertThat(rows.subList(0, 4)).extracting(LeaderboardRow::rank, LeaderboardRow::unitCode,
                        LeaderboardRow::score, LeaderboardRow::official)
                .containsExactly(tuple(1, "622", 80.0, true), tuple(2, "628", 75.0, true),
                        tuple(2, "623", 75.0, true), tuple(4, "631", 60.0, false));
        // Tied units in Vietnamese alphabetical order: Huyện Ia Grai before Thị xã An Khê.
        assertThat(rows.get(1).unitName()).isEqualTo("Huyện Ia Grai");
        assertThat(rows.subList(4, 17)).allSatisfy(row -> {
            assertThat(row.rank()).isEqualTo(5);
            assertThat(row.score()).isNull();
        });
    }

    @Test
    void a_district_closed_before_the_period_or_opened_after_it_is_not_on_its_leaderboard() {
        String closed = jdbc.sql("""
                        select code from org_unit where level = 'DISTRICT' and valid_to is null
                          and code not in ('622', '628', '623', '631') order by code limit 1""")
                .query(String.class).single();
        jdbc.sql("update org_unit set valid_to = '2024-03-01' where code = ? and valid_to is null")
                .param(closed).update();
        jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        values ('NEW1', 'Thị xã mới', 'DISTRICT', ?, '2025-07-01')""").param(province).update();
        actAs("tinh.giamsat");

        List<LeaderboardRow> may = leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", null);
        assertThat(may).hasSize(16).extracting(LeaderboardRow::unitCode).doesNotContain(closed, "NEW1");
        // In the year it closed, it was one of the districts still (the year has a score, so the board is not empty).
        scores.official("622", "2024", 50, 30);
        assertThat(leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024", null))
                .extracting(LeaderboardRow::unitCode).contains(closed).doesNotContain("NEW1");
    }

    @Test
    void movement_compares_with_the_previous_month() {
        actAs("tinh.giamsat");
        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", null);

        assertThat(rows).filteredOn(r -> r.unitCode().equals("622")).singleElement()
                .satisfies(r -> assertThat(r.movement()).isEqualTo(1));
        assertThat(rows).filteredOn(r -> r.unitCode().equals("628")).singleElement()
                .satisfies(r -> assertThat(r.movement()).isEqualTo(-1));
        assertThat(rows).filteredOn(r -> r.unitCode().equals("623")).singleElement()
                .satisfies(r -> assertThat(r.movement()).isNull());
    }

    @Test
    void ranking_by_one_group_uses_that_groups_scores() {
        actAs("tinh.giamsat");
        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", "TTTT");

        assertThat(rows.subList(0, 3)).extracting(LeaderboardRow::unitCode, LeaderboardRow::score)
                .containsExactly(tuple("623", 35.0), tuple("628", 30.0), tuple("622", 30.0));
        assertThat(rows.get(1).rank()).isEqualTo(2);
        assertThat(rows.get(2).rank()).isEqualTo(2);
    }

    @Test
    void communes_of_one_district_rank_among_themselves() {
        scores.official("628.03", "2024-05", 40, 10);
        scores.official("631.09", "2024-05", 45, 10);
        actAs("iagrai.lanhdao");

        List<LeaderboardRow> rows = leaderboards.leaderboard(PeerGroup.COMMUNES_OF_DISTRICT, unitId("628"),
                "2024-05", null);

        assertThat(rows).hasSize(8);
        assertThat(rows.getFirst()).extracting(LeaderboardRow::rank, LeaderboardRow::unitName)
                .containsExactly(1, "Xã Ia Tô");
        assertThat(rows).extracting(LeaderboardRow::unitCode).doesNotContain("631.09");
    }

    @Test
    void a_commune_editor_sees_its_provinces_leaderboard_but_not_another_provinces() {
        actAs("admin");
        long otherProvince = jdbc.sql("""
                        insert into org_unit (code, name, level, valid_from) values ('52', 'UBND tỉnh Bình Định',
                        'PROVINCE', '2020-01-01') returning id""").query(Long.class).single();
        actAs("iapnon.lanhdao");

        assertThat(leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", null)).hasSize(17);
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.DISTRICTS, otherProvince, "2024-05", null))
                .isInstanceOf(NotPermitted.class);
    }

    @Test
    void bad_requests_are_refused_with_their_reason() {
        actAs("tinh.giamsat");
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "May 2024", null))
                .isInstanceOf(UserError.class).hasMessage("period.error.format");
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.DISTRICTS, province, "2024-05", "XYZ"))
                .isInstanceOf(UserError.class).hasMessage("ranking.error.group");
        assertThatThrownBy(() -> leaderboards.leaderboard(PeerGroup.COMMUNES_OF_DISTRICT, province, "2024-05", null))
                .isInstanceOf(UserError.class).hasMessage("ranking.error.rootLevel");
    }

    @Test
    void scores_list_official_and_computed_figures_per_unit_and_group() {
        actAs("tinh.giamsat");
        List<UnitScores> scores = leaderboards.scores(province, "2024-05");

        assertThat(scores.getFirst().unitCode()).isEqualTo("64");
        UnitScores iaGrai = scores.stream().filter(s -> s.unitCode().equals("628")).findFirst().orElseThrow();
        assertThat(iaGrai.groups().get("TTTT")).isEqualTo(new UnitScores.Score(30.0, null, 40.0));
        assertThat(iaGrai.total().official()).isEqualTo(75.0);
        UnitScores ducCo = scores.stream().filter(s -> s.unitCode().equals("631")).findFirst().orElseThrow();
        assertThat(ducCo.groups().get("TDGQ").computed()).isEqualTo(60.0);
        assertThat(ducCo.total().official()).isNull();
    }

    @Test
    void a_units_standing_is_in_the_period_that_began_last_by_the_campaigns_today_the_finer_one_on_a_tie() {
        scores.official("628", "2024-Q2", 40, 30);
        actAs("iagrai.lanhdao");
        // 2024-Q2 began on 1 April, before May; as text it would sort after 2024-05. June has results in the demo
        // but has not begun by the campaign's today (02/05/2024): May is the current period, as on every screen.
        assertThat(leaderboards.standing(unitId("628")).orElseThrow().period()).isEqualTo("2024-05");

        scores.official("628", "2024-06-10", 40, 30);
        assertThat(leaderboards.standing(unitId("628")).orElseThrow().period()).as("a check still to come")
                .isEqualTo("2024-05");
        scores.official("628", "2024-05-02", 40, 30);
        assertThat(leaderboards.standing(unitId("628")).orElseThrow().period()).isEqualTo("2024-05-02");
        // Both began on 1 April: the month is the finer figure.
        scores.official("624", "2024-Q2", 40, 30);
        scores.official("624", "2024-04", 40, 30);
        assertThat(leaderboards.standing(unitId("624")).orElseThrow().period()).isEqualTo("2024-04");
    }
}
