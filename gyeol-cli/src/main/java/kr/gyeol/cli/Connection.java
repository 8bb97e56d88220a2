package kr.gyeol.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.Hosts;

/**
 * Which gateway and partner a command talks to: its options, else the environment
 * ({@code GYEOL_BASE}, {@code GYEOL_PARTNER}, {@code GYEOL_KEY},
 * {@code GYEOL_REFUND_KEY}), else the profile {@code gyeol login} wrote, else the public
 * test partner on {@code http://localhost:8080}.
 */
record Connection(String base, String partner, String key, String refundKey, java.time.Clock clock) {

    static final String DEFAULT_BASE = "http://localhost:8080";

    /** The public test partner every Gyeol configures unless told not to. */
    static final String TEST_PARTNER = "test";

    static final String TEST_KEY = "abcd1234567890";

    static final String TEST_REFUND_KEY = "a41ce010ede9fcbfb3be86b24858806596a9db68b79d138b147c3e563e1829a0";

    static Path defaultProfile() {
        return Path.of(System.getProperty("user.home"), ".config", "gyeol", "profile.properties");
    }

    static Connection of(Options options, Map<String, String> environment, java.time.Clock clock) {
        Properties profile = read(options.profile != null ? options.profile : defaultProfile());
        String base = first(options.base, environment.get("GYEOL_BASE"), profile.getProperty("base"), DEFAULT_BASE);
        String partner = first(options.partner, environment.get("GYEOL_PARTNER"), profile.getProperty("partner"), null);
        String key;
        String refundKey;
        if (partner == null) {
            partner = TEST_PARTNER;
            key = first(options.key, TEST_KEY);
            refundKey = first(options.refundKey, TEST_REFUND_KEY);
        }
        else {
            key = first(options.key, environment.get("GYEOL_KEY"),
                    partner.equals(profile.getProperty("partner")) ? profile.getProperty("key") : null, null);
            refundKey = first(options.refundKey, environment.get("GYEOL_REFUND_KEY"),
                    partner.equals(profile.getProperty("partner")) ? profile.getProperty("refundKey") : null, null);
        }
        return new Connection(base.replaceAll("/+$", ""), partner, key, refundKey, clock);
    }

    GyeolClient client() {
        return builder().build();
    }

    /** A client of the overseas API too, with the custKey as the service key. */
    GyeolClient overseasClient(String serviceId) {
        return builder().overseasService(serviceId, this.key).build();
    }

    private GyeolClient.Builder builder() {
        if (this.key == null) {
            throw new Refusal(Exit.USAGE,
                    "No custKey for partner " + this.partner + ": give --key, set GYEOL_KEY, or run gyeol login");
        }
        GyeolClient.Builder builder = GyeolClient.builder()
            .hosts(Hosts.gyeol(this.base))
            .partner(this.partner, this.key)
            .referer("http://localhost")
            .clock(this.clock)
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(30));
        if (this.refundKey != null) {
            builder.refundKey(this.refundKey);
        }
        return builder;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            catch (IOException ex) {
                throw new Refusal(Exit.USAGE, "The profile " + file + " cannot be read: " + ex.getMessage());
            }
        }
        return properties;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Connection[" + this.base + " as " + this.partner + "]";
    }

}
