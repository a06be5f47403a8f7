package vn.serviceindex.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.account.ui.AccountAdminView;
import vn.serviceindex.portal.unit.ui.UnitAdminView;
import vn.serviceindex.portal.unit.ui.WorkspaceView;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MainLayoutTest extends KaribuTest {

    @Test
    void admin_navigation_lists_the_workspace_the_leaderboards_the_guide_the_history_and_the_admin_screens() {
        login("admin");

        assertThat(navigationLabels()).containsExactly("Đơn vị của tôi", "Bảng điều hành", "Tiến độ chỉ tiêu",
                "Chiến dịch", "Kết quả", "Bảng xếp hạng", "Cách tính điểm Bộ chỉ số", "Nhập kết quả",
                "Lịch sử thay đổi", "Quản lý đơn vị", "Quản lý tài khoản", "Bộ công thức tính điểm");
        assertThat(navigationPaths()).containsExactly("", "dashboard", "progress", "campaigns", "results",
                "leaderboards", "index", "imports", "audit", "admin/units", "admin/accounts", "admin/formulas");
    }

    @Test
    void the_auditor_sees_the_workspace_the_campaigns_the_results_the_guide_and_the_change_history() {
        login("kiemtoan");

        assertThat(navigationLabels()).containsExactly("Đơn vị của tôi", "Bảng điều hành", "Tiến độ chỉ tiêu",
                "Chiến dịch", "Kết quả", "Bảng xếp hạng", "Cách tính điểm Bộ chỉ số", "Lịch sử thay đổi");
    }

    @Test
    void the_province_monitor_sees_the_workspace_the_campaigns_the_results_the_guide_and_the_result_import() {
        login("tinh.giamsat");

        assertThat(navigationLabels()).containsExactly("Đơn vị của tôi", "Bảng điều hành", "Tiến độ chỉ tiêu",
                "Chiến dịch", "Kết quả", "Bảng xếp hạng", "Cách tính điểm Bộ chỉ số", "Nhập kết quả");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void unit_leaders_see_their_workspace_their_results_the_leaderboards_and_the_guide(String username) {
        login(username);

        assertThat(navigationLabels()).containsExactly("Đơn vị của tôi", "Tiến độ chỉ tiêu", "Kết quả", "Bảng xếp hạng",
                "Cách tính điểm Bộ chỉ số");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void other_accounts_cannot_open_the_admin_screens_by_address(String username) {
        login(username);

        // Karibu's stand-in for Vaadin's access-denied view throws where the browser shows "could not navigate".
        assertThatThrownBy(() -> navigate("admin/accounts")).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(AccountAdminView.class)).isEmpty();
        assertThatThrownBy(() -> navigate("admin/units")).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(UnitAdminView.class)).isEmpty();
    }

    @Test
    void admin_opens_both_admin_screens() {
        login("admin");

        navigate("admin/units");
        NavigatorKt.expectView(UnitAdminView.class);
        navigate("admin/accounts");
        NavigatorKt.expectView(AccountAdminView.class);
    }

    @Test
    void login_lands_on_the_workspace() {
        login("sgtvt.lanhdao");

        NavigatorKt.expectView(WorkspaceView.class);
    }

    @Test
    void header_shows_the_account_name_and_its_unit() {
        login("iagrai.lanhdao");
        assertThat(headerTexts()).containsExactly("Lãnh đạo Huyện Ia Grai", "Huyện Ia Grai");

        logout();
        login("sgtvt.lanhdao");
        assertThat(headerTexts()).containsExactly("Lãnh đạo Sở GT-VT", "Sở Giao thông-Vận tải");

        logout();
        login("iapnon.lanhdao");
        assertThat(headerTexts()).containsExactly("Lãnh đạo Xã Ia Pnôn", "Xã Ia Pnôn");
    }

    @Test
    void header_of_an_account_without_unit_shows_only_its_name() {
        login("admin");

        assertThat(headerTexts()).containsExactly("Quản trị hệ thống");
    }

    @Test
    void logout_returns_to_the_login_page() {
        login("admin");

        logout();
        navigate("");

        NavigatorKt.expectView(vn.serviceindex.portal.security.ui.LoginView.class);
    }

    @Test
    void language_chosen_in_the_header_applies_at_once_and_at_the_next_login() {
        login("iagrai.lanhdao");

        _setValue(_get(LanguageSwitch.class), Locale.ENGLISH);
        navigate("");
        assertThat(navigationLabels()).containsExactly("My unit", "Progress against targets", "Results", "Leaderboards",
                "How the index is scored");
        assertThat(_get(Span.class, spec -> spec.withClasses("header-title")).getText())
                .isEqualTo("Citizen and Business Service Index Portal");
        assertThat(jdbc.sql("select language from account where username = 'iagrai.lanhdao'")
                .query(String.class).single()).isEqualTo("en");

        logout();
        login("iagrai.lanhdao");
        assertThat(navigationLabels()).containsExactly("My unit", "Progress against targets", "Results", "Leaderboards",
                "How the index is scored");

        logout();
        login("sgtvt.lanhdao");
        assertThat(navigationLabels()).as("another account keeps its own language").containsExactly("Đơn vị của tôi",
                "Tiến độ chỉ tiêu", "Kết quả", "Bảng xếp hạng", "Cách tính điểm Bộ chỉ số");
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private static List<String> navigationPaths() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
    }

    private static List<String> headerTexts() {
        return _find(_get(Div.class, spec -> spec.withClasses("header-account")), Span.class).stream()
                .map(Span::getText).toList();
    }
}
