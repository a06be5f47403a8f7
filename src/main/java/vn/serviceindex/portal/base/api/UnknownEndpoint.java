package vn.serviceindex.portal.base.api;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any {@code /api/} address no endpoint serves with 404 and a JSON body, instead of letting the request fall
 * through to the Vaadin servlet, which would answer 200 with the portal's HTML page. More specific mappings win.
 */
@RestController
class UnknownEndpoint {

    @RequestMapping("/api/**")
    void unknown() {
        throw new NoSuchEndpoint();
    }

    static class NoSuchEndpoint extends RuntimeException {

        NoSuchEndpoint() {
            super("api.error.notFound");
        }
    }
}
