package kr.gyeol.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser SDK under every name pages load it by, and a JavaScript 404 for any other
 * script path, so the browser reports a wrong path instead of refusing an HTML page.
 */
class SdkScriptIT extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/js/cpay.payple.1.0.1.js", "/js/cpay.payple.1.0.0.js",
            "/js/127.0.0.1.cpay.payple.1.0.1.js", "/js/democpay.payple.kr.cpay.payple.1.0.1.js",
            "/js/localhost.cpay.payple.1.0.0.js", "/js/v1/payment.js" })
    void servesTheScriptUnderEveryName(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
        assertThat(response.body()).contains("PaypleCpayAuthCheck");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/js/cpay.payple.1.0.2.js", "/js/jquery.js", "/js/a<b>.js" })
    void anyOtherScriptIsAJavaScript404(String path) throws Exception {
        HttpResponse<String> response = get(path.replace("<", "%3C").replace(">", "%3E"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
        assertThat(response.body()).startsWith("/* Gyeol serves no script").doesNotContain("<");
    }

}
