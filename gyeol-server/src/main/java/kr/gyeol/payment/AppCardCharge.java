package kr.gyeol.payment;

/**
 * A card the customer chose and approved in its card company's app or an easy-pay wallet:
 * what an app-card payment ({@code PCD_CARD_VER=02}) draws on instead of a billing key.
 *
 * @param token the network's token for the card, kept so that an unknown outcome can be
 * asked about later
 * @param maskedNumber {@code 1234-****-****-5678}
 * @param installmentMonths 0 for a lump sum
 * @param easyPay the easy-pay service used ({@code kakaoPay}, {@code naverPay}), or null
 * for a card company's own app
 */
public record AppCardCharge(String token, String maskedNumber, String institutionCode, String institutionName,
        int installmentMonths, String easyPay) {
}
