package kr.gyeol.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console operators ({@code gyeol.console.operators[0].name}, {@code .password-hash}, a
 * BCrypt hash, or {@code .password} in clear, hashed at start): people who sign in with
 * their own name and password and may act for any partner.
 */
@ConfigurationProperties("gyeol.console")
public record ConsoleProperties(List<Operator> operators) {

    public ConsoleProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** One operator. */
    public record Operator(String name, String password, String passwordHash) {
    }

}
