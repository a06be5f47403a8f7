package vn.serviceindex.portal.notification.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;
import vn.serviceindex.portal.notification.service.NotificationService;

/** {@code GET /api/v1/notifications}: the caller's own, newest first, the unread filter, pages, refusals. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NotificationApiTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    PlanService plans;
    @Autowired
    NotificationService notifications;
    MockMvc http;

    @BeforeEach
    void threeNotificationsForIaGrai() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long campaign = jdbc.sql("select id from campaign").query(Long.class).single();
        actAs("tinh.giamsat");
        UnitPlan plan = plans.planOf(campaign, unitId("628")).orElseThrow();
        plan = plans.act(plan.id(), plan.version(), PlanAction.RETURN, "Bổ sung.");
        actAs("iagrai.lanhdao");
        plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
        actAs("tinh.giamsat");
        plan = plans.act(plan.id(), plan.version(), PlanAction.APPROVE, "");
        plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Điều chỉnh.");
        // The oldest, the return, is read.
        actAs("iagrai.lanhdao");
        notifications.markRead(notifications.inbox(false, 2, 1).getFirst().id());
        actAsNobody();
    }

    @Test
    void the_caller_gets_their_own_newest_first() throws Exception {
        http.perform(get("/api/v1/notifications").with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].kind").value("PLAN_REOPENED"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[0].readAt").isEmpty())
                .andExpect(jsonPath("$.items[0].createdAt").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")))
                .andExpect(jsonPath("$.items[0].unitId").value(unitId("628")))
                .andExpect(jsonPath("$.items[0].link").value("/campaigns/"
                        + jdbc.sql("select id from campaign").query(Long.class).single() + "/plans/" + unitId("628")))
                .andExpect(jsonPath("$.items[1].kind").value("PLAN_APPROVED"))
                .andExpect(jsonPath("$.items[2].kind").value("PLAN_RETURNED"))
                .andExpect(jsonPath("$.items[2].read").value(true))
                .andExpect(jsonPath("$.items[2].text").value(org.hamcrest.Matchers.endsWith(
                        "của Huyện Ia Grai bị trả lại: Bổ sung.")));
        http.perform(get("/api/v1/notifications").header("Accept-Language", "en")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(jsonPath("$.items[2].text").value(org.hamcrest.Matchers.endsWith(
                        "of Huyện Ia Grai was returned: Bổ sung.")));
        http.perform(get("/api/v1/notifications").with(httpBasic("iapnon.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void unread_true_keeps_the_unread_and_pages_split_them() throws Exception {
        http.perform(get("/api/v1/notifications").param("unread", "true")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].kind").value(org.hamcrest.Matchers.contains("PLAN_REOPENED",
                        "PLAN_APPROVED")));
        http.perform(get("/api/v1/notifications").param("page", "2").param("size", "2")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.items[*].kind").value(org.hamcrest.Matchers.contains("PLAN_RETURNED")));
        http.perform(get("/api/v1/notifications").param("page", "9")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter_and_change_nothing() throws Exception {
        String before = databaseState();
        http.perform(get("/api/v1/notifications").param("unread", "yes")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unread"))
                .andExpect(jsonPath("$.key").value("notification.error.unread"))
                .andExpect(jsonPath("$.error").value("Tham số unread chỉ nhận true hoặc false."));
        http.perform(get("/api/v1/notifications").param("page", "0")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("page"));
        http.perform(get("/api/v1/notifications").param("size", "101").header("Accept-Language", "en")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"))
                .andExpect(jsonPath("$.error").value("The page size must be a whole number from 1 to 100."));
        http.perform(get("/api/v1/notifications").param("size", "zwanzig")
                        .with(httpBasic("iagrai.lanhdao", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.key").value("notification.error.size"));
        http.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
        org.assertj.core.api.Assertions.assertThat(databaseState()).isEqualTo(before);
        http.perform(get("/api/v1/notifications").with(httpBasic("iagrai.lanhdao", "wrong")))
                .andExpect(status().isUnauthorized());
    }
}
