package kr.gyeol.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.shared.LogContext;
import kr.gyeol.shared.Tokens;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that each of its log lines carries and its answer returns in
 * {@code X-Request-Id}: the caller's own (a proxy's, say) when it is a plain token of at
 * most 64 characters, otherwise a new one, so a value of the caller's never reaches a log
 * unchecked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : Tokens.urlSafe(9);
        response.setHeader(HEADER, id);
        LogContext.request(id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            LogContext.clear();
        }
    }

}
