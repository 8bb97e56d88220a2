package kr.gyeol.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.Fields;
import kr.gyeol.shared.GatewayProperties;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Payple request the way public clients actually send it (spec §1.1): JSON with
 * or without the right content type, urlencoded or multipart forms, or a GET query;
 * numbers and nulls inside JSON. Query values come first and body values override them.
 */
@Component
public class LenientBodyParser {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_VALUE_CHARS = 4096;

    private static final Pattern HOST = Pattern
        .compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private final JsonMapper json;

    private final String publicBaseUrl;

    LenientBodyParser(JsonMapper json, GatewayProperties gateway) {
        this.json = json;
        this.publicBaseUrl = stripTrailingSlash(gateway.publicBaseUrl().trim());
    }

    public WireRequest parse(HttpServletRequest request) {
        Map<String, String> fields = new HashMap<>();
        Set<String> malformed = new HashSet<>();
        boolean unreadable = false;
        parseUrlEncoded(request.getQueryString(), fields, malformed);
        String contentType = lower(request.getContentType());
        try {
            if (contentType.startsWith("multipart/")) {
                for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
                    String[] values = entry.getValue();
                    if (values.length > 0) {
                        accept(entry.getKey(), values[values.length - 1], fields, malformed);
                    }
                }
            }
            else {
                byte[] body = readBody(request);
                if (body == null) {
                    unreadable = true;
                }
                else {
                    String text = new String(body, StandardCharsets.UTF_8).strip();
                    if (text.startsWith("\uFEFF")) {
                        text = text.substring(1).strip();
                    }
                    if (text.startsWith("{")) {
                        unreadable = !parseJson(text, fields, malformed);
                    }
                    else if (text.startsWith("[")) {
                        unreadable = true;
                    }
                    else {
                        parseUrlEncoded(text, fields, malformed);
                    }
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // Broken multipart framing, an aborted upload, a body over the limit: the
            // request is
            // answered as unreadable, never with an HTTP error.
            unreadable = true;
        }
        return new WireRequest(Map.copyOf(fields), Set.copyOf(malformed), unreadable, baseUrl(request),
                refererHost(request), request.getRemoteAddr());
    }

    private boolean parseJson(String text, Map<String, String> fields, Set<String> malformed) {
        JsonNode root;
        try {
            root = json.readTree(text);
        }
        catch (JacksonException e) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            JsonNode value = property.getValue();
            if (value == null || value.isNull()) {
                fields.remove(property.getKey());
            }
            else if (value.isString()) {
                accept(property.getKey(), value.stringValue(), fields, malformed);
            }
            else if (value.isNumber() || value.isBoolean()) {
                accept(property.getKey(), value.asString(), fields, malformed);
            }
            else {
                malformed.add(property.getKey());
            }
        }
        return true;
    }

    private static void parseUrlEncoded(String text, Map<String, String> fields, Set<String> malformed) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                accept(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8), fields, malformed);
            }
            catch (IllegalArgumentException e) {
                malformed.add(name);
            }
        }
    }

    private static void accept(String name, String value, Map<String, String> fields, Set<String> malformed) {
        if (value == null) {
            fields.remove(name);
            return;
        }
        String trimmed = value.strip();
        // No Payple field carries a NUL, and PostgreSQL cannot store one in text: such a
        // value is unreadable, answered as any other malformed field.
        if (trimmed.length() > MAX_VALUE_CHARS || !TextValues.isText(trimmed)) {
            malformed.add(name);
            fields.remove(name);
        }
        else if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("null")) {
            // Payple clients send "" and JSON null for "not given"; some string-ify null
            // on the way.
            fields.remove(name);
        }
        else {
            // An amount is kept as sent, so " 1000 " is refused as not an amount rather
            // than read as another.
            fields.put(name, Fields.AMOUNTS.contains(name) ? value : trimmed);
        }
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    /**
     * Tomcat sets this on a request whose {@code X-Forwarded-*} headers came from a
     * trusted proxy ({@code server.tomcat.remoteip.internal-proxies}) and were applied.
     */
    private static final String FORWARDED_BY_TRUSTED_PROXY = "org.apache.tomcat.request.forwarded";

    /**
     * The scheme, host and port the caller used. Tomcat's {@code RemoteIpValve}
     * ({@code server.tomcat.remoteip.*}) has already applied a trusted proxy's
     * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port}, and ignored them from
     * anyone else; a trusted {@code X-Forwarded-Host} that names a port (which the valve
     * drops) keeps it, as a proxy on a port of its own sends it.
     */
    private String baseUrl(HttpServletRequest request) {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl;
        }
        String scheme = request.getScheme();
        String forwardedHost = Boolean.TRUE.equals(request.getAttribute(FORWARDED_BY_TRUSTED_PROXY))
                ? firstValue(request.getHeader("X-Forwarded-Host")) : null;
        String host;
        if (forwardedHost != null && HOST.matcher(forwardedHost).matches()
                && request.getHeader("X-Forwarded-Port") == null) {
            host = forwardedHost;
        }
        else {
            host = request.getServerName();
            if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            if (host == null || !HOST.matcher(host).matches()) {
                host = request.getLocalAddr();
            }
            host = host + ":" + request.getServerPort();
        }
        if (host.endsWith(":80") && scheme.equals("http") || host.endsWith(":443") && scheme.equals("https")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return scheme + "://" + host;
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",")[0].trim();
        return first.isEmpty() ? null : first;
    }

    private static String refererHost(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(referer.trim());
            String host = uri.getHost();
            if (host == null && uri.getScheme() == null) {
                // Server-side callers often send a bare host such as "localhost:8080".
                host = URI.create("http://" + referer.trim()).getHost();
            }
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
