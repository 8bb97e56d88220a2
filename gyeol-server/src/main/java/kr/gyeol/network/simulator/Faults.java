package kr.gyeol.network.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import kr.gyeol.keyring.VaultCipher;
import kr.gyeol.network.DeclineReason;
import kr.gyeol.network.NetworkCall;
import kr.gyeol.shared.ArmedPartners;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The simulated network's faults, armed by a test for its own partner: the next N
 * charges, refunds (the network's cancels) or registrations (its checks of a card or an
 * account) of one billing key, of one card number, or of any, end as armed. A call takes
 * the oldest fault armed for its key or card, else the oldest armed for any, one use
 * each, under the row's lock. A fault armed through this node holds for the next call
 * here; through another node, from its next refresh (a second) on. A card number is kept
 * as a digest keyed by the vault key and the partner, and masked, never as digits.
 */
@Repository
public class Faults {

    /** Which of the network's calls a fault takes. */
    public enum Operation {

        /** A charge: a card approval or an account withdrawal. */
        CHARGE,
        /** A refund: the cancel of an earlier charge. */
        REFUND,
        /** A registration: the check of a card or an account before its key is issued. */
        REGISTRATION

    }

    /** How an armed call ends. */
    public enum Outcome {

        /** Approved, whatever the card. */
        APPROVE,
        /** Declined with the armed reason. */
        DECLINE,
        /**
         * Approved by the network, its answer lost: UNKNOWN until settled, then APPROVED.
         */
        TIMEOUT_THEN_APPROVE,
        /**
         * Declined by the network, its answer lost: UNKNOWN until settled, then DECLINED.
         */
        TIMEOUT_THEN_DECLINE,
        /** Never answered, nor recorded: UNKNOWN, and the network never learns of it. */
        NEVER_ANSWER

    }

    /**
     * One armed fault.
     *
     * @param billingKeyId the key it is for, or null
     * @param cardMasked the card number it is for, masked, or null; with no key and no
     * card it takes any of the partner's calls of its operation
     * @param declineReason why a DECLINE or TIMEOUT_THEN_DECLINE declines
     * @param remaining how many calls it still takes
     */
    public record Fault(long id, PartnerId partnerId, Operation operation, BillingKeyId billingKeyId, String cardMasked,
            Outcome outcome, DeclineReason declineReason, int armed, int remaining, Instant armedAt) {
    }

    /**
     * What a fault selects: one billing key, one card number (with its masked form), or
     * any call when both are null.
     */
    public record Selector(BillingKeyId billingKeyId, String cardNumber, String cardMasked) {

        /** Any of the partner's calls. */
        public static final Selector ANY = new Selector(null, null, null);

        public Selector {
            if (billingKeyId != null && cardNumber != null) {
                throw new IllegalArgumentException("A fault selects a billing key or a card number, not both");
            }
        }

        @Override
        public String toString() {
            return "Selector[" + (this.billingKeyId != null ? "key" : this.cardMasked != null ? this.cardMasked : "any")
                    + "]";
        }

    }

    /** The purpose a card number's digest key is derived for. */
    private static final String CARD_DIGEST_PURPOSE = "gyeol/test-fault-card";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final VaultCipher cipher;

    /** The partners with a fault armed, read every second. */
    private final ArmedPartners armedPartners = new ArmedPartners();

    Faults(JdbcClient jdbc, Clock clock, VaultCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    /**
     * Reads which partners have faults armed, so a fault armed through another node is
     * looked for here within a second.
     */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void refresh() {
        this.armedPartners.refreshed(this.jdbc.sql("SELECT DISTINCT partner_id FROM test_faults WHERE remaining > 0")
            .query(String.class)
            .list());
    }

    /** Arms a fault for the partner's next {@code count} calls of {@code operation}. */
    public Fault arm(PartnerId partnerId, Operation operation, Selector selector, Outcome outcome,
            DeclineReason declineReason, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault takes one call or more");
        }
        Instant now = this.clock.instant();
        long id = this.jdbc.sql("""
                INSERT INTO test_faults (partner_id, operation, billing_key_id, card_digest, card_masked, outcome,
                                         decline_reason, armed, remaining, armed_at)
                VALUES (:partnerId, :operation, :billingKeyId, :cardDigest, :cardMasked, :outcome, :reason, :count,
                        :count, :now)
                RETURNING id
                """)
            .param("partnerId", partnerId.value())
            .param("operation", operation.name())
            .param("billingKeyId", BillingKeyId.valueOf(selector.billingKeyId()))
            .param("cardDigest", selector.cardNumber() == null ? null : cardDigest(partnerId, selector.cardNumber()))
            .param("cardMasked", selector.cardNumber() == null ? null : selector.cardMasked())
            .param("outcome", outcome.name())
            .param("reason", declineReason == null ? null : declineReason.name())
            .param("count", count)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single();
        this.armedPartners.armedHere(partnerId);
        return new Fault(id, partnerId, operation, selector.billingKeyId(),
                selector.cardNumber() == null ? null : selector.cardMasked(), outcome, declineReason, count, count,
                now);
    }

    /** The partner's faults still armed, oldest first. */
    public List<Fault> armed(PartnerId partnerId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM test_faults WHERE partner_id = :partnerId AND remaining > 0 ORDER BY id")
            .param("partnerId", partnerId.value())
            .query((row, n) -> fault(row))
            .list();
    }

    /** Disarms every fault of the partner; how many were armed. */
    public int disarm(PartnerId partnerId) {
        return this.jdbc.sql("UPDATE test_faults SET remaining = 0 WHERE partner_id = :partnerId AND remaining > 0")
            .param("partnerId", partnerId.value())
            .update();
    }

    /**
     * Takes one use of the fault armed for this call, if any: the partner's oldest for
     * its key or its card, else its oldest for any.
     * @param cardNumber the card the call is for, or null (an account, a cancel)
     */
    Optional<Fault> takeFor(Operation operation, NetworkCall call, String cardNumber) {
        if (call == null || !this.armedPartners.contains(call.partnerId())) {
            return Optional.empty();
        }
        return this.jdbc
            .sql("UPDATE test_faults SET remaining = remaining - 1 WHERE id = ("
                    + " SELECT id FROM test_faults WHERE partner_id = :partnerId AND operation = :operation"
                    + " AND remaining > 0 AND ((billing_key_id IS NULL AND card_digest IS NULL)"
                    + " OR billing_key_id = :billingKeyId OR card_digest = :cardDigest)"
                    + " ORDER BY billing_key_id IS NULL AND card_digest IS NULL, id LIMIT 1 FOR UPDATE) RETURNING "
                    + COLUMNS)
            .param("partnerId", call.partnerId().value())
            .param("operation", operation.name())
            .param("billingKeyId", BillingKeyId.valueOf(call.billingKeyId()))
            .param("cardDigest", cardNumber == null ? null : cardDigest(call.partnerId(), cardNumber))
            .query((row, n) -> fault(row))
            .optional();
    }

    /**
     * A card number's digest for this partner, keyed by the active vault key: equal for
     * equal numbers on every node, and no dictionary of card numbers reverses it without
     * the key.
     */
    private String cardDigest(PartnerId partnerId, String cardNumber) {
        byte[] key = this.cipher.derive(this.cipher.activeKeyId(), CARD_DIGEST_PURPOSE)
            .orElseThrow(() -> new IllegalStateException("The active vault key is missing"));
        return HexFormat.of()
            .formatHex(Tokens.hmacSha256(key, partnerId.value().getBytes(StandardCharsets.UTF_8), new byte[] { 0 },
                    cardNumber.getBytes(StandardCharsets.US_ASCII)));
    }

    private static final String COLUMNS = "id, partner_id, operation, billing_key_id, card_masked, outcome,"
            + " decline_reason, armed, remaining, armed_at";

    private static Fault fault(java.sql.ResultSet row) throws java.sql.SQLException {
        String reason = row.getString("decline_reason");
        return new Fault(row.getLong("id"), PartnerId.of(row.getString("partner_id")),
                Operation.valueOf(row.getString("operation")), BillingKeyId.ofNullable(row.getString("billing_key_id")),
                row.getString("card_masked"), Outcome.valueOf(row.getString("outcome")),
                reason == null ? null : DeclineReason.valueOf(reason), row.getInt("armed"), row.getInt("remaining"),
                row.getTimestamp("armed_at").toInstant());
    }

}
