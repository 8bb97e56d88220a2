package kr.gyeol.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where the client sends its calls: the domestic ("cpay") host that serves
 * {@code auth.php} and the operations it hands out, and the overseas ("gpay") API host.
 * Payple runs them on different hosts; Gyeol serves both from one.
 *
 * @param domestic base URL of the domestic API, without a trailing slash
 * @param overseas base URL of the overseas API, without a trailing slash
 */
public record Hosts(URI domestic, URI overseas) {

    /** Payple's test environment (spec §0): {@code democpay} and {@code demo-api}. */
    public static final Hosts PAYPLE_TEST = new Hosts(URI.create("https://democpay.payple.kr"),
            URI.create("https://demo-api.payple.kr"));

    /** Payple's live environment: {@code cpay} and {@code api}. */
    public static final Hosts PAYPLE_LIVE = new Hosts(URI.create("https://cpay.payple.kr"),
            URI.create("https://api.payple.kr"));

    /** Validates both URLs and drops a trailing slash. */
    public Hosts {
        domestic = normalize(Objects.requireNonNull(domestic, "domestic"));
        overseas = normalize(Objects.requireNonNull(overseas, "overseas"));
    }

    /**
     * A Gyeol gateway, which serves the domestic and the overseas API on one base URL.
     */
    public static Hosts gyeol(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return new Hosts(uri, uri);
    }

    private static URI normalize(URI uri) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Not an http(s) URL: " + uri);
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

}
