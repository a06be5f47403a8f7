package vn.serviceindex.portal.result.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.unit.domain.UnitLevel;

class PortalEvaluationReaderTest {

    private static final long LIMIT = 20L * 1024 * 1024;

    private static PortalEvaluation read(byte[] content) {
        return PortalEvaluationReader.read(content, LIMIT, PortalFiles.SET);
    }

    private static PortalEvaluation read(String content) {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private static AbstractThrowableAssert<?, ?> refused(byte[] content, String key) {
        return assertThatThrownBy(() -> read(content)).isInstanceOf(UserError.class)
                .hasMessage(key);
    }

    private static void refusedAt(byte[] content, String key, String path) {
        refused(content, key).asInstanceOf(type(UserError.class))
                .extracting(UserError::field).isEqualTo(path);
    }

    // --- the three shapes

    @Test
    void an_online_payment_file_is_recognised_by_its_payment_counts() {
        PortalEvaluation file = read(PortalFiles.bytes(PortalFiles.TTTT));

        assertThat(file.groupCode()).isEqualTo("TTTT");
        assertThat(file.shape()).isEqualTo(PortalEvaluation.Shape.PARENT_CHILDREN);
        assertThat(file.root().code()).isEqualTo("64");
        assertThat(file.root().level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(file.root().score()).isEqualTo(6.5);
        assertThat(file.root().counts()).containsEntry("totalDossierFinancialObligation", 1000.0)
                .containsEntry("totalFeeDossierFormalityDistinct", 20.0)
                .doesNotContainKeys("totalScore", "ratio");
        assertThat(file.units()).extracting(PortalUnitResult::code)
                .containsExactly("H64.08", "H64.16", "H64.30", "631.09", "64.901");
        assertThat(file.units()).extracting(PortalUnitResult::level).containsExactly(UnitLevel.DEPARTMENT,
                UnitLevel.DEPARTMENT, UnitLevel.DEPARTMENT, UnitLevel.COMMUNE, UnitLevel.COMMUNE);
        PortalUnitResult noData = file.units().get(2);
        assertThat(noData.score()).isNull();
        assertThat(noData.headlineRate(PortalFiles.SET.group("TTTT").orElseThrow())).isNull();
        // 50 of 50 dossiers with a fee paid online: the tracked rate is 100 %, not the group's ratio of 80.
        assertThat(file.units().getFirst().headlineRate(PortalFiles.SET.group("TTTT").orElseThrow())).isEqualTo(100.0);
        assertThat(file.units().getFirst().portalId())
                .isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000006408"));
    }

    @Test
    void an_on_time_file_is_recognised_by_its_received_and_on_time_counts_with_child_scores() {
        PortalEvaluation file = read(PortalFiles.bytes(PortalFiles.TDGQ));

        assertThat(file.groupCode()).isEqualTo("TDGQ");
        assertThat(file.shape()).isEqualTo(PortalEvaluation.Shape.PARENT_CHILDREN_MONTHLY);
        assertThat(file.root().score()).isEqualTo(17.73);
        PortalUnitResult department = file.units().getFirst();
        assertThat(department.score()).isEqualTo(18.42);
        assertThat(department.maxScore()).isEqualTo(20.0);
        assertThat(department.counts()).containsEntry("totalOnTime", 921.0).containsEntry("avgProcessingDays", 3.1);
        assertThat(file.units().get(1).level()).isEqualTo(UnitLevel.DISTRICT);
    }

    @Test
    void a_transparency_file_is_recognised_by_its_metric_codes_and_keeps_the_portal_warnings() {
        PortalEvaluation file = read(PortalFiles.bytes(PortalFiles.CKMB));

        assertThat(file.groupCode()).isEqualTo("CKMB");
        assertThat(file.shape()).isEqualTo(PortalEvaluation.Shape.PER_METRIC);
        assertThat(file.root().code()).isNull();
        assertThat(file.root().counts()).containsEntry("PUBLISH_ON_TIME.numerator", 3.0)
                .containsEntry("DOSSIER_SYNC.denominator", 10000.0);
        assertThat(file.units()).extracting(PortalUnitResult::level)
                .containsExactly(UnitLevel.DEPARTMENT, UnitLevel.COMMUNE);
        assertThat(file.units().get(1).counts()).isEmpty();
        assertThat(file.warnings()).containsExactly(new PortalWarning("Sở Giao thông-Vận tải - Tỉnh Gia Lai",
                "DOSSIER_SYNC", "WARNING", "Số hồ sơ đồng bộ chưa khớp với hệ thống một cửa"));
    }

    @Test
    void a_satisfaction_file_keeps_tracked_only_metrics_and_petition_counts() {
        PortalEvaluation file = read(PortalFiles.bytes(PortalFiles.MDHL_NEW_PROVINCE));

        assertThat(file.groupCode()).isEqualTo("MDHL");
        assertThat(file.root().counts()).containsEntry("PETITION_CLASSIFICATION_TTHC.numerator", 20.0)
                .containsEntry("totalPetitions", 40.0).containsEntry("totalDossiers", 52000.0);
        assertThat(file.units().get(1).warnings()).extracting(PortalWarning::status).containsExactly("NO_DATA");
    }

    // --- bad files: each refused with its own message and the path of the bad value

    @Test
    void not_json_is_refused() {
        refused("<html>Cổng DVC quốc gia</html>".getBytes(StandardCharsets.UTF_8), "result.import.error.notJson");
        refused("{\"code\":\"OK\",\"data\":{}} trailing".getBytes(StandardCharsets.UTF_8),
                "result.import.error.notJson");
    }

    @Test
    void an_empty_file_is_refused() {
        refused(new byte[0], "result.import.error.empty");
        refused("   ".getBytes(StandardCharsets.UTF_8), "result.import.error.empty");
    }

    @Test
    void truncated_json_is_refused() {
        byte[] whole = PortalFiles.bytes(PortalFiles.TTTT);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        refused(half, "result.import.error.truncated");
    }

    @Test
    void a_file_above_the_size_limit_is_refused_before_it_is_parsed() {
        byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
        refused(fiftyMegabytes, "result.import.error.tooLarge");
    }

    @Test
    void a_wrong_shape_is_refused() {
        refusedAt("[1,2,3]".getBytes(StandardCharsets.UTF_8), "result.import.error.wrongShape", "$");
        refusedAt("{\"code\":\"OK\",\"data\":{\"items\":[]}}".getBytes(StandardCharsets.UTF_8),
                "result.import.error.wrongShape", "data");
        refusedAt(PortalFiles.with(PortalFiles.TDGQ, "{\"departmentId\":\"00000000-0000-4000-8000-000000000628\"",
                        "7, {\"departmentId\":\"00000000-0000-4000-8000-000000000628\""),
                "result.import.error.wrongShape", "data.children[1]");
    }

    @Test
    void a_response_whose_code_is_not_ok_is_refused_with_the_portals_message() {
        assertThatThrownBy(() -> read("{\"code\":\"UNAUTHORIZED\",\"message\":\"Phiên đăng nhập hết hạn\",\"data\":null}"))
                .isInstanceOf(UserError.class).hasMessage("result.import.error.portalNotOk")
                .extracting(e -> ((UserError) e).arguments())
                .isEqualTo(new Object[] {"UNAUTHORIZED", "Phiên đăng nhập hết hạn"});
    }

    @Test
    void a_file_whose_fields_belong_to_no_group_is_refused_as_an_unknown_group() {
        refused(("{\"code\":\"OK\",\"message\":null,\"data\":{\"parent\":{\"departmentId\":"
                + "\"00000000-0000-4000-8000-000000000064\",\"departmentName\":\"UBND tỉnh Gia Lai\","
                + "\"totalScore\":3,\"totalWidgets\":4},\"children\":[]}}").getBytes(StandardCharsets.UTF_8),
                "result.import.error.unknownGroup");
        refused(PortalFiles.with(PortalFiles.MDHL_NEW_PROVINCE, "\"code\":\"PETITION_PROCESSING_ON_TIME\"",
                "\"code\":\"PUBLISH_ON_TIME\""), "result.import.error.mixedGroups");
    }

    @Test
    void negative_counts_are_refused_by_path() {
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"totalDossierFinancialObligation\":60",
                        "\"totalDossierFinancialObligation\":-60"),
                "result.import.error.negative", "data.children[1].totalDossierFinancialObligation");
        refusedAt(PortalFiles.with(PortalFiles.CKMB, "\"numerator\":5,", "\"numerator\":-5,"),
                "result.import.error.negative", "data.evaluation[0].metrics[1].numerator");
    }

    @Test
    void non_numeric_counts_are_refused_by_path() {
        refusedAt(PortalFiles.with(PortalFiles.TDGQ, "\"totalOnTime\":921", "\"totalOnTime\":\"921\""),
                "result.import.error.notNumber", "data.children[0].totalOnTime");
        refusedAt(PortalFiles.with(PortalFiles.CKMB, "\"denominator\":10000", "\"denominator\":true"),
                "result.import.error.notNumber", "data.overview.metrics[3].denominator");
    }

    @Test
    void nan_and_infinite_numbers_are_refused_by_path() {
        refusedAt(PortalFiles.with(PortalFiles.TDGQ, "\"totalReceived\":500", "\"totalReceived\":NaN"),
                "result.import.error.notFinite", "data.children[1].totalReceived");
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"totalScore\":8.0", "\"totalScore\":Infinity"),
                "result.import.error.notFinite", "data.children[0].totalScore");
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"totalFeeFormality\":20", "\"totalFeeFormality\":1e999"),
                "result.import.error.notFinite", "data.parent.totalFeeFormality");
    }

    @Test
    void counts_that_contradict_each_other_are_refused() {
        // More dossiers paid online than dossiers with a fee.
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"totalDossierOnlinePaymentSuccess\":30",
                        "\"totalDossierOnlinePaymentSuccess\":61"),
                "result.import.error.contradiction", "data.children[1].totalDossierOnlinePaymentSuccess");
        refusedAt(PortalFiles.with(PortalFiles.TDGQ, "\"totalOnTime\":408", "\"totalOnTime\":501"),
                "result.import.error.contradiction", "data.children[1].totalOnTime");
        refusedAt(PortalFiles.with(PortalFiles.CKMB, "\"numerator\":3,\"denominator\":90",
                        "\"numerator\":91,\"denominator\":90"),
                "result.import.error.contradiction", "data.overview.metrics[0].numerator");
    }

    @Test
    void a_score_above_the_groups_max_is_refused() {
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"totalScore\":8.0", "\"totalScore\":10.5"),
                "result.import.error.scoreAboveMax", "data.children[0].totalScore");
        refusedAt(PortalFiles.with(PortalFiles.TDGQ, "\"score\":18.42", "\"score\":20.01"),
                "result.import.error.scoreAboveMax", "data.children[0].score");
        refusedAt(PortalFiles.with(PortalFiles.CKMB, "\"score\":6,\"maxScore\":6", "\"score\":6.5,\"maxScore\":6"),
                "result.import.error.scoreAboveMax", "data.evaluation[0].metrics[0].score");
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"ratio\":80.0", "\"ratio\":180.0"),
                "result.import.error.rateRange", "data.children[0].ratio");
    }

    @Test
    void a_name_over_500_characters_is_refused() {
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"departmentName\":\"Sở Y tế - Tỉnh Gia Lai\"",
                        "\"departmentName\":\"" + "Sở Y tế ".repeat(70) + "\""),
                "result.import.error.tooLong", "data.children[1].departmentName");
    }

    @Test
    void a_missing_or_malformed_portal_id_is_refused() {
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"departmentId\":\"00000000-0000-4000-8000-000000006416\",",
                ""), "result.import.error.missing", "data.children[1].departmentId");
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "00000000-0000-4000-8000-000000006416", "not-a-uuid"),
                "result.import.error.badId", "data.children[1].departmentId");
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "00000000-0000-4000-8000-000000006416",
                "00000000-0000-4000-8000-000000006408"), "result.import.error.duplicateUnit",
                "data.children[1].departmentId");
    }

    @Test
    void an_unknown_level_is_refused() {
        refusedAt(PortalFiles.with(PortalFiles.TTTT, "\"level\":\"COMMUNE\"", "\"level\":\"HAMLET\""),
                "result.import.error.level", "data.children[3].level");
    }
}
