package kr.gyeol.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kr.gyeol.support.GatewayTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The manual at {@code /docs}: every page reached from the contents, every link between
 * pages leading to a page that has the heading it names, every picture there.
 */
class ManualIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageAndEveryLinkAndAnchorOfTheManualIsThere() throws Exception {
        Map<String, Document> pages = new HashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of("/docs"));
        List<String[]> links = new ArrayList<>();
        while (!next.isEmpty()) {
            String path = next.pop();
            if (pages.containsKey(path)) {
                continue;
            }
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            Document page = Jsoup.parse(answer.body());
            pages.put(path, page);
            for (Element link : page.select("main a[href]")) {
                String href = link.attr("href");
                String target = href.startsWith("#") ? path + href : href;
                if (!target.startsWith("/docs")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String linked = hash < 0 ? target : target.substring(0, hash);
                links.add(new String[] { path, linked, hash < 0 ? null : target.substring(hash + 1) });
                next.add(linked);
            }
            for (Element image : page.select("main img[src]")) {
                assertThat(HTTP
                    .send(HttpRequest.newBuilder(URI.create(this.payple.baseUrl() + image.attr("src"))).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as(image.attr("src")).isEqualTo(200);
            }
        }
        assertThat(pages).containsKeys("/docs", "/docs/getting-started", "/docs/webhooks", "/docs/configuration",
                "/docs/testing-your-shop", "/docs/payple-api");
        assertThat(links).hasSizeGreaterThan(15);
        for (String[] link : links) {
            if (link[2] != null) {
                assertThat(pages.get(link[1]).getElementById(link[2]))
                    .as("%s links to %s#%s", link[0], link[1], link[2])
                    .isNotNull();
            }
        }
        // The OpenAPI document the contents link to is the one the gateway serves.
        assertThat(pages.get("/docs").select("main a[href=/v1/openapi.json]")).isNotEmpty();
        // Rendered, not raw: tables and code blocks.
        Document start = pages.get("/docs/getting-started");
        assertThat(start.title()).isEqualTo("Getting started · Gyeol");
        assertThat(start.select("main table")).isNotEmpty();
        assertThat(start.select("main pre code")).isNotEmpty();
    }

    @Test
    void anythingElseUnderDocsIsNotFound() throws Exception {
        for (String path : List.of("/docs/nope", "/docs/architecture.md", "/docs/secret.png")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        // An encoded slash is refused before any controller (Tomcat's 400).
        HttpResponse<String> escape = get("/docs/..%2Fapplication.yaml");
        assertThat(escape.statusCode()).isIn(400, 404);
        assertThat(escape.body()).doesNotContain("spring:");
    }

}
