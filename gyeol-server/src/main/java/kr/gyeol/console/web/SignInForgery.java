package kr.gyeol.console.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import kr.gyeol.shared.Tokens;

/**
 * The sign-in form's guard against login CSRF, before any session exists: a random token
 * in a cookie only this path receives (HttpOnly, SameSite=Strict, Secure over https) and
 * the same token in the form; a sign-in whose two differ, or that has none, was not
 * posted from Gyeol's own form.
 */
final class SignInForgery {

    static final String COOKIE = "gyeol_signin";

    private SignInForgery() {
    }

    /** A new token, set in the cookie; the caller puts it in the form. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        String token = Tokens.urlSafe(24);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/console/login");
        cookie.setHttpOnly(true);
        // isSecure() is the original request's, as a trusted proxy told it
        // (X-Forwarded-Proto through RemoteIpValve).
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        return token;
    }

    /** Whether the form's token is the one in the sign-in cookie. */
    static boolean matches(HttpServletRequest request, String formToken) {
        if (formToken == null || formToken.isEmpty() || request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && MessageDigest.isEqual(
                    cookie.getValue().getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

}
