package vn.serviceindex.portal.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.progress.domain.GroupProgress;
import vn.serviceindex.portal.progress.domain.UnitProgress;

class CampaignTrackTest {

    // Rates: baseline, current, expected today, phase target, final target.
    private static GroupProgress onTrack(String group) {
        return new GroupProgress(group, 60.0, 75.0, "2024-05", 70.0, 72.0, 80.0, true);
    }

    private static GroupProgress behindBy(String group, double points) {
        return new GroupProgress(group, 60.0, 70.0 - points, "2024-05", 70.0, 72.0, 80.0, true);
    }

    private static GroupProgress noResult(String group) {
        return new GroupProgress(group, 60.0, null, null, 70.0, 72.0, 80.0, false);
    }

    private static GroupProgress noTarget(String group) {
        return new GroupProgress(group, null, 50.0, "2024-05", null, null, null, false);
    }

    private static UnitProgress unit(long id, GroupProgress... groups) {
        return new UnitProgress(id, "U" + id, "Unit " + id, "DISTRICT", true, List.of(groups));
    }

    private final List<UnitProgress> units = List.of(
            unit(1, onTrack("TTTT"), behindBy("CLGQ", 4)),
            unit(2, behindBy("TTTT", 10), behindBy("CLGQ", 2)),
            unit(3, noResult("TTTT"), onTrack("CLGQ")),
            unit(4, noTarget("TTTT")));

    @Test
    void each_group_counts_its_units_by_status_and_the_share_on_track_counts_only_the_judged() {
        List<GroupTrack> tracks = CampaignTrack.byGroup(List.of("TTTT", "CLGQ"), units);

        assertThat(tracks.getFirst()).isEqualTo(new GroupTrack("TTTT", 1, 1, 1, 1));
        assertThat(tracks.getFirst().onTrackShare()).isEqualTo(0.5);
        // Unit 4 has no CLGQ entry at all: it has no target there.
        assertThat(tracks.get(1)).isEqualTo(new GroupTrack("CLGQ", 1, 2, 0, 1));
        assertThat(new GroupTrack("MDSH", 0, 0, 3, 1).onTrackShare()).isZero();
    }

    @Test
    void the_units_most_behind_come_first_and_units_on_track_are_left_out() {
        assertThat(CampaignTrack.mostBehind(units, 10)).extracting(UnitProgress::unitId).containsExactly(2L, 1L);
        assertThat(CampaignTrack.mostBehind(units, 1)).extracting(UnitProgress::unitId).containsExactly(2L);
    }

    @Test
    void the_workspace_summary_counts_units_on_track_everywhere_and_names_the_group_with_the_smallest_share() {
        List<UnitProgress> withOneOnTrack = new java.util.ArrayList<>(units);
        withOneOnTrack.add(unit(5, onTrack("TTTT"), onTrack("CLGQ")));

        CampaignSummary summary = CampaignSummary.of(List.of("TTTT", "CLGQ"), withOneOnTrack);

        assertThat(summary.onTrackEverywhere()).isEqualTo(1);
        assertThat(summary.units()).isEqualTo(5);
        // TTTT: 2 of 3 judged on track; CLGQ: 2 of 4.
        assertThat(summary.weakest()).isEqualTo(new GroupTrack("CLGQ", 2, 2, 0, 1));
    }

    @Test
    void with_no_unit_judged_the_summary_names_no_weakest_group() {
        CampaignSummary summary = CampaignSummary.of(List.of("TTTT"), List.of(unit(1, noResult("TTTT"))));

        assertThat(summary.onTrackEverywhere()).isZero();
        assertThat(summary.weakest()).isNull();
    }
}
