package kr.gyeol.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop's window opens on the host the browser asked for, not on the loopback
 * address its server reached the gateway by (issue 27).
 */
class DemoWindowHostIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Map<String, String> auth(String base, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/demo/auth"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("PCD_PAY_TYPE=card&PCD_PAY_WORK=PAY&PCD_CARD_VER=01"));
        headers.forEach(request::header);
        String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.builder().build().readValue(body, new TypeReference<Map<String, String>>() {
        });
    }

    @Test
    void theWindowIsOnTheHostTheBrowserAskedFor() throws Exception {
        Map<String, String> answer = auth("http://localhost:" + this.port, Map.of());
        assertThat(answer).containsEntry("result", "success");
        assertThat(answer.get("return_url")).startsWith("http://localhost:" + this.port + "/");
        assertThat(answer.values()).noneMatch((value) -> value.contains("://127.0.0.1"));
    }

    @Test
    void behindATrustedProxyTheWindowIsOnTheForwardedHost() throws Exception {
        Map<String, String> answer = auth("http://127.0.0.1:" + this.port,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"));
        assertThat(answer.get("return_url")).startsWith("https://shop.example/");
    }

}
