package kr.gyeol.window.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser SDK at every path Payple has served it from (spec §0): one script
 * implements the 1.0.0 form contract, the 1.0.1 object contract and the v1
 * {@code clientKey} contract.
 */
@RestController
class SdkController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    /**
     * Pages load the 1.0.x script under its plain name and under a name prefixed with the
     * host they were built for ({@code /js/127.0.0.1.cpay.payple.1.0.1.js}).
     */
    private static final Pattern SCRIPT_NAME = Pattern.compile("([A-Za-z0-9.-]+\\.)?cpay\\.payple\\.1\\.0\\.[01]\\.js");

    private final byte[] script;

    SdkController() throws IOException {
        try (InputStream in = new ClassPathResource("sdk/cpay.payple.js").getInputStream()) {
            this.script = in.readAllBytes();
        }
    }

    @GetMapping("/js/v1/payment.js")
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok()
            .contentType(JAVASCRIPT)
            .cacheControl(CacheControl.noCache())
            .header("Access-Control-Allow-Origin", "*")
            .body(this.script);
    }

    /**
     * A 1.0.x script by any of its names; any other script path answers a JavaScript 404,
     * so the browser reports the missing script instead of refusing an HTML page as one.
     */
    @GetMapping("/js/{name:.+\\.js}")
    ResponseEntity<byte[]> script(@PathVariable String name) {
        if (SCRIPT_NAME.matcher(name).matches()) {
            return script();
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(JAVASCRIPT)
            .cacheControl(CacheControl.noCache())
            .header("Access-Control-Allow-Origin", "*")
            .body(("/* Gyeol serves no script at /js/" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                    + "; the SDK is /js/cpay.payple.1.0.1.js */\nconsole.error('Gyeol: no script at /js/"
                    + name.replaceAll("[^A-Za-z0-9._-]", "_") + "');\n")
                .getBytes(StandardCharsets.UTF_8));
    }

}
