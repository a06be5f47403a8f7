package vn.serviceindex.portal.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.campaign.domain.GroupCode;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BaselinesViewTest extends CampaignUiTest {

    @Test
    void the_monitor_sees_the_2023_results_and_types_those_of_a_commune_from_which_its_plan_gets_proposals() {
        login("tinh.giamsat");
        navigate("campaigns/" + campaignId() + "/baselines");
        BaselinesView view = (BaselinesView) currentView();
        assertThat(view.title.getText()).isEqualTo("Kết quả năm 2023 của các đơn vị");
        List<List<String>> rows = rows(view.grid);
        assertThat(rows).contains(List.of("H64.08", "Sở Giao thông-Vận tải", "13,2", "92,12", "40,3", "67,37", "100",
                "–"));

        int iaTo = rows.indexOf(rows.stream().filter(r -> r.getFirst().equals("628.03")).findFirst().orElseThrow());
        GridKt._selectRow(view.grid, iaTo);
        _click(view.edit);
        BaselinesView.BaselineDialog dialog = view.openDialog;
        _setValue(dialog.fields.get(GroupCode.CLGQ), "101");
        _click(dialog.save);
        assertThat(notificationTexts()).containsExactly(
                "Kết quả nhóm “Dịch vụ công trực tuyến” phải từ 0 đến 100 %.");

        clearNotifications();
        _setValue(dialog.fields.get(GroupCode.CLGQ), "12,5");
        _setValue(dialog.fields.get(GroupCode.TTTT), "4");
        _click(dialog.save);
        assertThat(notificationTexts()).containsExactly("Đã lưu kết quả năm trước của Xã Ia Tô.");
        assertThat(rows(view.grid).get(iaTo)).containsExactly("628.03", "Xã Ia Tô", "–", "–", "12,5", "4", "–", "–");

        logout();
        login("iagrai.lanhdao");
        PlanView plan = openPlan("628.03");
        assertThat(plan.targets.cell(GroupCode.CLGQ, 0).proposal.getText()).isEqualTo("Đề xuất: 60 %");
        assertThat(plan.targets.cell(GroupCode.CLGQ, 0).value.getValue()).isEqualTo("60");
    }

    @Test
    void the_monitor_takes_the_baselines_from_the_imported_results() {
        jdbc.sql("""
                        insert into result (unit_id, period, formula_set_id)
                        select :u, '2023', id from formula_set where name = '766-2026'""")
                .param("u", unitId("628.05")).update();
        long importId = jdbc.sql("""
                        insert into portal_import (root_unit_id, file_name, group_code, period, imported_by, units,
                                                   created_units)
                        values (:root, 'clgq-2023.json', 'CLGQ', '2023', :by, 1, 0) returning id""")
                .param("root", unitId("64")).param("by", accountId("tinh.giamsat")).query(Long.class).single();
        jdbc.sql("""
                        insert into result_group (result_id, unit_id, group_code, headline_rate, source, import_id)
                        select r.id, r.unit_id, 'CLGQ', 8.4, 'IMPORTED', :import from result r where r.unit_id = :u""")
                .param("import", importId).param("u", unitId("628.05")).update();
        login("tinh.giamsat");
        navigate("campaigns/" + campaignId() + "/baselines");
        BaselinesView view = (BaselinesView) currentView();

        _click(view.fromResults);

        assertThat(notificationTexts()).containsExactly("Đã lấy 1 kết quả năm 2023 từ dữ liệu đã nhập.");
        assertThat(rows(view.grid)).contains(List.of("628.05", "Xã Ia Dêr", "–", "–", "8,4", "–", "–", "–"));
    }

    @Test
    void the_auditor_reads_the_baselines_and_edits_none() {
        login("kiemtoan");
        navigate("campaigns/" + campaignId() + "/baselines");
        BaselinesView view = (BaselinesView) currentView();

        assertThat(GridKt._size(view.grid)).isEqualTo(56);
        assertThat(view.edit.isVisible()).isFalse();
        assertThat(view.fromResults.isVisible()).isFalse();
    }
}
