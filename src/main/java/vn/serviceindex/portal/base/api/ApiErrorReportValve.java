package vn.serviceindex.portal.base.api;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last resort for an API request Tomcat refuses before any servlet sees it (a header above Tomcat's limit, an
 * encoded {@code /} or a NUL in the path): Tomcat's own HTML report would answer it; this valve, placed inside the
 * report valve Spring Boot configures, answers an {@code /api/} address in the API's error shape and leaves every
 * other address to it.
 */
class ApiErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        if (status < 400 || response.getContentWritten() > 0 || uri == null
                || !ApiErrors.isApi(uri.substring(Math.min(uri.length(), request.getContextPath().length())))
                || !response.setErrorReported()) {
            return;
        }
        try {
            ApiErrors.write(response, status, ApiErrorPage.refusal(status, request), request);
        } catch (IOException | RuntimeException e) {
            // The connection is gone or the response unusable: nothing more can be told to the client.
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
            return factory -> factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ApiErrorReportValve()));
        }
    }
}
