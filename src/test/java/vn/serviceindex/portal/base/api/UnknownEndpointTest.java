package vn.serviceindex.portal.base.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;

/** An address under /api/ that no endpoint serves answers 404 in JSON, never the portal's HTML page. */
class UnknownEndpointTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;

    @Test
    void an_unknown_api_address_is_a_404_with_a_message() throws Exception {
        var http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        http.perform(get("/api/v1/leaderboard").with(httpBasic("kiemtoan", DEMO_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.key").value("api.error.notFound"))
                .andExpect(jsonPath("$.error").value("Không có địa chỉ API /api/v1/leaderboard."));
        http.perform(get("/api/v1/leaderboard")).andExpect(status().isUnauthorized());
    }
}
