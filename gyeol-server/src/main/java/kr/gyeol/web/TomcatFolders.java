package kr.gyeol.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kr.gyeol.shared.GatewayProperties;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat's working folders inside the gateway's data directory ({@code tomcat/}), made
 * once and reused: left to itself, Tomcat makes a {@code tomcat.<port>.*} and a
 * {@code tomcat-docbase.*} folder in the temporary folder at every start and leaves both
 * behind (issue 27). {@code server.tomcat.basedir}, when set, still decides the base.
 */
@Component
class TomcatFolders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Path folder;

    private final boolean baseConfigured;

    TomcatFolders(GatewayProperties gateway, TomcatServerProperties tomcat) {
        this.folder = gateway.dataDir().resolve("tomcat").toAbsolutePath();
        this.baseConfigured = tomcat.getBasedir() != null;
    }

    @Override
    public int getOrder() {
        // After Spring Boot's own customizer, which applies server.tomcat.*.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        try {
            // Static files come from the classpath through Spring MVC; the document
            // root stays empty.
            Path documents = Files.createDirectories(this.folder.resolve("docbase"));
            factory.setDocumentRoot(documents.toFile());
            if (!this.baseConfigured) {
                factory.setBaseDirectory(this.folder.toFile());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot make Tomcat's folder " + this.folder, ex);
        }
    }

}
