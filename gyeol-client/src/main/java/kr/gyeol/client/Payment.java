package kr.gyeol.client;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * An approved domestic payment, as the gateway answered a charge, a CERT confirmation or
 * a lookup. Fields that do not apply (card fields of an account payment, say) are null.
 *
 * @param orderId the order id ({@code PCD_PAY_OID})
 * @param payType card or account
 * @param billingKey the billing key charged ({@code PCD_PAYER_ID}); null for an app card
 * @param payerNumber the partner's member number, echoed
 * @param goods the goods name
 * @param amount the amount in won
 * @param vat the VAT part in won
 * @param taxFree whether the goods are tax-free ({@code PCD_PAY_ISTAX=N})
 * @param paidAt when it was paid, Korean time
 * @param monthlyPeriod the billing month, for a payment with monthly duplicate prevention
 * @param cardName the card company's name
 * @param maskedCardNumber the card number, masked ({@code 1234-****-****-5678})
 * @param cardTradeNumber the card company's trade number
 * @param cardApprovalNumber the approval number
 * @param receiptUrl the card receipt's address
 * @param bankCode the bank's code
 * @param bankName the bank's name
 * @param maskedAccountNumber the account number, masked
 * @param cashReceiptIssued whether a cash receipt was issued with an account payment
 * @param cashReceiptNumber the cash receipt's management number
 * @param userDefine1 the partner's first free field, echoed
 * @param userDefine2 the partner's second free field, echoed
 * @param code the gateway's success code
 * @param message the gateway's message
 */
public record Payment(String orderId, PayType payType, String billingKey, String payerNumber, String goods, long amount,
        long vat, boolean taxFree, LocalDateTime paidAt, YearMonth monthlyPeriod, String cardName,
        String maskedCardNumber, String cardTradeNumber, String cardApprovalNumber, String receiptUrl, String bankCode,
        String bankName, String maskedAccountNumber, boolean cashReceiptIssued, String cashReceiptNumber,
        String userDefine1, String userDefine2, String code, String message) {
}
