package kr.gyeol.client;

import java.util.Locale;

/** How a domestic payment is paid: by card or by bank-account withdrawal. */
public enum PayType {

    /** A credit or check card ({@code card}). */
    CARD("card"),
    /** A bank account, withdrawn by transfer ({@code transfer}). */
    ACCOUNT("transfer");

    private final String wire;

    PayType(String wire) {
        this.wire = wire;
    }

    /** The value of {@code PCD_PAY_TYPE}. */
    public String wire() {
        return this.wire;
    }

    /**
     * The type a value from a browser names, or null when it names none or one the client
     * does not know (a posted form is not to be trusted to be well formed).
     */
    public static PayType fromWireOrNull(String value) {
        try {
            return fromWire(value);
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The type named by a {@code PCD_PAY_TYPE} value, or null for none. */
    public static PayType fromWire(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "card" -> CARD;
            case "transfer" -> ACCOUNT;
            default -> throw new IllegalArgumentException("Unknown pay type: " + value);
        };
    }

}
