package vn.serviceindex.portal.base.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * A request Spring Security's firewall refuses before any filter reads it (a {@code ;} or an encoded {@code /} or
 * {@code .} in the path, a control character in a parameter's name): 400, in the API's error shape for an API
 * address, as before for the others.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (ApiErrors.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
                ApiErrors.write(response, 400, new UserError("api.error.badRequest"), request);
            } else {
                others.handle(request, response, rejected);
            }
        };
    }
}
