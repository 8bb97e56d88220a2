package kr.gyeol.network;

/**
 * A bank account as the network needs it. {@link #toString()} hides the number.
 *
 * @param bankCode three digits, e.g. {@code 011}
 * @param number digits only
 * @param birthOrBusinessNumber {@code YYMMDD} or a ten-digit business number
 */
public record AccountDetails(String bankCode, String number, String birthOrBusinessNumber) implements Instrument {

    @Override
    public String toString() {
        return "AccountDetails[" + bankCode + " ****" + number.substring(Math.max(0, number.length() - 3)) + "]";
    }
}
