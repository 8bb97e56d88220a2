package kr.gyeol.network;

/**
 * A card held in a card company's app or an easy-pay wallet, as the app shows it to its
 * owner. The token stands for the card in every later call; Gyeol never sees the number.
 *
 * @param token the network's name for the card
 * @param label what the app calls the card
 * @param maskedNumber {@code 1234-****-****-5678}
 */
public record AppCard(String token, String label, String maskedNumber) {
}
