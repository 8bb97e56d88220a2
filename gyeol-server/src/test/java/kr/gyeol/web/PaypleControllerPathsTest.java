package kr.gyeol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import kr.gyeol.protocol.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The Payple handler names every Payple path itself (Spring then finds it by a direct
 * look-up), beside {@code /php/**} for the paths Payple lacks.
 */
class PaypleControllerPathsTest {

    @Test
    void everyPaypleServerPathIsMappedDirectly() throws Exception {
        List<String> mapped = Arrays.asList(
                PaypleController.class
                    .getDeclaredMethod("handle", jakarta.servlet.http.HttpServletRequest.class,
                            jakarta.servlet.http.HttpServletResponse.class)
                    .getAnnotation(RequestMapping.class)
                    .path());
        assertThat(mapped).contains("/php/**");
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint.path().startsWith("/php/")) {
                assertThat(mapped).as(endpoint.name()).contains(endpoint.path());
            }
        }
        // The window's entry, not this handler's.
        assertThat(mapped).doesNotContain("/php/PayAct.php");
    }

}
