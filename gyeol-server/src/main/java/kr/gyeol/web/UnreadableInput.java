package kr.gyeol.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Input that is not text, refused where it enters the console and the JSON APIs: a query
 * or form parameter that is not UTF-8, holds a NUL or half a surrogate pair is answered
 * 400 before any controller runs (a problem document on {@code /v1} and {@code /admin}),
 * and so is such a string in a JSON body. Nothing of the value is logged: a sign-in form
 * carries a partner's key. The Payple paths read their own bodies
 * ({@link LenientBodyParser}) and answer in Payple's shape.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableInput {

    private static final Logger log = LoggerFactory.getLogger(UnreadableInput.class);

    /** The message of a JSON string refused for not being text, told apart by it. */
    static final String NOT_TEXT = "A string holds a NUL character or half of a surrogate pair";

    private static final String DETAIL = "A parameter is not readable text: it holds bytes that are not UTF-8, a NUL"
            + " character or half of a surrogate pair.";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableInputFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/console", "/console/*", "/v1/*", "/admin/*");
        // After the request id and the body cap (RequestBodyLimit), which must
        // see a body before anything reads it; before the idempotency filter,
        // which reads parameters.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
        return registration;
    }

    /** JSON strings of the JSON APIs: text only, or the body is refused (400). */
    @Bean
    JacksonModule textOnlyStrings() {
        return new SimpleModule("gyeol-text-only-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String value = super.deserialize(parser, context);
                if (value != null && !TextValues.isText(value)) {
                    throw InvalidFormatException.from(parser, NOT_TEXT, null, String.class);
                }
                return value;
            }
        });
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean readable;
            try {
                readable = readable(request.getParameterMap());
            }
            catch (RuntimeException undecodable) {
                // Tomcat's own refusal of bytes that are not UTF-8: its message quotes
                // the parameter, so only its type is logged.
                readable = false;
            }
            if (readable) {
                chain.doFilter(request, response);
                return;
            }
            log.warn("Refused a request to {} whose parameters are not readable text", request.getRequestURI());
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/console")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            else {
                JsonApiProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", "unreadable-text",
                        DETAIL);
            }
        }

        private static boolean readable(Map<String, String[]> parameters) {
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (!TextValues.isText(parameter.getKey())) {
                    return false;
                }
                for (String value : parameter.getValue()) {
                    if (value != null && !TextValues.isText(value)) {
                        return false;
                    }
                }
            }
            return true;
        }

    }

}
