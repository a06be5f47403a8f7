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
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.domain.PeriodKind;
import vn.serviceindex.portal.ranking.domain.ScoreDistribution;
import vn.serviceindex.portal.ranking.domain.ScorePoint;

/** What the province dashboard draws from stored scores: how totals spread per peer group, and a unit's trend. */
class ScoreSpreadTest extends ServiceTest {

    @Autowired
    LeaderboardService leaderboards;

    long province;

    @BeforeEach
    void storeResults() {
        province = unitId("64");
        var scores = new ScoreFixture(jdbc, this::unitId, province, accountId("admin"));
        // May 2024: Pleiku 80, Ia Grai 75 = An Khê 75, Đức Cơ 60 computed only; Sở GT-VT a perfect 100.
        scores.official("622", "2024-05", 50, 30);
        scores.official("628", "2024-05", 45, 30);
        scores.official("623", "2024-05", 40, 35);
        scores.computed("631", "2024-05", 60);
        scores.official("H64.08", "2024-05", 60, 40);
        // April 2024: Ia Grai first of two; the year 2023: Ia Grai alone.
        scores.official("628", "2024-04", 50, 40);
        scores.official("622", "2024-04", 40, 30);
        scores.official("628", "2023", 30, 20);
    }

    @Test
    void totals_spread_over_ten_point_bands_per_peer_group_with_the_median() {
        actAs("tinh.giamsat");
        List<ScoreDistribution> spread = leaderboards.distribution(province, "2024-05");

        assertThat(spread).extracting(ScoreDistribution::peers)
                .containsExactly(PeerGroup.DEPARTMENTS, PeerGroup.DISTRICTS, PeerGroup.COMMUNES);
        ScoreDistribution districts = spread.get(1);
        assertThat(districts.bands()).containsExactly(0, 0, 0, 0, 0, 0, 1, 2, 1, 0);
        assertThat(districts.scored()).isEqualTo(4);
        assertThat(districts.unscored()).isEqualTo(13);
        assertThat(districts).extracting(ScoreDistribution::median, ScoreDistribution::lowest,
                ScoreDistribution::highest).containsExactly(75.0, 60.0, 80.0);
        // 100 points falls in the last band, not in an eleventh.
        ScoreDistribution departments = spread.getFirst();
        assertThat(departments.bands().get(9)).isEqualTo(1);
        assertThat(departments.scored()).isEqualTo(1);
        ScoreDistribution communes = spread.get(2);
        assertThat(communes.scored()).isZero();
        assertThat(communes.median()).isNull();
    }

    @Test
    void a_unit_closed_before_the_period_or_opened_after_it_is_no_member_of_its_spread() {
        // One district without a score closed before May; one opened after May (both without results then).
        String unscoredDistrict = jdbc.sql("""
                        select code from org_unit where level = 'DISTRICT' and valid_to is null
                          and code not in ('622', '628', '623', '631') order by code limit 1""")
                .query(String.class).single();
        jdbc.sql("update org_unit set valid_to = '2024-03-01' where code = ? and valid_to is null")
                .param(unscoredDistrict).update();
        jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        select 'NEW1', 'Thị xã mới', 'DISTRICT', p.id, '2025-07-01'
                        from org_unit p where p.id = ?""").param(province).update();
        actAs("tinh.giamsat");

        ScoreDistribution districts = leaderboards.distribution(province, "2024-05").get(1);

        assertThat(districts.scored()).isEqualTo(4);
        assertThat(districts.unscored()).isEqualTo(12);
    }

    @Test
    void a_units_trend_follows_one_kind_of_period_with_its_rank_among_its_peers() {
        actAs("tinh.giamsat");

        assertThat(leaderboards.trend(unitId("628"), PeriodKind.MONTH))
                .extracting(ScorePoint::period, ScorePoint::score, ScorePoint::official, ScorePoint::rank,
                        ScorePoint::ranked)
                .containsExactly(tuple("2024-04", 90.0, true, 1, 2), tuple("2024-05", 75.0, true, 2, 4));
        assertThat(leaderboards.trend(unitId("628"), PeriodKind.YEAR))
                .extracting(ScorePoint::period, ScorePoint::rank, ScorePoint::ranked)
                .containsExactly(tuple("2023", 1, 1));
        assertThat(leaderboards.trend(unitId("628"), PeriodKind.QUARTER)).isEmpty();
        // A computed-only total is drawn, and marked as not official.
        assertThat(leaderboards.trend(unitId("631"), PeriodKind.MONTH)).singleElement()
                .extracting(ScorePoint::score, ScorePoint::official, ScorePoint::rank).containsExactly(60.0, false, 4);
    }

    @Test
    void a_spread_needs_a_province_and_a_period_and_a_reader_of_the_province() {
        actAs("tinh.giamsat");
        assertThatThrownBy(() -> leaderboards.distribution(unitId("628"), "2024-05"))
                .isInstanceOf(UserError.class).hasMessage("ranking.error.rootLevel");
        assertThatThrownBy(() -> leaderboards.distribution(province, "May"))
                .isInstanceOf(UserError.class).hasMessage("period.error.format");

        actAs("admin");
        long otherProvince = jdbc.sql("""
                        insert into org_unit (code, name, level, valid_from) values ('52', 'UBND tỉnh Bình Định',
                        'PROVINCE', '2020-01-01') returning id""").query(Long.class).single();
        actAs("tinh.giamsat");
        assertThatThrownBy(() -> leaderboards.distribution(otherProvince, "2024-05"))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> leaderboards.trend(otherProvince, PeriodKind.YEAR)).isInstanceOf(NotPermitted.class);
    }
}
