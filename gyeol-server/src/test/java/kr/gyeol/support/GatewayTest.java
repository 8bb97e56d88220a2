package kr.gyeol.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the wire and persistence tests: the whole gateway on a random port, on the test
 * database, with a clock the tests move. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GatewayTest.TestClockConfiguration.class)
public abstract class GatewayTest {

    /** The test kit's key on the tests' gateway (gyeol.test-kit.key). */
    public static final String TEST_KIT_KEY = "kit-key-for-the-wire-tests";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected PaypleTestClient payple;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor commitCounter() {
            return CommitCounter.wrapper();
        }

        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor lostCommits() {
            return LostCommits.wrapper();
        }

    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.Connection database = TestDatabase.get();
        Path dataDirectory = TempDirectories.create("gyeol-test-data");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "30");
        // Cached contexts (a few tests need their own) keep their pools: idle ones hold
        // few
        // connections, so the suite stays under the server's 100.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
        registry.add("gyeol.data-dir", dataDirectory::toString);
        // Lists replace each other whole, so the default test partner is repeated beside
        // a strict one.
        registry.add("gyeol.test-kit.key", () -> TEST_KIT_KEY);
        registry.add("gyeol.partners[0].id", () -> "test");
        registry.add("gyeol.partners[0].secret", () -> PaypleTestClient.SECRET);
        registry.add("gyeol.partners[0].refund-key", () -> PaypleTestClient.REFUND_KEY);
        registry.add("gyeol.partners[0].client-key", () -> "test_DF55F29DA654A8CBC0F0A9DD4B556486");
        registry.add("gyeol.partners[0].mode", () -> "test");
        registry.add("gyeol.partners[0].gpay-service-id", () -> "demo");
        registry.add("gyeol.partners[1].id", () -> "strict");
        registry.add("gyeol.partners[1].secret", () -> "strict-secret-0123456789");
        registry.add("gyeol.partners[1].refund-key", () -> "strict-refund-key");
        registry.add("gyeol.partners[1].mode", () -> "live");
        registry.add("gyeol.partners[1].referer-check", () -> "strict");
        registry.add("gyeol.partners[1].domains[0]", () -> "shop.example.com");
        registry.add("gyeol.partners[1].gpay-service-id", () -> "strictgpay");
        registry.add("gyeol.partners[1].gpay-allowed-ips[0]", () -> "10.9.9.9");
        // A second test-mode partner, for isolation: the same refund key, nothing shared.
        registry.add("gyeol.partners[2].id", () -> "other");
        registry.add("gyeol.partners[2].secret", () -> "other-secret-0123456789");
        registry.add("gyeol.partners[2].refund-key", () -> PaypleTestClient.REFUND_KEY);
        registry.add("gyeol.partners[2].mode", () -> "test");
        // A partner whose key the console rotates (the others' keys stay put).
        registry.add("gyeol.partners[3].id", () -> "rotating");
        registry.add("gyeol.partners[3].secret", () -> "rotating-secret-0123456789");
        registry.add("gyeol.partners[3].refund-key", () -> PaypleTestClient.REFUND_KEY);
        registry.add("gyeol.partners[3].mode", () -> "test");
        // A console operator, who may act for any partner.
        registry.add("gyeol.console.operators[0].name", () -> "ops");
        registry.add("gyeol.console.operators[0].password", () -> "ops-password-0123");
        // The tests run the reconciler themselves, after moving the clock.
        registry.add("gyeol.reconciler.interval", () -> "1h");
        // And the webhook dispatcher, and the renewal job.
        registry.add("gyeol.webhooks.interval", () -> "1h");
        registry.add("gyeol.webhooks.wake-on-commit", () -> "${gyeol.test.wake-on-commit:false}");
        registry.add("gyeol.subscriptions.interval", () -> "1h");
        // The whole suite's wrong credentials come from one address; CredentialLockoutIT
        // tries the lockout with a limit of its own (gyeol.test.failure-limit).
        registry.add("gyeol.auth.failure-limit", () -> "${gyeol.test.failure-limit:100000}");
        registry.add("gyeol.auth.slow-after", () -> "${gyeol.test.slow-after:100000}");
        // A clock advance waits this long for steps held elsewhere (a payment being
        // settled).
        registry.add("gyeol.subscriptions.advance-wait", () -> "2s");
    }

    @org.junit.jupiter.api.BeforeEach
    void client() {
        payple = new PaypleTestClient("http://127.0.0.1:" + port);
    }

    protected Clock clock() {
        return clock;
    }

}
