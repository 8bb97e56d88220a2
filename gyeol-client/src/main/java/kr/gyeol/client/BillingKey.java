package kr.gyeol.client;

/**
 * A registered billing key and what the gateway tells of it. Fields that do not apply are
 * null.
 *
 * @param id the billing key ({@code PCD_PAYER_ID})
 * @param payType card or account
 * @param payerNumber the partner's member number
 * @param payerName the holder's name
 * @param maskedPhone the phone number, masked
 * @param cardCompanyCode the card company's code, e.g. {@code 0200}
 * @param cardName the card company's name
 * @param maskedCardNumber the card number, masked
 * @param bankCode the bank's code
 * @param bankName the bank's name
 * @param maskedAccountNumber the account number, masked
 * @param accountHolderType {@code 개인} (person) or {@code 법인} (business), for accounts
 */
public record BillingKey(String id, PayType payType, String payerNumber, String payerName, String maskedPhone,
        String cardCompanyCode, String cardName, String maskedCardNumber, String bankCode, String bankName,
        String maskedAccountNumber, String accountHolderType) {
}
