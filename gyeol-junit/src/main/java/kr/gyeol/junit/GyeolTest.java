package kr.gyeol.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Gyeol gateway: each test method may take a {@link Gyeol}
 * (or a {@link GyeolPartner}) parameter, a fresh test-mode partner of its own.
 *
 * <pre>{@code
 * &#64;GyeolTest
 * class CheckoutTest {
 *

&#64;Test
 *     void paysOnce(Gyeol gyeol) {
 *         GyeolClient client = gyeol.client();
 *         ...
 *         gyeol.inbox().await(WebhookEvent.PaymentResult.class, (paid) -> paid.orderId().equals(orderId),
 *                 Duration.ofSeconds(10));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GyeolExtension.class)
public @interface GyeolTest {

}
