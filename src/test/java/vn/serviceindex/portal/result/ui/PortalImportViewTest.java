package vn.serviceindex.portal.result.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.UploadKt;
import org.junit.jupiter.api.Test;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.result.domain.PortalFiles;

/** The import wizard: upload, preview, confirm; and who may open it. */
class PortalImportViewTest extends KaribuTest {

    private PortalImportView openWizard(String user) {
        login(user);
        navigate("imports");
        return _get(PortalImportView.class);
    }

    @Test
    void a_province_monitor_uploads_a_file_reads_the_preview_and_confirms() {
        PortalImportView wizard = openWizard("tinh.giamsat");
        _setValue(wizard.period, "2024");
        assertThat(wizard.confirm.isEnabled()).isFalse();

        UploadKt._upload(wizard.upload, "tttt-2024.json", PortalFiles.bytes(PortalFiles.TTTT));

        assertThat(wizard.detected.getText()).startsWith("Nhóm TTTT, kỳ 2024, bộ công thức 766-2026 — tệp tttt-2024.json.");
        assertThat(wizard.summary.getText())
                .isEqualTo("Đơn vị khớp: 4; sẽ tạo mới: 0; không tìm thấy: 2; có thay đổi: 4.");
        assertThat(GridKt._size(wizard.units)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(wizard.units, 3)).containsSequence("H64.30",
                "Sở Khoa học và Công nghệ số - Tỉnh Gia Lai");
        assertThat(GridKt._getFormattedRow(wizard.units, 3)).contains("không tìm thấy (bỏ qua)");
        assertThat(count("select count(*) from result_group")).as("nothing written before confirming").isZero();

        _setValue(wizard.createMissingUnits, true);
        assertThat(wizard.summary.getText())
                .isEqualTo("Đơn vị khớp: 4; sẽ tạo mới: 2; không tìm thấy: 0; có thay đổi: 6.");

        _click(wizard.confirm);

        assertThat(notificationTexts()).containsExactly(
                "Đã nhập TTTT kỳ 2024: 6 đơn vị, tạo mới 2, cập nhật 0, không tìm thấy 0.");
        assertThat(count("select count(*) from result_group where group_code = 'TTTT'")).isEqualTo(6);
        assertThat(count("select count(*) from portal_import where file_name = 'tttt-2024.json'")).isEqualTo(1);
        assertThat(GridKt._size(wizard.units)).isZero();
        assertThat(wizard.confirm.isEnabled()).isFalse();
    }

    @Test
    void the_preview_shows_the_portals_data_quality_warnings() {
        PortalImportView wizard = openWizard("admin");
        UploadKt._upload(wizard.upload, "tttt.json", PortalFiles.bytes(PortalFiles.TTTT));
        _click(wizard.confirm);
        clearNotifications();

        UploadKt._upload(wizard.upload, "ckmb.json", PortalFiles.bytes(PortalFiles.CKMB));

        assertThat(wizard.warnings.isVisible()).isTrue();
        assertThat(GridKt._size(wizard.warnings)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(wizard.warnings, 0)).contains("DOSSIER_SYNC", "WARNING",
                "Số hồ sơ đồng bộ chưa khớp với hệ thống một cửa");
    }

    @Test
    void a_bad_file_shows_its_message_and_cannot_be_confirmed() {
        PortalImportView wizard = openWizard("tinh.giamsat");
        String before = databaseState();

        UploadKt._upload(wizard.upload, "bad.json", PortalFiles.with(PortalFiles.TTTT,
                "\"totalDossierOnlinePaymentSuccess\":30", "\"totalDossierOnlinePaymentSuccess\":61"));

        assertThat(notificationTexts()).containsExactly("data.children[1].totalDossierOnlinePaymentSuccess: "
                + "totalDossierOnlinePaymentSuccess = 61 lớn hơn totalDossierFinancialObligation = 60, "
                + "điều này không thể xảy ra.");
        assertThat(wizard.confirm.isEnabled()).isFalse();
        assertThat(GridKt._size(wizard.units)).isZero();
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_50_megabyte_upload_is_refused_by_size() {
        PortalImportView wizard = openWizard("tinh.giamsat");

        UploadKt._upload(wizard.upload, "huge.json", new byte[50 * 1024 * 1024]);

        assertThat(notificationTexts()).containsExactly("Tệp quá lớn: tối đa 20 MB.");
        assertThat(wizard.confirm.isEnabled()).isFalse();
    }

    @Test
    void unit_editors_and_auditors_cannot_open_the_wizard() {
        for (String user : new String[] {"sgtvt.lanhdao", "kiemtoan"}) {
            login(user);
            assertThatThrownBy(() -> navigate("imports")).as(user).isInstanceOf(MockAccessDeniedException.class);
            logout();
        }
    }
}
