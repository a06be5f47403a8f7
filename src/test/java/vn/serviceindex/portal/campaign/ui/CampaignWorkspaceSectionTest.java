package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CampaignWorkspaceSectionTest extends CampaignUiTest {

    @Test
    void the_department_sees_the_campaign_day_its_approved_plan_and_the_targets_of_the_current_phase() {
        login("sgtvt.lanhdao");

        assertThat(cardTitles()).containsExactly("Chiến dịch", "Kế hoạch", "Chỉ tiêu", "Tiến độ chỉ tiêu",
                "Kết quả");
        assertThat(text("campaign-banner-day")).isEqualTo("Ngày 42/101");
        assertThat(text("campaign-banner-milestone"))
                .isEqualTo("Mốc tiếp theo: Kiểm tra sau 50 ngày (10/05/2024), còn 8 ngày");
        assertThat(text("campaign-banner-today")).isEqualTo("Ngày theo lịch cấu hình: 02/05/2024");
        assertThat(text("plan-status")).isEqualTo("Đã phê duyệt");
        assertThat(paragraphs()).contains("2 giai đoạn · 3 nhiệm vụ: 1 hoàn thành, 1 trễ hạn",
                "Giai đoạn 2 (02/05/2024 – 30/06/2024)");
        assertThat(targetLines()).containsExactly("Công khai, minh bạch 100 %", "Tiến độ giải quyết 100 %",
                "Dịch vụ công trực tuyến 60 %", "Thanh toán trực tuyến 77,37 %", "Mức độ hài lòng 100 %",
                "Mức độ số hóa 100 %");

        _click(_get(Button.class, spec -> spec.withText("Mở kế hoạch")));
        assertThat(((PlanView) currentView()).number.getValue()).isEqualTo("696/KH-SGTVT");
    }

    @Test
    void in_phase_1_the_card_shows_phase_1s_targets() {
        try (var ignored = calendar.pin(LocalDate.of(2024, 4, 1))) {
            login("sgtvt.lanhdao");

            assertThat(text("campaign-banner-day")).isEqualTo("Ngày 11/101");
            assertThat(targetLines()).contains("Dịch vụ công trực tuyến 50 %", "Thanh toán trực tuyến 72,37 %");
        }
    }

    @Test
    void after_the_campaign_the_banner_says_it_ended() {
        try (var ignored = calendar.pin(LocalDate.of(2024, 7, 15))) {
            login("iapnon.lanhdao");

            assertThat(text("campaign-banner-day")).isEqualTo("Đã kết thúc ngày 30/06/2024");
            assertThat(text("campaign-banner-milestone")).isEqualTo("Không còn mốc kiểm tra");
        }
    }

    @Test
    void the_province_workspace_counts_the_plans_and_leads_to_the_overview() {
        login("tinh.giamsat");

        assertThat(cardTitles()).contains("Chiến dịch", "Kế hoạch các đơn vị");
        assertThat(paragraphs()).contains("56 đơn vị: 53 chưa lập, 1 dự thảo, 1 chờ phê duyệt, 1 đã phê duyệt,"
                + " 0 bị trả lại");
        _click(_get(Button.class, spec -> spec.withText("Theo dõi kế hoạch các đơn vị")));
        assertThat(currentView()).isInstanceOf(CampaignPlansView.class);
    }

    @Test
    void a_district_editor_starts_the_plan_of_a_commune_without_one() {
        login("iagrai.lanhdao");
        navigate("?unit=" + unitId("628.05"));

        assertThat(text("plan-status")).isEqualTo("Chưa lập");
        assertThat(_find(Button.class, spec -> spec.withText("Lập kế hoạch"))).hasSize(1);
        assertThat(paragraphs()).contains("Chưa có chỉ tiêu theo giai đoạn.");
    }

    @Test
    void a_unit_no_campaign_covers_says_so() {
        // Ia Pnôn's draft goes, then Ia Pnôn leaves the campaign.
        jdbc.sql("delete from unit_plan where unit_id = ?").param(unitId("631.09")).update();
        jdbc.sql("delete from campaign_unit where unit_id = ?").param(unitId("631.09")).update();
        login("iapnon.lanhdao");

        assertThat(paragraphs()).contains("Chưa có chiến dịch nào áp dụng cho đơn vị.");
        assertThat(BasicUtilsKt.get_textRecursively(currentView())).doesNotContain("Ngày 42/101");
    }

    private static List<String> cardTitles() {
        return _find(Div.class, spec -> spec.withClasses("workspace-place")).stream()
                .map(card -> _get(card, H3.class).getText()).toList();
    }

    private static List<String> paragraphs() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private static List<String> targetLines() {
        return _find(Div.class, spec -> spec.withClasses("campaign-card-target")).stream()
                .map(line -> line.getChildren().map(part -> ((Span) part).getText())
                        .collect(java.util.stream.Collectors.joining(" "))).toList();
    }
}
