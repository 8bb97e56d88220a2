package kr.gyeol.console.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's texts in Korean (the default) or English, from
 * {@code messages/console.properties} and {@code messages/console_en.properties}, as a
 * map the templates read ({@code {{t.payments}}}). The language is chosen with
 * {@code ?lang=} and kept in a cookie.
 */
final class ConsoleTexts {

    static final String COOKIE = "gyeol_console_lang";

    private static final Map<String, Map<String, String>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private ConsoleTexts() {
    }

    /**
     * The language of this request ({@code ko} or {@code en}), remembered when chosen.
     */
    static String language(HttpServletRequest request, HttpServletResponse response) {
        String chosen = request.getParameter("lang");
        if ("en".equals(chosen) || "ko".equals(chosen)) {
            Cookie cookie = new Cookie(COOKIE, chosen);
            cookie.setPath("/console");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return "en";
                }
            }
        }
        return "ko";
    }

    static Map<String, String> of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, (tag) -> {
            // An explicit Korean locale: the base file is Korean, and the JVM's default
            // locale must not pick English for it.
            ResourceBundle bundle = ResourceBundle.getBundle("messages/console",
                    "en".equals(tag) ? Locale.ENGLISH : Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new java.util.HashMap<>();
            for (String key : bundle.keySet()) {
                texts.put(key, bundle.getString(key));
            }
            return Map.copyOf(texts);
        });
    }

}
