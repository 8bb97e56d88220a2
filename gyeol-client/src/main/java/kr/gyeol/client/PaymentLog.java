package kr.gyeol.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The partner's payments on Gyeol ({@code /v1/payments}, not part of Payple's API): the
 * latest, and one payment's history with its refunds and its webhooks, every delivery
 * attempt included. Amounts are in the currency's minor unit; numbers only masked.
 */
public final class PaymentLog {

    private final JsonApi api;

    PaymentLog(JsonApi api) {
        this.api = api;
    }

    /**
     * Why a payment was declined: Gyeol's reason and the institution's code and words.
     */
    public record Decline(String reason, String institutionCode, String institutionMessage) {
    }

    /**
     * One payment.
     *
     * @param api {@code PAYPLE} (domestic) or {@code GPAY} (overseas)
     * @param status {@code PENDING}, {@code APPROVED}, {@code DECLINED}, {@code UNKNOWN},
     * {@code REFUNDED}, …
     */
    public record Payment(String id, String orderId, String api, String status, long amount, String currency,
            String instrument, String maskedNumber, String institution, String goods, String approvalNumber,
            Decline decline, String requestedAt, String completedAt) {
    }

    /** A refund of the payment, in any state. */
    public record Refund(String id, String status, long amount, String requestedAt, String completedAt) {
    }

    /** One POST of a webhook: the receiver's status, or the error that stood for it. */
    public record Attempt(int number, String at, Integer statusCode, String error, long latencyMs) {
    }

    /** A webhook about the payment or one of its refunds. */
    public record Webhook(String id, String type, String status, String createdAt, List<Attempt> attempts) {
    }

    /** A payment as it happened. */
    public record History(Payment payment, long refundable, List<Refund> refunds, List<Webhook> webhooks) {
    }

    record Listing(List<Payment> payments) {
    }

    /** The partner's latest payments, newest first: at most {@code limit} (1 to 500). */
    public List<Payment> latest(int limit) {
        return this.api.get("/v1/payments?limit=" + limit, Listing.class).payments();
    }

    /** A payment's history, by its order id or Gyeol's payment id. */
    public History history(String orderIdOrPaymentId) {
        return this.api.get("/v1/payments/" + URLEncoder.encode(orderIdOrPaymentId, StandardCharsets.UTF_8),
                History.class);
    }

}
