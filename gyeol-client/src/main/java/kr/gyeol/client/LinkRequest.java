package kr.gyeol.client;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A link payment to create (spec §1.11): a page the customer opens to pay. Build one with
 * {@link #of(String, long, PayType...)} and the {@code with…} methods.
 *
 * @param goods the goods name
 * @param amount the amount in won
 * @param payTypes the ways the page offers, card and/or account
 * @param cards for card links, whether the page offers billing cards, app cards or both;
 * null for the gateway's default
 * @param vat the VAT part for a mixed-tax basket, or null
 * @param taxFree whether the goods are tax-free
 * @param cashReceipt whether an account payment issues a cash receipt
 * @param expiresOn the last day the link can be paid; null for the gateway's default
 * @param memo a note shown with the link
 * @param monthlyPeriod the billing month, for monthly duplicate prevention; else null
 */
public record LinkRequest(String goods, long amount, Set<PayType> payTypes, LinkCards cards, Long vat, boolean taxFree,
        boolean cashReceipt, LocalDate expiresOn, String memo, YearMonth monthlyPeriod) {

    /** Checks the required fields and copies the set. */
    public LinkRequest {
        Objects.requireNonNull(goods, "goods");
        if (payTypes == null || payTypes.isEmpty()) {
            throw new IllegalArgumentException("A link needs at least one pay type");
        }
        payTypes = Set.copyOf(payTypes);
    }

    /** A link for {@code amount} won paid by any of {@code payTypes}. */
    public static LinkRequest of(String goods, long amount, PayType... payTypes) {
        Set<PayType> types = EnumSet.noneOf(PayType.class);
        types.addAll(java.util.List.of(payTypes));
        return new LinkRequest(goods, amount, types, null, null, false, false, null, null, null);
    }

    /** The same link, expiring after {@code day}. */
    public LinkRequest withExpiry(LocalDate day) {
        return new LinkRequest(this.goods, this.amount, this.payTypes, this.cards, this.vat, this.taxFree,
                this.cashReceipt, day, this.memo, this.monthlyPeriod);
    }

    /** The same link with a memo. */
    public LinkRequest withMemo(String text) {
        return new LinkRequest(this.goods, this.amount, this.payTypes, this.cards, this.vat, this.taxFree,
                this.cashReceipt, this.expiresOn, text, this.monthlyPeriod);
    }

    /** The same link offering these cards. */
    public LinkRequest withCards(LinkCards which) {
        return new LinkRequest(this.goods, this.amount, this.payTypes, which, this.vat, this.taxFree, this.cashReceipt,
                this.expiresOn, this.memo, this.monthlyPeriod);
    }

    /** The same link, issuing a cash receipt when paid from an account. */
    public LinkRequest withCashReceipt() {
        return new LinkRequest(this.goods, this.amount, this.payTypes, this.cards, this.vat, this.taxFree, true,
                this.expiresOn, this.memo, this.monthlyPeriod);
    }

    /** Which cards a link page offers ({@code PCD_CARD_VER}). */
    public enum LinkCards {

        /** Cards registered as billing keys ({@code 01}). */
        BILLING("01"),
        /** App cards and easy-pay wallets ({@code 02}). */
        APP("02"),
        /** Both ({@code 01+02}). */
        BOTH("01+02");

        private final String wire;

        LinkCards(String wire) {
            this.wire = wire;
        }

        /** The wire value. */
        public String wire() {
            return this.wire;
        }

    }

}
