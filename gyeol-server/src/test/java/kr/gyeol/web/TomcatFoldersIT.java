package kr.gyeol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import kr.gyeol.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Tomcat works inside the gateway's data directory: a start leaves no
 * {@code tomcat.<port>.*} or {@code tomcat-docbase.*} folder in the temporary folder
 * (issue 27: a full test run used to leave 35 of them).
 */
class TomcatFoldersIT extends GatewayTest {

    @Autowired
    WebServerApplicationContext context;

    @Value("${gyeol.data-dir}")
    Path dataDirectory;

    @Test
    void tomcatsFoldersAreInTheDataDirectoryNotTheTemporaryFolder() throws Exception {
        TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
        File base = server.getTomcat().getServer().getCatalinaBase();
        assertThat(base.toPath().toAbsolutePath()).startsWith(this.dataDirectory.toAbsolutePath());
        int port = server.getPort();
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temporary.map((path) -> path.getFileName().toString()))
                .noneMatch((name) -> name.startsWith("tomcat." + port + "."))
                .noneMatch((name) -> name.startsWith("tomcat-docbase." + port + "."));
        }
    }

}
