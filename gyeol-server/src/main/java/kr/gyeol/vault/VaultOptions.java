package kr.gyeol.vault;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vault's own settings ({@code gyeol.vault.*} beside the keys, which the keyring
 * reads).
 *
 * @param arsLifetime how long a bank-account registration waits for its ARS confirmation
 * @param rotate whether this start re-encrypts every sealed row under the active key and
 * then exits
 */
@ConfigurationProperties("gyeol.vault")
public record VaultOptions(@DefaultValue("10m") Duration arsLifetime, @DefaultValue("false") boolean rotate) {

}
