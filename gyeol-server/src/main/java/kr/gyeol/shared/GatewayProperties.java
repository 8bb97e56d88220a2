package kr.gyeol.shared;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the whole gateway shares ({@code gyeol.data-dir}, {@code gyeol.public-base-url},
 * {@code gyeol.http.*}, {@code gyeol.cors.*}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data, the sandbox's vault key
 * lives and Tomcat works (application.yaml: {@code GYEOL_DATA_DIR}, else {@code ./data})
 * @param publicBaseUrl the base URL handed out in {@code PCD_PAY_HOST},
 * {@code return_url} and webhooks; empty: each request's own
 * @param http the HTTP edge's limits
 * @param cors the JSON APIs' cross-origin rule
 */
@ConfigurationProperties("gyeol")
public record GatewayProperties(Path dataDir, @DefaultValue("") String publicBaseUrl, @DefaultValue Http http,
        @DefaultValue Cors cors) {

    /**
     * @param maxBody the largest request body accepted (413 beyond)
     */
    public record Http(@DefaultValue("64KB") DataSize maxBody) {
    }

    /**
     * @param allowedOrigins the origins the browser may call the JSON APIs from
     */
    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {
    }

}
