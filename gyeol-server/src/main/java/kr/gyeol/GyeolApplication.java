package kr.gyeol;

import kr.gyeol.cli.GyeolCli;
import kr.gyeol.database.EarlyEmbeddedDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gyeol: a payment gateway that speaks the Payple partner API. {@code java -jar
 * gyeol-server.jar} starts it; {@code java -jar gyeol-server.jar <command>} runs the
 * {@code gyeol} command line against a running one instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GyeolApplication {

    public static void main(String[] args) {
        if (args.length > 0 && GyeolCli.handles(args[0])) {
            // java -jar gyeol-server.jar <command>: the command line, not the gateway.
            GyeolCli.main(args);
            return;
        }
        SpringApplication application = new SpringApplication(GyeolApplication.class);
        // The embedded PostgreSQL starts while the context is built, not after half of
        // it.
        application.addListeners(new EarlyEmbeddedDatabase());
        application.run(args);
    }

}
