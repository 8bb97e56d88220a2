package kr.gyeol.network;

import java.time.Clock;
import java.time.Instant;

import kr.gyeol.shared.SettlementBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the settlement loop settles one claimed row, whatever it is (a payment, a refund):
 * by asking the network, never by acting again. The network's answer is recorded as it
 * says; while it cannot tell, the row goes back in line, each try later than the last
 * ({@link SettlementBackoff}). An inquiry that fails counts as unknown.
 */
public final class Inquiry {

    /** A claimed row, as its kind records what the network says of it. */
    public interface Row {

        /** What the row is, for the log: {@code "Payment 8x…"}. */
        String subject();

        /** How many inquiries found it still unknown so far. */
        int attempts();

        /**
         * Marks a row that a dead node left PENDING as UNKNOWN, leased until
         * {@code until}; false when another node got there first. A row already UNKNOWN
         * answers true.
         */
        boolean markUnknown(Instant until);

        /** Asks the network what became of it. */
        Outcome inquire();

        /** Records the approval (with its webhook event); false when nothing changed. */
        boolean approved(Outcome.Approved approved, Instant now);

        /** Records the decline; false when nothing changed. */
        boolean declined(Outcome.Declined declined, Instant now);

        /** Puts it back in line for {@code next}, or for an operator when null. */
        void postpone(Instant next);

    }

    private static final Logger log = LoggerFactory.getLogger(Inquiry.class);

    private Inquiry() {
    }

    /**
     * Settles {@code row}.
     * @return whether it was settled
     */
    public static boolean settle(Row row, SettlementBackoff backoff, Clock clock) {
        if (!row.markUnknown(clock.instant().plus(backoff.lease()))) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = row.inquire();
        }
        catch (RuntimeException e) {
            outcome = new Outcome.Unknown("inquiry failed");
        }
        Instant now = clock.instant();
        return switch (outcome) {
            case Outcome.Approved approved -> {
                log.info("{} settled as approved after an unknown outcome", row.subject());
                yield row.approved(approved, now);
            }
            case Outcome.Declined declined -> {
                log.info("{} settled as declined after an unknown outcome", row.subject());
                yield row.declined(declined, now);
            }
            case Outcome.Unknown unknown -> {
                row.postpone(backoff.nextTryOrOperator(row.subject(), row.attempts(), now));
                yield false;
            }
        };
    }

}
