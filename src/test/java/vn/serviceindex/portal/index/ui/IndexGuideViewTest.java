package vn.serviceindex.portal.index.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.service.FormulaSetService;

/** "How the index is scored": the active formula set in words, for every account. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IndexGuideViewTest extends KaribuTest {

    @Autowired
    private FormulaSetService formulaSets;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void every_account_opens_it_and_sees_the_active_set(String username) {
        login(username);
        navigate("index");

        assertThat(_get(IndexGuideView.class).setLine.getText())
                .isEqualTo("Theo bộ công thức 766-2026, áp dụng từ ngày 01/01/2026.");
        assertThat(headings()).containsExactly(
                "CKMB – Công khai, minh bạch: tối đa 18 điểm",
                "TDGQ – Tiến độ giải quyết: tối đa 20 điểm",
                "CLGQ – Dịch vụ công trực tuyến: tối đa 12 điểm",
                "TTTT – Thanh toán trực tuyến: tối đa 10 điểm",
                "MDHL – Mức độ hài lòng: tối đa 18 điểm",
                "MDSH – Mức độ số hóa: tối đa 22 điểm",
                "Làm tròn");
    }

    @Test
    void explains_each_metric_in_words() {
        login("iapnon.lanhdao");
        navigate("index");

        assertThat(metric("PUBLISH_ON_TIME")).isEqualTo("Công bố thủ tục hành chính đúng hạn (PUBLISH_ON_TIME),"
                + " tối đa 6 điểm: 6 điểm × tỷ lệ (tỷ lệ = PUBLISH_ON_TIME.numerator / PUBLISH_ON_TIME.denominator)."
                + " Khi mẫu số bằng 0: không có dữ liệu, 0 điểm; điểm tối đa vẫn tính vào nhóm.");
        assertThat(metric("ONLINE_PROCEDURES")).contains(
                "2 điểm × tỷ lệ ÷ 80 %, đủ điểm khi đạt 80 % (tỷ lệ = (partialCount + fullCount) / authorityCount).");
        assertThat(metric("DOSSIER_RECEIVING_SATISFACTION")).contains("6 điểm × tỷ lệ ÷ 90 %, đủ điểm khi đạt 90 %");
        assertThat(metric("ONLINE_PAYMENT"))
                .contains("tổng các thành phần sau, không vượt quá 10 điểm:")
                .contains("6 điểm × tỷ lệ (tỷ lệ = totalDossierOnlinePaymentSuccess / totalDossierFinancialObligation).")
                .contains("2,5 điểm × tỷ lệ, tối đa 2 điểm (khi đạt 80 %)")
                .contains("Tỷ lệ được làm tròn đến hai chữ số thập phân trước khi tính điểm.");
        assertThat(metric("PETITION_PROCESSING_ON_TIME"))
                .contains("Khi mẫu số bằng 0 (chẳng hạn không có phản ánh, kiến nghị nào): đủ 6 điểm.");
        assertThat(metric("ELECTRONIC_CERTIFIED_COPY")).endsWith("mọi đơn vị được 2 điểm, không cần số liệu.");
        assertThat(metric("PETITION_CLASSIFICATION_STAFF")).isEqualTo("Phân loại phản ánh, kiến nghị về cán bộ, công chức"
                + " (PETITION_CLASSIFICATION_STAFF): chỉ theo dõi, không tính điểm.");
        assertThat(paragraphs()).anySatisfy(text -> assertThat(text).contains("6 × 93,25 %").contains("5,59"));
    }

    @Test
    void follows_the_set_active_today_not_a_draft() {
        login("admin");
        StoredFormulaSet draft = formulaSets.copy(formulaSets.findByName("766-2026").orElseThrow().id(), "766-2026b");
        FormulaSet edited = withTdgqFullAt(draft.formulas(), 95);
        draft = formulaSets.saveDraft(draft.id(), draft.version(), edited);

        navigate("index");
        assertThat(metric("ON_TIME_HANDLING")).contains("20 điểm × tỷ lệ (");

        formulaSets.activate(draft.id(), draft.version(), LocalDate.of(2026, 6, 1));
        navigate("");
        navigate("index");
        assertThat(_get(IndexGuideView.class).setLine.getText())
                .isEqualTo("Theo bộ công thức 766-2026b, áp dụng từ ngày 01/06/2026.");
        assertThat(metric("ON_TIME_HANDLING")).contains("20 điểm × tỷ lệ ÷ 95 %, đủ điểm khi đạt 95 %");
    }

    @Test
    void speaks_english_to_an_english_speaking_account() {
        jdbc.sql("update account set language = 'en' where username = 'kiemtoan'").update();
        login("kiemtoan");
        navigate("index");

        assertThat(headings()).startsWith("CKMB – Publicity and transparency: up to 18 points");
        assertThat(metric("ONLINE_PAYMENT")).startsWith("Online payment (ONLINE_PAYMENT), up to 10 points:")
                .contains("2.5 points × rate, at most 2 points (reached at 80 %)");
    }

    private static FormulaSet withTdgqFullAt(FormulaSet set, double threshold) {
        return new FormulaSet(set.name(), set.validFrom(), set.notes(), set.groups().stream()
                .map(g -> !g.code().equals("TDGQ") ? g : new IndexGroup(g.code(), g.nameVi(), g.nameEn(),
                        g.maxPoints(), g.metrics().stream().map(m -> new Metric(m.code(), m.nameVi(), m.nameEn(),
                        m.maxPoints(), m.terms().stream().map(t -> Term.fullAt(threshold, t.numerator(),
                        t.denominator(), t.points())).toList(), m.whenEmpty(), m.roundRateFirst(),
                        m.fixedScore())).toList()))
                .toList());
    }

    private static List<String> headings() {
        return _find(H3.class).stream().map(H3::getText).toList();
    }

    private static List<String> paragraphs() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    /** The whole text of a metric's entry, as a reader sees it. */
    private static String metric(String code) {
        return _find(ListItem.class, spec -> spec.withClasses("index-guide-metric")).stream()
                .map(item -> item.getElement().getTextRecursively())
                .filter(text -> text.contains("(" + code + ")"))
                .findFirst().orElseThrow(() -> new AssertionError("no entry for " + code));
    }
}
