package vn.serviceindex.portal.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlanActionTest {

    @ParameterizedTest(name = "{0} a {1} plan gives {2}")
    @CsvSource({
            "SUBMIT, DRAFT, SUBMITTED", "SUBMIT, RETURNED, SUBMITTED", "WITHDRAW, SUBMITTED, DRAFT",
            "APPROVE, SUBMITTED, APPROVED", "RETURN, SUBMITTED, RETURNED", "REOPEN, APPROVED, DRAFT"})
    void the_allowed_moves(PlanAction action, PlanStatus from, PlanStatus to) {
        assertThat(action.from(from)).contains(to);
    }

    @Test
    void every_other_move_is_refused() {
        int allowed = 0;
        for (PlanAction action : PlanAction.values()) {
            for (PlanStatus status : PlanStatus.values()) {
                Optional<PlanStatus> to = action.from(status);
                allowed += to.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).as("the six moves above and no other").isEqualTo(6);
        assertThat(PlanAction.APPROVE.from(PlanStatus.DRAFT)).isEmpty();
        assertThat(PlanAction.SUBMIT.from(PlanStatus.APPROVED)).isEmpty();
    }

    @Test
    void the_province_approves_returns_and_reopens_and_must_say_why_it_returns_or_reopens() {
        assertThat(EnumSet.allOf(PlanAction.class).stream().filter(PlanAction::byProvince))
                .containsExactlyInAnyOrder(PlanAction.APPROVE, PlanAction.RETURN, PlanAction.REOPEN);
        assertThat(EnumSet.allOf(PlanAction.class).stream().filter(PlanAction::needsComment))
                .containsExactlyInAnyOrder(PlanAction.RETURN, PlanAction.REOPEN);
    }

    @Test
    void only_drafts_and_returned_plans_are_editable() {
        assertThat(EnumSet.allOf(PlanStatus.class).stream().filter(PlanStatus::editable))
                .containsExactlyInAnyOrder(PlanStatus.DRAFT, PlanStatus.RETURNED);
    }

    @Test
    void an_editor_is_offered_only_the_units_moves_where_the_life_cycle_allows_them() {
        assertThat(PlanAction.offered(null, true, false)).containsExactly(PlanAction.SUBMIT);
        assertThat(PlanAction.offered(PlanStatus.DRAFT, true, false)).containsExactly(PlanAction.SUBMIT);
        assertThat(PlanAction.offered(PlanStatus.RETURNED, true, false)).containsExactly(PlanAction.SUBMIT);
        assertThat(PlanAction.offered(PlanStatus.SUBMITTED, true, false)).containsExactly(PlanAction.WITHDRAW);
        assertThat(PlanAction.offered(PlanStatus.APPROVED, true, false)).isEmpty();
    }

    @Test
    void a_monitor_is_offered_only_the_provinces_moves_where_the_life_cycle_allows_them() {
        assertThat(PlanAction.offered(null, false, true)).isEmpty();
        assertThat(PlanAction.offered(PlanStatus.DRAFT, false, true)).isEmpty();
        assertThat(PlanAction.offered(PlanStatus.SUBMITTED, false, true))
                .containsExactlyInAnyOrder(PlanAction.APPROVE, PlanAction.RETURN);
        assertThat(PlanAction.offered(PlanStatus.APPROVED, false, true)).containsExactly(PlanAction.REOPEN);
    }

    @Test
    void a_reader_who_neither_edits_nor_monitors_is_offered_nothing_and_an_admin_both_sides() {
        for (PlanStatus status : PlanStatus.values()) {
            assertThat(PlanAction.offered(status, false, false)).isEmpty();
        }
        assertThat(PlanAction.offered(PlanStatus.SUBMITTED, true, true))
                .containsExactlyInAnyOrder(PlanAction.WITHDRAW, PlanAction.APPROVE, PlanAction.RETURN);
    }
}
