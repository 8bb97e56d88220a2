package kr.gyeol.vault;

import java.time.Instant;

/**
 * The first step of an account registration: the ARS call is placed and the customer must
 * key in {@code requestNumber}.
 */
public record PendingAccountRegistration(String id, String requestNumber, String maskedNumber, String bankCode,
        String bankName, Instant expiresAt) {
}
