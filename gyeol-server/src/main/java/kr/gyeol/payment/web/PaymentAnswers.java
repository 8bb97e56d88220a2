package kr.gyeol.payment.web;

import kr.gyeol.payment.Payment;
import kr.gyeol.protocol.Fields;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.EdgeInterface;
import kr.gyeol.web.WireResponse;

/**
 * The payment fields of Payple answers (spec §1.6, §1.7, §1.9), mapped once for every
 * operation: payment's named interface, used by the refund and window edges too.
 */
@EdgeInterface
public final class PaymentAnswers {

    private PaymentAnswers() {
    }

    public static WireResponse describe(WireResponse answer, Payment payment, String baseUrl, boolean legacyCardNames) {
        answer.put(Fields.PAY_OID, payment.orderId())
            .put(Fields.PAY_TYPE, payment.instrument() == InstrumentType.CARD ? "card" : "transfer")
            .put(Fields.PAYER_NO, payment.payer().number())
            .put(Fields.PAYER_ID, payment.billingKeyId())
            .put(Fields.PAYER_NAME, payment.payer().name())
            .put(Fields.PAYER_HP, payment.payer().phone())
            .put(Fields.PAYER_EMAIL, payment.payer().email())
            .put(Fields.PAY_GOODS, payment.goods())
            .put(Fields.PAY_TOTAL, payment.amount())
            .put(Fields.PAY_TAXTOTAL, payment.vat())
            .put(Fields.PAY_ISTAX, payment.taxable() ? "Y" : "N")
            .put(Fields.PAY_TIME, KoreanTime.seconds(payment.payTime()));
        if (payment.instrument() == InstrumentType.CARD) {
            // Only an approved payment has a receipt to show; a link to none would 404.
            String receipt = payment.approved() ? baseUrl + "/receipt/" + payment.networkReference() : "";
            answer.put(Fields.PAY_CARDNAME, payment.institutionName())
                .put(Fields.PAY_CARDNUM, payment.maskedNumber())
                .put(Fields.PAY_CARDTRADENUM, payment.networkReference())
                .put(Fields.PAY_CARDAUTHNO, payment.approvalNumber())
                .put(Fields.PAY_CARDRECEIPT, receipt);
            if (payment.appCard() != null) {
                answer.put(Fields.CARD_VER, "02")
                    .put(Fields.PAY_CARDQUOTA, String.format("%02d", payment.appCard().installmentMonths()))
                    .put(Fields.PAY_METHOD,
                            payment.appCard().easyPay() == null ? "appCard" : payment.appCard().easyPay())
                    .put(Fields.EASY_PAY_METHOD, payment.appCard().easyPay());
            }
            if (legacyCardNames) {
                answer.put(Fields.LEGACY_CARDNAME, payment.institutionName())
                    .put(Fields.LEGACY_CARDNUM, payment.maskedNumber())
                    .put(Fields.LEGACY_CARDTRADENUM, payment.networkReference());
            }
        }
        else {
            answer.put(Fields.PAY_BANK, payment.institutionCode())
                .put(Fields.PAY_BANKNAME, payment.institutionName())
                .put(Fields.PAY_BANKNUM, payment.maskedNumber())
                .put(Fields.TAXSAVE_FLAG, payment.cashReceipt() ? "Y" : "N")
                .put(Fields.TAXSAVE_RST, payment.receipt() != null && payment.receipt().issued() ? "Y" : "N")
                .put(Fields.TAXSAVE_MGTNUM,
                        payment.receipt() != null && payment.receipt().issued() ? payment.receipt().number() : "");
        }
        if (payment.monthly()) {
            answer.put(Fields.REGULER_FLAG, "Y")
                .put(Fields.PAY_YEAR, payment.billingPeriod().getYear())
                .put(Fields.PAY_MONTH, String.format("%02d", payment.billingPeriod().getMonthValue()));
        }
        else {
            // An app-card payment is no billing-key (simple) payment.
            answer.put(Fields.SIMPLE_FLAG, payment.appCard() == null ? "Y" : "N");
        }
        return answer.put(Fields.USER_DEFINE1, payment.userDefine1()).put(Fields.USER_DEFINE2, payment.userDefine2());
    }

}
