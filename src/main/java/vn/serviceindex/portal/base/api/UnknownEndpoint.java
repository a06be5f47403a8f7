package vn.serviceindex.portal.base.api;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * Answers any {@code /api/} address no endpoint serves with 404 and a JSON body, instead of letting the request fall
 * through to the Vaadin servlet, which would answer 200 with the portal's HTML page. It is a handler mapping of its
 * own, consulted after the controllers' (order 0) and before Vaadin's (the lowest): an address an endpoint serves
 * with another method or media type is refused by Spring with 405, 406 or 415, never taken for an unknown one.
 */
@Configuration(proxyBeanMethods = false)
class UnknownEndpoint {

    @Bean
    SimpleUrlHandlerMapping unknownApiEndpoint() {
        HttpRequestHandler notFound = (request, response) -> ApiErrors.write(response, 404,
                new UserError("api.error.notFound", request.getRequestURI()), request);
        var mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound, "/api", notFound));
        mapping.setOrder(1);
        return mapping;
    }
}
