package kr.gyeol.console;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console operators ({@code gyeol.console.operators[0].name}, {@code .password-hash}, a
 * BCrypt hash, or {@code .password} in clear, hashed at start): people who sign in with
 * their own name and password and may act for any partner; and how long a console sign-in
 * lasts ({@code gyeol.console.session-lifetime}, 8 hours; a sign-out ends it at once).
 */
@ConfigurationProperties("gyeol.console")
public record ConsoleProperties(List<Operator> operators, @DefaultValue("8h") Duration sessionLifetime) {

    public ConsoleProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** One operator. */
    public record Operator(String name, String password, String passwordHash) {
    }

}
