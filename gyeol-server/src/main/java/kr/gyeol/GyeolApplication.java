package kr.gyeol;

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
        SpringApplication.run(GyeolApplication.class, args);
    }

}
