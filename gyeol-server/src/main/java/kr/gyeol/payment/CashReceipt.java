package kr.gyeol.payment;

import java.time.Instant;

/**
 * A payment's cash receipt (현금영수증), as issued to the National Tax Service.
 *
 * @param number the NTS approval number ({@code test…} in test mode)
 * @param amount the amount it covers, VAT included
 * @param maskedIdentity the phone or business number it was issued to, masked
 * @param cancelledAt when it was cancelled, or null while it stands
 */
public record CashReceipt(Status status, String number, long amount, long vat, Use use, String maskedIdentity,
        Instant issuedAt, Instant cancelledAt) {

    /** Whether the receipt stands. */
    public enum Status {

        ISSUED, CANCELLED

    }

    /** 소득공제 (a person's income deduction) or 지출증빙 (a company's proof of expense). */
    public enum Use {

        PERSONAL, COMPANY

    }

    public boolean issued() {
        return this.status == Status.ISSUED;
    }

}
