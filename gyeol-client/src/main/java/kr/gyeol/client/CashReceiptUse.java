package kr.gyeol.client;

/** What a cash receipt is for (spec §1.7, §1.12). */
public enum CashReceiptUse {

    /** An income deduction for a person ({@code personal}, 소득공제). */
    PERSONAL("personal"),
    /** Proof of expense for a business ({@code company}, 지출증빙). */
    COMPANY("company");

    private final String wire;

    CashReceiptUse(String wire) {
        this.wire = wire;
    }

    /** The wire value. */
    public String wire() {
        return this.wire;
    }

}
