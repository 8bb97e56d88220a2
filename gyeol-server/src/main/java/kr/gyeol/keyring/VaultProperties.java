package kr.gyeol.keyring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code gyeol.vault.keys.<id>} and {@code gyeol.vault.active-key}. */
@ConfigurationProperties("gyeol.vault")
public record VaultProperties(Map<String, String> keys, String activeKey) {

    public VaultProperties {
        keys = keys == null ? Map.of() : new java.util.LinkedHashMap<>(keys);
    }
}
