package kr.gyeol.console.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.console.ConsoleSessions;
import kr.gyeol.shared.LogContext;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards every console page but sign-in: without a live session a page redirects to the
 * sign-in form, and a POST whose {@code _csrf} is not its session's own is refused with
 * 403; an operator who has not chosen a partner is sent to the choice. Console answers
 * are never cached and never framed.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAccess implements WebMvcConfigurer, HandlerInterceptor {

    static final String COOKIE = "gyeol_console";

    static final String SESSION = ConsoleAccess.class.getName() + ".session";

    private final ConsoleSessions sessions;

    ConsoleAccess(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
            .addPathPatterns("/console", "/console/**")
            .excludePathPatterns("/console/login", "/console/assets/**");
    }

    static Optional<String> token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        secureHeaders(response);
        Optional<ConsoleSession> session = token(request).flatMap(this.sessions::find);
        if (session.isEmpty()) {
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/console/login");
            }
            else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !ConsoleSessions.csrfMatches(session.get(), request.getParameter("_csrf"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return false;
        }
        request.setAttribute(SESSION, session.get());
        boolean choosing = request.getRequestURI().startsWith(request.getContextPath() + "/console/operator");
        if (session.get().partnerId() == null && !choosing) {
            // An operator acts for no partner until it chooses one.
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/console/operator");
            }
            else {
                response.sendError(HttpServletResponse.SC_CONFLICT);
            }
            return false;
        }
        if (session.get().partnerId() != null) {
            LogContext.partner(session.get().partnerId());
        }
        return true;
    }

}
