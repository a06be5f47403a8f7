package vn.serviceindex.portal.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.ServiceTest;

/**
 * Every bad request of {@code bad-input/api.json} through the real filter chain (HTTP Basic, the API's error
 * handling): it gets its 4xx, in the documented shape {@code {error, key, field}} as JSON whatever the Accept header
 * asked for, with the expected key and field, a message in Vietnamese that is a text and not a key, and the database
 * exactly as it was, the change history included.
 */
class ApiBadInputTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Locale VIETNAMESE = Locale.of("vi", "VN");

    @Autowired
    WebApplicationContext web;
    MockMvc http;
    DatabaseFingerprint fingerprint;

    static Stream<Arguments> corpus() {
        return Corpus.cases("api.json");
    }

    @BeforeEach
    void buildClient() {
        http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fingerprint = new DatabaseFingerprint(jdbc);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void a_bad_request_is_refused_in_the_documented_shape_and_changes_nothing(JsonNode spec) throws Exception {
        String before = fingerprint.take();

        MockHttpServletResponse response = http.perform(request(spec)).andReturn().getResponse();

        int status = spec.get("status").asInt();
        assertThat(response.getStatus()).as("status").isEqualTo(status);
        assertThat(response.getContentType()).as("content type").startsWith("application/json");
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.propertyNames()).as("the error shape").containsExactlyInAnyOrder("error", "key", "field");
        String key = spec.get("key").asString();
        assertThat(body.get("key").asString()).as("key").isEqualTo(key);
        JsonNode field = spec.get("field");
        assertThat(body.get("field").isNull() ? null : body.get("field").asString()).as("field")
                .isEqualTo(field == null || field.isNull() ? null : field.asString());
        String message = body.get("error").asString();
        assertThat(message).as("a message for people, not a key").isNotBlank().doesNotStartWith("!")
                .doesNotContain("{0}").doesNotContain("ERROR:").doesNotContain("Exception");
        assertThat(message).as("in the language asked for").matches(MessagePatterns.of(key,
                spec.has("language") ? Locale.ENGLISH : VIETNAMESE));
        if (status == 405) {
            assertThat(response.getHeader("Allow")).as("the methods it takes").isNotBlank();
        }
        if (status == 401) {
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=");
        }
        assertThat(fingerprint.take()).as("the database is unchanged").isEqualTo(before);
    }

    private static AbstractMockHttpServletRequestBuilder<?> request(JsonNode spec) {
        HttpMethod method = HttpMethod.valueOf(Corpus.text(spec, "method", "GET"));
        URI uri = URI.create(spec.get("path").asString());
        AbstractMockHttpServletRequestBuilder<?> request;
        if (spec.path("multipart").asBoolean(false)) {
            request = MockMvcRequestBuilders.multipart(method, uri)
                    .file(new MockMultipartFile("file", "tttt.json", "application/json", Bodies.of(spec)));
        } else {
            MockHttpServletRequestBuilder plain = MockMvcRequestBuilders.request(method, uri);
            byte[] body = Bodies.of(spec);
            if (body.length > 0) {
                plain.content(body);
            }
            String contentType = Corpus.text(spec, "contentType", null);
            if (contentType != null) {
                plain.contentType(contentType);
            }
            request = plain;
        }
        Corpus.strings(spec, "headers").forEach(request::header);
        if (spec.has("language")) {
            request.header("Accept-Language", spec.get("language").asString());
        }
        String user = Corpus.text(spec, "user", null);
        if (user != null) {
            request.with(httpBasic(user, Corpus.text(spec, "password", DEMO_PASSWORD)));
        }
        return request;
    }
}
