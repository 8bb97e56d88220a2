package kr.gyeol.payment;

import java.time.Clock;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kr.gyeol.payment.jdbc.PaymentRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment engine's meters: {@code gyeol.charges} counts every charge by how it ended
 * when it was answered ({@code approved}, {@code declined}, {@code unknown}), its
 * instrument and its API; {@code gyeol.settlements} counts the reconciler's settlements
 * by result; the gauge {@code gyeol.reconciler.backlog} is the number of payments due to
 * be asked about, read from the database when scraped, so it is the same on every node.
 */
@Component
class PaymentMetrics {

    private static final Logger log = LoggerFactory.getLogger(PaymentMetrics.class);

    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry, PaymentRepository payments, Clock clock) {
        this.registry = registry;
        Gauge.builder("gyeol.reconciler.backlog", () -> {
            try {
                return payments.countDueForSettlement(clock.instant());
            }
            catch (RuntimeException unavailable) {
                log.debug("Reconciler backlog not read: {}", unavailable.getClass().getSimpleName());
                return Double.NaN;
            }
        }).description("Payments whose outcome is unknown and due to be asked about").register(registry);
    }

    void charged(Payment payment) {
        Counter.builder("gyeol.charges")
            .description("Charges by how they ended when answered, instrument and API")
            .tag("result", lower(payment.status()))
            .tag("instrument", lower(payment.instrument()))
            .tag("api", lower(payment.api()))
            .register(this.registry)
            .increment();
    }

    void settled(PaymentStatus result) {
        Counter.builder("gyeol.settlements")
            .description("Unknown outcomes settled by the reconciler, by result")
            .tag("result", lower(result))
            .register(this.registry)
            .increment();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
