package kr.gyeol.shared;

/**
 * Records that something happened, for delivery to the partner's webhook receiver. It
 * must be called inside the transaction that makes the change (domain rule 6), so an
 * event is written exactly when its change commits.
 */
public interface Outbox {

    /**
     * Records an event about {@code subjectId} (a payment, refund or billing key id), if
     * the partner has a receiver for it.
     */
    void record(PartnerId partnerId, EventType type, String subjectId);

}
