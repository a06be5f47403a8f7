package vn.serviceindex.portal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.KaribuTest;
import vn.serviceindex.portal.index.service.FormulaSetService;
import vn.serviceindex.portal.index.service.ScoringService;
import vn.serviceindex.portal.ranking.domain.PeerGroup;
import vn.serviceindex.portal.ranking.service.LeaderboardService;
import vn.serviceindex.portal.ranking.ui.LeaderboardView;

/**
 * An account that can log in but holds no role yet (created, roles not granted, or all revoked) reads nothing: not
 * even the published leaderboards, on screen or through the API, nor the formula sets.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RolelessAccountTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private LeaderboardService leaderboards;
    @Autowired
    private FormulaSetService formulaSets;
    @Autowired
    private ScoringService scoring;
    private MockMvc mvc;

    @BeforeEach
    void createAnAccountWithoutRoles() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // The demo password's hash; at home in the province, which gives no right at all.
        jdbc.sql("""
                        insert into account (username, display_name, password_hash, home_unit_id)
                        select 'chua.co.vai.tro', 'Chưa có vai trò', a.password_hash, u.id
                        from account a, org_unit u where a.username = 'admin' and u.code = '64'""")
                .update();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/leaderboards?level=PROVINCE&period=2024-05",
            "/api/v1/leaderboards?root=64&level=DISTRICT&period=2024-05",
            "/api/v1/scores?root=64&period=2024-05",
            "/api/v1/forecasts?root=H64.08",
            "/api/v1/audit/verify"})
    void the_api_answers_403_saying_the_account_has_no_role(String address) throws Exception {
        assertNoRole(mvc.perform(get(address).with(httpBasic("chua.co.vai.tro", DEMO_PASSWORD)))
                .andReturn().getResponse());
    }

    @Test
    void the_api_scores_nothing_for_it() throws Exception {
        MockHttpServletRequestBuilder score = post("/api/v1/score").with(httpBasic("chua.co.vai.tro", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"units": [{"code": "H64.08", "counts": {"totalDossierOnlinePaymentSuccess": 40,
                            "totalDossierFinancialObligation": 50}}]}""");
        assertNoRole(mvc.perform(score).andReturn().getResponse());
    }

    @Test
    void the_services_refuse_even_the_national_leaderboard_and_the_formula_sets() {
        actAs("chua.co.vai.tro");

        assertThat(refusal(() -> leaderboards.leaderboard(PeerGroup.PROVINCES, null, "2024-05", null))
                .messageKey()).isEqualTo("error.noRole");
        assertThat(refusal(() -> leaderboards.unitIdByCode("64")).messageKey()).isEqualTo("error.noRole");
        assertThat(refusal(() -> formulaSets.activeToday()).messageKey()).isEqualTo("error.noRole");
        assertThat(refusal(() -> formulaSets.list()).messageKey()).isEqualTo("error.noRole");
        assertThat(refusal(() -> scoring.score(null, List.of())).messageKey()).isEqualTo("error.noRole");
    }

    @Test
    void the_screens_offer_nothing_to_read_and_refuse_the_leaderboards_by_address() {
        login("chua.co.vai.tro");

        assertThat(LocatorJ._find(SideNavItem.class)).extracting(SideNavItem::getPath)
                .as("the menu").containsExactly("");
        assertThat(LocatorJ._find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Tài khoản của bạn chưa được gán đơn vị nào. Hãy liên hệ quản trị hệ thống.");

        for (String address : List.of("leaderboards", "index", "progress", "dashboard", "results", "audit")) {
            assertThatThrownBy(() -> navigate(address)).as(address).isInstanceOf(MockAccessDeniedException.class);
        }
        assertThat(currentView()).isNotInstanceOf(LeaderboardView.class);
    }

    private static void assertNoRole(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(403);
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("key").asString()).isEqualTo("error.noRole");
        assertThat(body.get("error").asString()).isEqualTo("Tài khoản của bạn chưa được giao vai trò nào nên chưa "
                + "xem được dữ liệu. Hãy đề nghị quản trị viên giao vai trò.");
    }
}
