package kr.gyeol;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import kr.gyeol.database.EmbeddedDatabase;
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

    private final DataSource dataSource;

    private final ObjectProvider<EmbeddedDatabase> embedded;

    private final boolean demo;

    private final Path dataDirectory;

    StartupReport(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded,
            @Value("${gyeol.demo.enabled:true}") boolean demo, @Value("${gyeol.data-dir}") Path dataDirectory) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.demo = demo;
        this.dataDirectory = dataDirectory;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        log.info("Gyeol is up at {} (auth.php at {}/php/auth.php); demo shop: {}; console: {}/console", base, base,
                this.demo ? base + "/demo" : "off (gyeol.demo.enabled=false)", base);
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

}
