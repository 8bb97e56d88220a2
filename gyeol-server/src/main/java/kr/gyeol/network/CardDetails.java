package kr.gyeol.network;

/**
 * A card as the network needs it. {@link #toString()} shows the last four digits only, so
 * the number cannot reach a log by accident.
 *
 * @param number digits only
 * @param expiryYear two digits
 * @param expiryMonth two digits
 * @param birthOrBusinessNumber {@code YYMMDD} or a ten-digit business number
 * @param pinPrefix the first two PIN digits
 */
public record CardDetails(String number, String expiryYear, String expiryMonth, String birthOrBusinessNumber,
        String pinPrefix) implements Instrument {

    @Override
    public String toString() {
        return "CardDetails[****" + number.substring(Math.max(0, number.length() - 4)) + "]";
    }
}
