package kr.gyeol.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Idempotency-Key ({@code gyeol.idempotency.*}).
 *
 * @param retention how long a key and its answer are kept for replays
 * @param inFlightWait ({@code gyeol.idempotency.wait}) how long a request with a key
 * still in flight waits for the first one's answer before it is refused as in progress
 */
@ConfigurationProperties("gyeol.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
        @Name("wait") @DefaultValue("10s") Duration inFlightWait) {

}
