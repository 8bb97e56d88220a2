package kr.gyeol.console.web;

import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSessions;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.text;
import static kr.gyeol.console.web.ConsolePages.texts;

/**
 * The console's sign-in and sign-out.
 */
@Controller
class SignInPages {

    private final ConsoleSessions sessions;

    SignInPages(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/console/login")
    ModelAndView loginForm(HttpServletRequest request, HttpServletResponse response) {
        ConsoleAccess.secureHeaders(response);
        Map<String, Object> model = texts(request, response);
        model.put("csrf", SignInForgery.issue(request, response));
        return new ModelAndView("console/login", model);
    }

    @PostMapping("/console/login")
    ModelAndView login(@RequestParam(name = "cst_id", required = false) String partnerId,
            @RequestParam(name = "key", required = false) String secret,
            @RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleAccess.secureHeaders(response);
        Map<String, Object> model = texts(request, response);
        if (!SignInForgery.matches(request, csrf)) {
            // A sign-in posted from another site's page (login CSRF) or a stale form:
            // shown the form again, with a fresh token, and nothing is checked.
            model.put("error", text(model, "login.expired"));
            model.put("csrf", SignInForgery.issue(request, response));
            ModelAndView page = new ModelAndView("console/login", model);
            page.setStatus(HttpStatus.FORBIDDEN);
            return page;
        }
        switch (this.sessions.signIn(partnerId, secret, request.getRemoteAddr())) {
            case ConsoleSessions.SignIn.Success success -> {
                Cookie cookie = new Cookie(ConsoleAccess.COOKIE, success.opened().token());
                cookie.setPath("/console");
                cookie.setHttpOnly(true);
                cookie.setSecure(request.isSecure());
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
                return new ModelAndView("redirect:/console");
            }
            case ConsoleSessions.SignIn.Refused refused -> {
                model.put("csrf", SignInForgery.issue(request, response));
                model.put("error", text(model,
                        refused.reason() == ConsoleSessions.Refusal.LOCKED_OUT ? "login.lockedOut" : "login.wrong"));
                model.put("partnerId", partnerId);
                ModelAndView page = new ModelAndView("console/login", model);
                page.setStatus(refused.reason() == ConsoleSessions.Refusal.LOCKED_OUT ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.UNAUTHORIZED);
                return page;
            }
        }
    }

    @PostMapping("/console/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        ConsoleAccess.token(request).ifPresent(this.sessions::signOut);
        Cookie cookie = new Cookie(ConsoleAccess.COOKIE, "");
        cookie.setPath("/console");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
        return "redirect:/console/login";
    }

}
