package kr.gyeol;

import kr.gyeol.database.EarlyEmbeddedDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gyeol: a payment gateway that speaks the Payple partner API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GyeolApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GyeolApplication.class);
        // The embedded PostgreSQL starts while the context is built, not after half of
        // it.
        application.addListeners(new EarlyEmbeddedDatabase());
        application.run(args);
    }

}
