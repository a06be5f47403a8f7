package vn.serviceindex.portal.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.progress.domain.ForecastMethod;
import vn.serviceindex.portal.progress.domain.Observation;
import vn.serviceindex.portal.progress.domain.TargetPhase;
import vn.serviceindex.portal.progress.domain.TargetSchedule;
import vn.serviceindex.portal.progress.domain.UnitForecast;

/** The dashboard's count of verdicts per group at the check, and the units forecast to miss. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupOutlookTest {

    private static final LocalDate CHECK = LocalDate.of(2024, 5, 10);
    private static final TargetSchedule RULE = new TargetSchedule(List.of(new TargetPhase("Kiểm tra sau 50 ngày",
            LocalDate.of(2024, 3, 22), CHECK, Map.of(GroupCode.TTTT, 60.0))), false);

    private static UnitForecast unit(String name, double... payment) {
        List<Observation> figures = new java.util.ArrayList<>();
        for (int i = 0; i < payment.length; i++) {
            LocalDate end = LocalDate.of(2024, 2 + i, 1).plusMonths(1).minusDays(1);
            figures.add(new Observation(end.toString().substring(0, 7), end, payment[i]));
        }
        return ForecastMethod.unit(name.length(), name, name, "COMMUNE", null, RULE, Map.of(),
                Map.of(GroupCode.TTTT, figures), CHECK, "Kiểm tra sau 50 ngày", LocalDate.of(2024, 5, 2));
    }

    @Test
    void each_verdict_is_counted_and_the_units_that_will_miss_are_named() {
        List<UnitForecast> units = List.of(unit("Xã A", 30, 31), unit("Xã Bb", 70, 72), unit("Xã Ccc", 55),
                unit("Xã Dddd", 20, 22, 24));

        GroupOutlook payment = GroupOutlook.byGroup(List.of("TTTT"), units).getFirst();

        assertThat(payment.willReach()).isEqualTo(1);
        assertThat(payment.atRisk()).isZero();
        assertThat(payment.willMiss()).isEqualTo(2);
        assertThat(payment.notEnoughData()).isEqualTo(1);
        assertThat(payment.missing()).containsExactly("Xã A", "Xã Dddd");
    }
}
