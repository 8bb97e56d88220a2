package kr.gyeol.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.gyeol.web.JsonApi;
import kr.gyeol.partner.CredentialFailures;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.web.JsonApiProblems;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authenticates every {@code /admin/**} and {@code /v1/**} call by HTTP Basic
 * ({@code cst_id:custKey}) before its handler runs, so no body is read, parsed or
 * size-checked for a caller who has not proved who it is. The partner is handed to the
 * handler as the request attribute {@link JsonApi#PARTNER}.
 */
@Configuration(proxyBeanMethods = false)
public class AdminAuthentication implements WebMvcConfigurer, HandlerInterceptor {

    /** The JSON APIs' OpenAPI document, served to anyone (springdoc.api-docs.path). */
    public static final String OPENAPI_DOCUMENT = "/v1/openapi.json";

    /**
     * The test kit's API, which makes partners and so authenticates with the operator's
     * test-kit key instead of a partner's credentials.
     */
    static final String TEST_KIT = "/v1/test-kit/**";

    private final PartnerAuthentication authentication;

    private final CredentialFailures failures;

    AdminAuthentication(PartnerAuthentication authentication, CredentialFailures failures) {
        this.authentication = authentication;
        this.failures = failures;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
            .addPathPatterns("/admin", "/admin/**", "/v1/**")
            .excludePathPatterns(OPENAPI_DOCUMENT, TEST_KIT);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String authorization = request.getHeader("Authorization");
        String claimed = PartnerAuthentication.claimedPartnerOfBasic(authorization);
        String address = request.getRemoteAddr();
        if (claimed != null && this.failures.lockedOut(claimed, address)) {
            response.setHeader("Retry-After", "300");
            JsonApiProblems.write(response, 429, "Too Many Requests", "too-many-failures",
                    "Too many wrong credentials for this partner from this address; try again in a few minutes.");
            return false;
        }
        PartnerId partner = partner(authorization);
        if (partner != null) {
            this.failures.succeeded(claimed, address);
            request.setAttribute(JsonApi.PARTNER, partner);
            return true;
        }
        if (claimed != null) {
            this.failures.failed(claimed, address);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"gyeol\"");
        JsonApiProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "unauthenticated",
                "HTTP Basic with the partner's cst_id and custKey is required.");
        return false;
    }

    /** The partner of a valid {@code Basic cst_id:custKey} header, or null. */
    private PartnerId partner(String authorization) {
        return this.authentication.partnerOfBasic(authorization).orElse(null);
    }

}
