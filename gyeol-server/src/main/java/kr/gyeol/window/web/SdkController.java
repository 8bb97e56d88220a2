package kr.gyeol.window.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser SDK at every path Payple has served it from (spec §0): one script
 * implements the 1.0.0 form contract, the 1.0.1 object contract and the v1
 * {@code clientKey} contract.
 */
@RestController
class SdkController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript",
            java.nio.charset.StandardCharsets.UTF_8);

    private final byte[] script;

    SdkController() throws IOException {
        try (InputStream in = new ClassPathResource("sdk/cpay.payple.js").getInputStream()) {
            this.script = in.readAllBytes();
        }
    }

    @GetMapping(path = { "/js/cpay.payple.1.0.0.js", "/js/cpay.payple.1.0.1.js", "/js/v1/payment.js" })
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok()
            .contentType(JAVASCRIPT)
            .cacheControl(CacheControl.noCache())
            .header("Access-Control-Allow-Origin", "*")
            .body(this.script);
    }

}
