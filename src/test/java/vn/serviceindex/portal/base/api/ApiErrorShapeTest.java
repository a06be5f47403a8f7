package vn.serviceindex.portal.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.result.domain.PortalFiles;

/** What the corpus cannot reach through MockMvc: the container's own refusals, and file names that arrive well. */
class ApiErrorShapeTest extends ServiceTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    FilterRegistrationBean<?> apiErrorPageFilter;

    @Test
    void a_refusal_of_the_container_itself_is_answered_in_the_error_shape() throws Exception {
        // Tomcat refuses a raw UTF-8 header or an oversized body before the portal sees the request, then forwards
        // it to its error page.
        for (int status : new int[] {400, 401, 404, 405, 406, 413, 415, 500}) {
            MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/error");
            forwarded.setDispatcherType(DispatcherType.ERROR);
            forwarded.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/imports/portal");
            forwarded.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain rest = new MockFilterChain();

            apiErrorPageFilter.getFilter().doFilter(forwarded, response, rest);

            assertThat(rest.getRequest()).as("answered here, not by Spring Boot's error page").isNull();
            assertThat(response.getStatus()).isEqualTo(status);
            assertThat(response.getContentType()).startsWith("application/json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("status %s", status)
                    .startsWith("{\"error\":\"").contains("\"key\":\"").contains("\"field\":")
                    .doesNotContain("timestamp").doesNotContain("!");
        }
    }

    @Test
    void the_error_page_of_a_screen_is_left_to_spring_boot() throws Exception {
        MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/error");
        forwarded.setDispatcherType(DispatcherType.ERROR);
        forwarded.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/admin/units");
        forwarded.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        MockFilterChain rest = new MockFilterChain();

        apiErrorPageFilter.getFilter().doFilter(forwarded, new MockHttpServletResponse(), rest);

        assertThat(rest.getRequest()).isSameAs(forwarded);
    }

    @Test
    void a_file_name_outside_ascii_arrives_percent_encoded_and_is_stored_as_written() throws Exception {
        var http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        http.perform(post("/api/v1/imports/portal").param("period", "2024").contentType(MediaType.APPLICATION_JSON)
                        .header("X-File-Name", "K%E1%BA%BFt%20qu%E1%BA%A3%20TTTT%20th%C3%A1ng%205.json")
                        .content(PortalFiles.bytes(PortalFiles.TTTT)).with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk());
        http.perform(post("/api/v1/imports/portal").param("period", "2023").contentType(MediaType.APPLICATION_JSON)
                        .header("X-File-Name", "UTF-8''t%E1%BB%87p%2B1.json")
                        .content(PortalFiles.bytes(PortalFiles.TTTT)).with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk());
        http.perform(post("/api/v1/imports/portal").param("period", "2022").contentType(MediaType.APPLICATION_JSON)
                        .header("X-File-Name", "tttt-2022.json")
                        .content(PortalFiles.bytes(PortalFiles.TTTT)).with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("select file_name from portal_import order by id").query(String.class).list())
                .containsExactly("Kết quả TTTT tháng 5.json", "tệp+1.json", "tttt-2022.json");
    }

    @Test
    void a_wrong_method_names_the_methods_the_address_takes() throws Exception {
        var http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        http.perform(post("/api/v1/leaderboards").with(httpBasic("tinh.giamsat", DEMO_PASSWORD)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.key").value("api.error.methodNotAllowed"))
                .andExpect(jsonPath("$.error").value("Địa chỉ API này không nhận POST; chỉ nhận GET."));
    }
}
