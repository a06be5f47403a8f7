package vn.serviceindex.portal.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;

/**
 * The checks every API request's query parameters pass before any endpoint reads them, so that no endpoint can
 * forget one: each parameter given once, as text without control characters ({@link Text}), at most
 * {@value #MAX_PARAMETER} characters. A refusal names the parameter as its field.
 */
@Configuration(proxyBeanMethods = false)
class ApiInput implements WebMvcConfigurer {

    /** Codes, periods and names are far shorter; anything longer is not one of them. */
    static final int MAX_PARAMETER = 255;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                check(request.getParameterMap());
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    static void check(Map<String, String[]> parameters) {
        parameters.forEach((name, values) -> {
            Text.line(null, name, MAX_PARAMETER);
            if (values.length > 1) {
                throw UserError.at(name, "api.error.repeatedParameter", name);
            }
            for (String value : values) {
                Text.line(name, value, MAX_PARAMETER);
            }
        });
    }
}
