package kr.gyeol.testkit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The test kit ({@code gyeol.test-kit.*}).
 *
 * @param key the bearer key that may make test-mode partners; unset (the default), the
 * test kit's API answers 404 and makes nothing. {@code gyeol-junit} sets a random one for
 * the gateway it starts.
 */
@ConfigurationProperties("gyeol.test-kit")
public record TestKitProperties(String key) {

    /** Whether the test kit's API is on. */
    public boolean enabled() {
        return this.key != null && !this.key.isBlank();
    }

}
