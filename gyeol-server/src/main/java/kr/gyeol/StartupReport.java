package kr.gyeol;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import kr.gyeol.database.EmbeddedDatabase;
import kr.gyeol.network.NetworkProperties;
import kr.gyeol.partner.PartnerMode;
import kr.gyeol.partner.PartnerProperties;
import kr.gyeol.shared.GatewayProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says once the gateway is up where it answers and which database it uses, so a new user
 * can open the demo from the log. Never a password.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private static final String SIMULATOR = "simulator";

    /** The partner of Payple's public documents, configured by default. */
    private static final String PUBLIC_TEST_PARTNER = "test";

    private final DataSource dataSource;

    private final ObjectProvider<EmbeddedDatabase> embedded;

    private final boolean demo;

    private final Path dataDirectory;

    private final String network;

    private final PartnerProperties partners;

    StartupReport(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded,
            // The demo shop's own switch (the gyeol-demo module reads it, with this
            // default).
            @Value("${gyeol.demo.enabled:true}") boolean demo, GatewayProperties gateway, NetworkProperties network,
            PartnerProperties partners) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.demo = demo;
        this.dataDirectory = gateway.dataDir();
        this.network = network.acquirer();
        this.partners = partners;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        log.info("Gyeol is up at {} (auth.php at {}/php/auth.php); demo shop: {}; console: {}/console", base, base,
                this.demo ? base + "/demo" : "off (gyeol.demo.enabled=false)", base);
        if (SIMULATOR.equals(this.network)) {
            log.info("Card and bank network: the simulator (gyeol.network.acquirer=simulator), the only one Gyeol"
                    + " ships: no charge reaches a card company or bank, whatever the partner's mode");
        }
        else {
            log.info("Card and bank network: the acquirer '{}' (gyeol.network.acquirer)", this.network);
        }
        publicDoorsBesideLivePartners(this.partners.partners(), this.demo).ifPresent(log::warn);
        EmbeddedDatabase database = this.embedded.getIfAvailable();
        if (database != null) {
            log.info("Database: the embedded PostgreSQL on 127.0.0.1:{}, data in {}", database.port(),
                    this.dataDirectory.resolve("postgres").toAbsolutePath());
            return;
        }
        try (Connection connection = this.dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            // Parameters may carry a password; the host and database name do not.
            log.info("Database: {} ({} {})", url.contains("?") ? url.substring(0, url.indexOf('?')) : url,
                    connection.getMetaData().getDatabaseProductName(),
                    connection.getMetaData().getDatabaseProductVersion());
        }
        catch (SQLException ex) {
            log.warn("Database: not reachable at startup ({})", ex.getClass().getSimpleName());
        }
    }

    /**
     * The public {@code test} partner (its key is printed in Payple's documents) and the
     * demo shop are for a sandbox; beside live partners they are a door anyone can use.
     * @return the warning to log once, if any
     */
    static Optional<String> publicDoorsBesideLivePartners(List<PartnerProperties.PartnerEntry> partners, boolean demo) {
        List<String> live = partners.stream()
            .filter((partner) -> partner.mode() == PartnerMode.LIVE)
            .map(PartnerProperties.PartnerEntry::id)
            .toList();
        boolean publicTestPartner = partners.stream().anyMatch((partner) -> PUBLIC_TEST_PARTNER.equals(partner.id()));
        if (live.isEmpty() || !(publicTestPartner || demo)) {
            return Optional.empty();
        }
        String doors = publicTestPartner && demo
                ? "the public test partner 'test' (whose key anyone can read) and the demo shop"
                : publicTestPartner ? "the public test partner 'test', whose key anyone can read" : "the demo shop";
        return Optional.of("This gateway serves live partners " + live + " and also " + doors
                + ": remove 'test' from gyeol.partners and set gyeol.demo.enabled=false on a live gateway");
    }

}
