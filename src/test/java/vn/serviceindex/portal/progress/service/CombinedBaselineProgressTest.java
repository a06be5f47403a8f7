package vn.serviceindex.portal.progress.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.demo.DemoRestructuringFixture;

/** A unit opened by a restructuring is measured from its predecessors' combined results, and the page says so. */
class CombinedBaselineProgressTest extends ServiceTest {

    @Autowired
    ProgressService progress;

    @Test
    void the_new_communes_progress_page_measures_from_the_combined_baseline_and_says_where_it_comes_from() {
        seedDemoRestructuring();
        actAs("tinh.giamsat");

        var sheet = progress.sheet(unitId(DemoRestructuringFixture.NEW_IA_DOK)).orElseThrow();

        assertThat(sheet.campaign().name()).isEqualTo(DemoRestructuringFixture.CAMPAIGN_2026);
        assertThat(sheet.baselineCombined().predecessors()).containsExactly("Xã Ia Dơk", "Xã Ia Nan");
        assertThat(sheet.baselineCombined().period().text()).isEqualTo("2024");
        var payment = sheet.unit().group("TTTT").orElseThrow();
        assertThat(payment.baseline()).isEqualTo(57.0);
        assertThat(payment.finalTarget()).isEqualTo(67.0);
    }

}
