package kr.gyeol.testkit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The test kit ({@code gyeol.test-kit.*}).
 *
 * @param key the bearer key that may make test-mode partners; unset (the default), the
 * test kit's API answers 404 and makes nothing. {@code gyeol-junit} sets a random one for
 * the gateway it starts.
 * @param parentPid the process this gateway lives for (the test JVM that started it):
 * when it ends, however it ends, the gateway stops too; unset, none
 * @param scratchDir a folder of the test JVM's that the gateway deletes after it stopped
 * because its parent ended (the test JVM could not delete it then); unset, none
 */
@ConfigurationProperties("gyeol.test-kit")
public record TestKitProperties(String key, Long parentPid, Path scratchDir) {

    /** Whether the test kit's API is on. */
    public boolean enabled() {
        return this.key != null && !this.key.isBlank();
    }

}
