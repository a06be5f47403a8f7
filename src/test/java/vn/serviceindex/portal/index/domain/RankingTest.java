package vn.serviceindex.portal.index.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RankingTest {

    private record Unit(String name, @Nullable Double total) {
        static Unit of(String name, @Nullable Double total) {
            return new Unit(name, total);
        }
    }

    @Test
    void the_highest_score_ranks_first_and_ties_share_a_rank_skipping_the_next() {
        List<Unit> units = List.of(Unit.of("Huyện Ia Pa", 50.0), Unit.of("Thành phố Pleiku", 80.0),
                Unit.of("Huyện Chư Sê", 70.0), Unit.of("Huyện Ia Grai", 70.0));

        List<Ranked<Unit>> ranked = Ranking.competitionOfNullable(units, Unit::total, Unit::name);

        assertThat(ranked).extracting(Ranked::rank, r -> r.item().name()).containsExactly(
                tuple(1, "Thành phố Pleiku"), tuple(2, "Huyện Chư Sê"), tuple(2, "Huyện Ia Grai"),
                tuple(4, "Huyện Ia Pa"));
    }

    @Test
    void tied_units_are_listed_in_vietnamese_alphabetical_order() {
        // By code points Â and Đ sort after I; in Vietnamese Â comes right after A, and Đ right after D.
        List<Unit> units = List.of(Unit.of("Ia Grai", 60.0), Unit.of("Đức Cơ", 60.0), Unit.of("Ân Nhơn", 60.0),
                Unit.of("Bình Định", 60.0), Unit.of("An Khê", 60.0), Unit.of("Duy Tân", 60.0));

        List<Ranked<Unit>> ranked = Ranking.competitionOfNullable(units, Unit::total, Unit::name);

        assertThat(ranked).extracting(r -> r.item().name())
                .containsExactly("An Khê", "Ân Nhơn", "Bình Định", "Duy Tân", "Đức Cơ", "Ia Grai");
        assertThat(ranked).extracting(Ranked::rank).containsOnly(1);
    }

    @Test
    void units_without_a_score_rank_last_sharing_the_rank_after_the_last_scored_unit() {
        List<Unit> units = List.of(Unit.of("Xã Ia Tô", null), Unit.of("Xã Ia O", 70.0), Unit.of("Xã Ia Dêr", null),
                Unit.of("Xã Ia Sao", 90.0), Unit.of("Xã Ia Chía", 0.0));

        List<Ranked<Unit>> ranked = Ranking.competitionOfNullable(units, Unit::total, Unit::name);

        assertThat(ranked).extracting(Ranked::rank, r -> r.item().name()).containsExactly(
                tuple(1, "Xã Ia Sao"), tuple(2, "Xã Ia O"), tuple(3, "Xã Ia Chía"), tuple(4, "Xã Ia Dêr"),
                tuple(4, "Xã Ia Tô"));
    }

    @Test
    void a_score_of_nan_counts_as_no_score() {
        List<Unit> units = List.of(Unit.of("B", null), Unit.of("A", 1.0));

        List<Ranked<Unit>> ranked = Ranking.competition(units,
                u -> u.total() == null ? Double.NaN : u.total(), Unit::name);

        assertThat(ranked).extracting(Ranked::rank, r -> r.item().name()).containsExactly(tuple(1, "A"), tuple(2, "B"));
    }

    @Test
    void zero_and_negative_zero_are_a_tie() {
        List<Unit> units = List.of(Unit.of("B", 0.0), Unit.of("A", -0.0));

        List<Ranked<Unit>> ranked = Ranking.competition(units, Unit::total, Unit::name);

        assertThat(ranked).extracting(Ranked::rank, r -> r.item().name()).containsExactly(tuple(1, "A"), tuple(1, "B"));
    }

    @Test
    void the_ranking_does_not_depend_on_the_order_of_the_input() {
        List<Unit> units = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 63; i++) {
            units.add(Unit.of("Tỉnh " + i, random.nextInt(4) == 0 ? null : (double) random.nextInt(20)));
        }
        List<Ranked<Unit>> expected = Ranking.competitionOfNullable(units, Unit::total, Unit::name);

        Collections.shuffle(units, random);

        assertThat(Ranking.competitionOfNullable(units, Unit::total, Unit::name)).isEqualTo(expected);
    }

    @Test
    void nobody_is_left_out_nor_ranked_twice() {
        List<Unit> units = List.of(Unit.of("A", 1.0), Unit.of("B", null), Unit.of("C", 1.0));

        assertThat(Ranking.competitionOfNullable(units, Unit::total, Unit::name)).extracting(Ranked::item)
                .containsExactlyInAnyOrderElementsOf(units);
    }

    @Test
    void an_empty_peer_group_has_an_empty_ranking() {
        assertThat(Ranking.competition(List.<Unit>of(), u -> 0, Unit::name)).isEmpty();
    }
}
