package vn.serviceindex.portal.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.service.FormulaSetService;

/**
 * {@code POST /api/v1/score} over the real security filter chain and MVC stack (MockMvc on the shared context, which
 * has no web port): HTTP Basic with a demo account, JSON in and out, refusals naming the field.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScoreApiTest extends ServiceTest {

    /** The worked figure: A = 50/50 = 1, B = 2/3, C = 0/3 → 6 + 1.67 + 0 = 7.67 of 10. */
    private static final String ONLINE_PAYMENT = """
            {"units": [{"code": "H64.08", "name": "Sở Giao thông-Vận tải", "counts": {
                "totalDossierOnlinePaymentSuccess": 50, "totalDossierFinancialObligation": 50,
                "totalDossierOnlineFormalityPaymentSuccess": 2, "totalFeeDossierFormality": 0,
                "totalFeeFormality": 3}}]}""";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private FormulaSetService formulaSets;
    private MockMvc mvc;

    @BeforeEach
    void buildClient() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void without_credentials_answers_401_and_asks_for_basic_authentication() throws Exception {
        mvc.perform(post("/api/v1/score").contentType(MediaType.APPLICATION_JSON).content(ONLINE_PAYMENT))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"service-index-portal\""));
    }

    /**
     * On a real server the 401 above is sent with sendError, and the container then dispatches to /error. That
     * dispatch must stay with the API's rules: under the UI's it was answered with a redirect to the login page
     * (302), so a client without credentials never saw the 401. MockMvc does not dispatch errors by itself, so the
     * test makes the dispatch the container makes.
     */
    @Test
    void keeps_the_401_when_the_server_dispatches_it_to_the_error_page() throws Exception {
        mvc.perform(get("/error").with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/score");
                    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 401);
                    return request;
                }).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.path").value("/api/v1/score"));
    }

    @Test
    void with_a_wrong_password_answers_401() throws Exception {
        score("admin", "wrong-password", ONLINE_PAYMENT).andExpect(status().isUnauthorized());
    }

    @Test
    void with_a_disabled_account_answers_401() throws Exception {
        jdbc.sql("update account set enabled = false where username = 'kiemtoan'").update();

        score("kiemtoan", DEMO_PASSWORD, ONLINE_PAYMENT).andExpect(status().isUnauthorized());
    }

    @Test
    void scores_the_worked_online_payment_figure_with_the_active_set() throws Exception {
        String before = databaseState();

        score("admin", ONLINE_PAYMENT)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formulaSet").value("766-2026"))
                .andExpect(jsonPath("$.units", hasSize(1)))
                .andExpect(jsonPath("$.units[0].code").value("H64.08"))
                .andExpect(jsonPath("$.units[0].groups.TTTT.score").value(7.67))
                .andExpect(jsonPath("$.units[0].groups.TTTT.max").value(10.0))
                .andExpect(jsonPath("$.units[0].groups.TTTT.metrics.ONLINE_PAYMENT.score").value(7.67))
                .andExpect(jsonPath("$.units[0].groups.TTTT.metrics.ONLINE_PAYMENT.max").value(10.0))
                .andExpect(jsonPath("$.units[0].groups.TTTT.metrics.ONLINE_PAYMENT.lost").value(2.33))
                .andExpect(jsonPath("$.units[0].groups.TTTT.metrics.ONLINE_PAYMENT.fullAt").value(100.0))
                .andExpect(jsonPath("$.units[0].total.score").value(7.67))
                .andExpect(jsonPath("$.units[0].total.max").value(10.0));
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void returns_only_the_groups_each_unit_gave_counts_for_and_totals_those() throws Exception {
        score("tinh.giamsat", """
                {"units": [
                  {"code": "628", "counts": {"totalOnTime": 90, "totalReceived": 100,
                                             "PUBLISH_ON_TIME.numerator": 3, "PUBLISH_ON_TIME.denominator": 90}},
                  {"code": "631", "counts": {"totalOnTime": 0, "totalReceived": 0}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].groups.keys()", contains("CKMB", "TDGQ")))
                .andExpect(jsonPath("$.units[0].groups.TDGQ.score").value(18.0))
                .andExpect(jsonPath("$.units[0].groups.CKMB.score").value(0.2))
                .andExpect(jsonPath("$.units[0].groups.CKMB.max").value(18.0))
                .andExpect(jsonPath("$.units[0].groups.CKMB.metrics.PUBLISH_ON_TIME.lost").value(5.8))
                .andExpect(jsonPath("$.units[0].groups.CKMB.metrics.DOSSIER_SYNC.score").value(nullValue()))
                .andExpect(jsonPath("$.units[0].total.score").value(18.2))
                .andExpect(jsonPath("$.units[0].total.max").value(38.0))
                // No dossiers received: the metric shows "no data", as the portal shows it; the group scores 0 of 20.
                .andExpect(jsonPath("$.units[1].groups.keys()", contains("TDGQ")))
                .andExpect(jsonPath("$.units[1].groups.TDGQ.metrics.*.score", contains(nullValue())))
                .andExpect(jsonPath("$.units[1].groups.TDGQ.score").value(0.0))
                .andExpect(jsonPath("$.units[1].groups.TDGQ.max").value(20.0))
                .andExpect(jsonPath("$.units[1].total.score").value(0.0))
                .andExpect(jsonPath("$.units[1].total.max").value(20.0));
    }

    @Test
    void reports_the_threshold_at_which_a_metric_earns_full_points() throws Exception {
        score("iapnon.lanhdao", """
                {"units": [{"code": "631.09", "counts": {"partialCount": 30, "fullCount": 10,
                                                         "authorityCount": 100}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].groups.CLGQ.metrics.ONLINE_PROCEDURES.score").value(1.0))
                .andExpect(jsonPath("$.units[0].groups.CLGQ.metrics.ONLINE_PROCEDURES.fullAt").value(80.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tinh.giamsat", "kiemtoan", "sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao"})
    void every_account_may_score_since_nothing_is_read_or_stored_but_the_formulas(String username)
            throws Exception {
        score(username, ONLINE_PAYMENT).andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].groups.TTTT.score").value(7.67));
    }

    @Test
    void scores_with_a_named_set_even_a_draft_an_administrator_is_trying() throws Exception {
        actAs("admin");
        StoredFormulaSet source = formulaSets.findByName("766-2026").orElseThrow();
        StoredFormulaSet draft = formulaSets.copy(source.id(), "thu-nghiem");
        FormulaSet edited = draft.formulas();
        // Online payment A at 6 points from an 80 % share instead of 100 %.
        edited = new FormulaSet(edited.name(), LocalDate.of(2027, 1, 1), edited.notes(), edited.groups().stream()
                .map(g -> !g.code().equals("TTTT") ? g : new vn.serviceindex.portal.index.domain.IndexGroup(
                        g.code(), g.nameVi(), g.nameEn(), g.maxPoints(), g.metrics().stream()
                        .map(m -> new vn.serviceindex.portal.index.domain.Metric(m.code(), m.nameVi(), m.nameEn(),
                                m.maxPoints(), java.util.List.of(
                                new Term(m.terms().get(0).numerator(), m.terms().get(0).denominator(), 6, 6, 80),
                                m.terms().get(1), m.terms().get(2)), m.whenEmpty(), m.roundRateFirst(),
                                m.fixedScore())).toList()))
                .toList());
        formulaSets.saveDraft(draft.id(), draft.version(), edited);
        actAsNobody();

        score("admin", """
                {"formulaSet": "thu-nghiem", "units": [{"code": "H64.08", "counts": {
                    "totalDossierOnlinePaymentSuccess": 40, "totalDossierFinancialObligation": 50}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formulaSet").value("thu-nghiem"))
                .andExpect(jsonPath("$.units[0].groups.TTTT.score").value(6.0));
        // A draft is unfinished, not the rules: scores from it are for the administrator trying it, nobody else.
        score("sgtvt.lanhdao", """
                {"formulaSet": "thu-nghiem", "units": [{"code": "H64.08", "counts": {
                    "totalDossierOnlinePaymentSuccess": 40, "totalDossierFinancialObligation": 50}}]}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.key").value("score.error.draftNotPermitted"))
                .andExpect(jsonPath("$.error").value(
                        "Bộ công thức thu-nghiem đang là bản nháp: chỉ quản trị viên được dùng để tính điểm."));
        score("sgtvt.lanhdao", """
                {"formulaSet": "766-2026", "units": [{"code": "H64.08", "counts": {
                    "totalDossierOnlinePaymentSuccess": 40, "totalDossierFinancialObligation": 50}}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].groups.TTTT.score").value(4.8));
    }

    @Nested
    class Bad_input_answers_400_naming_the_field_and_stores_nothing {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                negative count              | {"units":[{"code":"628","counts":{"totalOnTime":-1,"totalReceived":10}}]}            | units[0].counts.totalOnTime              | score.error.countNegative
                count sent as a string      | {"units":[{"code":"628","counts":{"totalOnTime":"12","totalReceived":20}}]}          | units[0].counts.totalOnTime              | score.error.countNotNumber
                count sent as null          | {"units":[{"code":"628","counts":{"totalOnTime":null,"totalReceived":20}}]}          | units[0].counts.totalOnTime              | score.error.countNotNumber
                count sent as a boolean     | {"units":[{"code":"628","counts":{"totalOnTime":true,"totalReceived":20}}]}          | units[0].counts.totalOnTime              | score.error.countNotNumber
                count sent as a list        | {"units":[{"code":"628","counts":{"totalOnTime":[1],"totalReceived":20}}]}           | units[0].counts.totalOnTime              | score.error.countNotNumber
                numerator above denominator | {"units":[{"code":"628","counts":{"totalOnTime":11,"totalReceived":10}}]}            | units[0].counts.totalOnTime              | score.error.numeratorAboveDenominator
                numerator without denominator | {"units":[{"code":"628","counts":{"totalOnTime":5}}]}                              | units[0].counts.totalOnTime              | score.error.numeratorAboveDenominator
                sum of counts above its denominator | {"units":[{"code":"628","counts":{"partialCount":5,"fullCount":6,"authorityCount":10}}]} | units[0].counts.partialCount | score.error.numeratorAboveDenominator
                per-metric share above 100 % | {"units":[{"code":"628","counts":{"DOSSIER_SYNC.numerator":91,"DOSSIER_SYNC.denominator":90}}]} | units[0].counts.DOSSIER_SYNC.numerator | score.error.numeratorAboveDenominator
                field no metric uses        | {"units":[{"code":"628","counts":{"totalOnTme":9,"totalReceived":10}}]}              | units[0].counts.totalOnTme               | score.error.unknownField
                count of a fixed-score metric | {"units":[{"code":"628","counts":{"ELECTRONIC_CERTIFIED_COPY.numerator":1}}]}      | units[0].counts.ELECTRONIC_CERTIFIED_COPY.numerator | score.error.unknownField
                fault in the second unit    | {"units":[{"code":"628","counts":{"totalOnTime":1,"totalReceived":2}},{"code":"631","counts":{"totalOnTime":-2}}]} | units[1].counts.totalOnTime | score.error.countNegative
                units missing               | {"formulaSet":"766-2026"}                                                            | units                                    | score.error.required
                units empty                 | {"units":[]}                                                                         | units                                    | score.error.unitsNotList
                units not a list            | {"units":{"code":"628"}}                                                             | units                                    | score.error.unitsNotList
                unit not an object          | {"units":["628"]}                                                                    | units[0]                                 | score.error.notAnObject
                unit without code           | {"units":[{"counts":{"totalOnTime":1,"totalReceived":2}}]}                           | units[0].code                            | score.error.required
                unit with a blank code      | {"units":[{"code":" ","counts":{"totalOnTime":1,"totalReceived":2}}]}                | units[0].code                            | score.error.required
                unit code not a string      | {"units":[{"code":628,"counts":{"totalOnTime":1,"totalReceived":2}}]}                | units[0].code                            | score.error.notText
                unit without counts         | {"units":[{"code":"628"}]}                                                           | units[0].counts                          | score.error.required
                counts not an object        | {"units":[{"code":"628","counts":[1,2]}]}                                            | units[0].counts                          | score.error.notAnObject
                misspelt unit property      | {"units":[{"code":"628","count":{"totalOnTime":1}}]}                                 | units[0].count                           | score.error.unknownProperty
                misspelt top-level property | {"formulaset":"x","units":[{"code":"628","counts":{"totalOnTime":1,"totalReceived":2}}]} | formulaset                           | score.error.unknownProperty
                formula set not a string    | {"formulaSet":2026,"units":[{"code":"628","counts":{"totalOnTime":1,"totalReceived":2}}]} | formulaSet                          | score.error.notText
                unknown formula set         | {"formulaSet":"766-1999","units":[{"code":"628","counts":{"totalOnTime":1,"totalReceived":2}}]} | formulaSet                    | score.error.unknownFormulaSet
                """)
        void refuses(String what, String body, String field, String key) throws Exception {
            String before = databaseState();

            score("admin", body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(field))
                    .andExpect(jsonPath("$.key").value(key));
            assertThat(databaseState()).isEqualTo(before);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"units\": [", "units=1", "", "{\"units\": [{\"code\": \"628\", \"counts\": "
                + "{\"totalOnTime\": NaN, \"totalReceived\": 2}}]}"})
        void refuses_malformed_json(String body) throws Exception {
            String before = databaseState();

            score("admin", body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.key").value("api.error.malformedJson"))
                    .andExpect(jsonPath("$.error").value("Nội dung gửi lên không phải JSON hợp lệ."));
            assertThat(databaseState()).isEqualTo(before);
        }

        @Test
        void says_what_is_wrong_in_vietnamese_by_default() throws Exception {
            score("admin", "{\"units\":[{\"code\":\"628\",\"counts\":{\"totalOnTime\":\"12\",\"totalReceived\":20}}]}")
                    .andExpect(jsonPath("$.error")
                            .value("units[0].counts.totalOnTime phải là một số (đang là \"12\")."));
            score("admin", "{\"units\":[{\"code\":\"628\",\"counts\":{\"totalOnTime\":11,\"totalReceived\":10}}]}")
                    .andExpect(jsonPath("$.error").value("units[0].counts.totalOnTime: tử số totalOnTime (11) lớn"
                            + " hơn mẫu số totalReceived (10); tỷ lệ không thể vượt 100 %."));
        }

        @Test
        void says_it_in_english_when_asked() throws Exception {
            mvc.perform(post("/api/v1/score").header("Authorization", basic("admin", DEMO_PASSWORD))
                            .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"units\":[{\"code\":\"628\",\"counts\":{\"totalOnTme\":9}}]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(
                            "units[0].counts.totalOnTme: no metric of formula set 766-2026 uses this count."));
        }
    }

    private ResultActions score(String username, String body) throws Exception {
        return score(username, DEMO_PASSWORD, body);
    }

    private ResultActions score(String username, String password, String body) throws Exception {
        return mvc.perform(post("/api/v1/score").header("Authorization", basic(username, password))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
