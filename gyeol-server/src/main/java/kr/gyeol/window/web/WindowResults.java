package kr.gyeol.window.web;

import java.time.Instant;

import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.web.PaymentAnswers;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.HolderType;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowRequest;
import kr.gyeol.window.WindowSession;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * The result fields of a window run (spec §3.4), mapped once from its outcome; their
 * texts are in {@code messages/window.properties}.
 */
@Component
class WindowResults {

    private final WindowMessages messages;

    WindowResults(WindowMessages messages) {
        this.messages = messages;
    }

    WireResponse of(WindowOutcome outcome, WindowSession session, String baseUrl, Instant now) {
        WindowRequest request = session.request();
        return switch (outcome) {
            case WindowOutcome.Registered registered ->
                request(key(success(registered.key().type() == InstrumentType.CARD ? "window.result.registered.card"
                        : "window.result.registered.account"), registered.key())
                    .put(Fields.PAY_TIME, KoreanTime.seconds(now)), session, baseUrl);
            case WindowOutcome.Charged charged -> charged(charged.payment(), session, baseUrl);
            case WindowOutcome.AwaitingConfirmation awaiting -> request(awaiting.key() != null
                    ? key(success(awaiting.key().type() == InstrumentType.CARD ? "window.result.authenticated.card"
                            : "window.result.authenticated.account"), awaiting.key())
                    : appCard(success("window.result.authenticated.card"), awaiting.appCard()), session, baseUrl)
                .put(Fields.AUTH_KEY_FIELD, awaiting.confirmation().authKey())
                .put(Fields.PAY_REQKEY, awaiting.requestKey())
                .put(Fields.PAY_COFURL,
                        baseUrl + (session.request().instrument() == InstrumentType.CARD
                                ? Endpoint.CARD_CONFIRM.payUrl() : Endpoint.ACCOUNT_CONFIRM.payUrl()))
                .put(Fields.PAY_TIME, KoreanTime.seconds(now));
            // Never delivered: the controller asks again while tries are left.
            case WindowOutcome.WrongPassword wrong ->
                request(error(ResponseCode.CPCA0004, "window.result.wrong-password"), session, baseUrl);
            case WindowOutcome.WrongArsNumber wrong ->
                request(error(ResponseCode.ARSA0011, "window.result.wrong-ars"), session, baseUrl);
            case WindowOutcome.Refused refused ->
                request(refusal(refused, session.request().testMode()), session, baseUrl);
        };
    }

    /** The customer closed the window. */
    WireResponse closed(WindowSession session) {
        return new WireResponse().put(Fields.PAY_RST, "close")
            .put(Fields.PAY_MSG, this.messages.get("window.result.closed"))
            .put(Fields.PAY_TYPE, payType(session.request()))
            .put(Fields.PAY_WORK, session.request().work().name())
            .put(Fields.PAY_OID, session.request().orderId());
    }

    private WireResponse charged(Payment payment, WindowSession session, String baseUrl) {
        WireResponse answer = switch (payment.status()) {
            case APPROVED -> success(payment.instrument() == InstrumentType.CARD ? "window.result.approved"
                    : "window.result.approved.account");
            case DECLINED -> WireResponse.institutionError(ResponseCode.CPCA9999, session.request().testMode(),
                    payment.decline().institutionCode(), payment.decline().institutionMessage());
            case UNKNOWN, PENDING -> WireResponse.error(ResponseCode.CPCA0010);
        };
        if (payment.instrument() == InstrumentType.CARD) {
            answer.put(Fields.CARD_VER, "01").put(Fields.PAY_CARDQUOTA, "00");
        }
        // An app-card payment overwrites the card version and installments with its own.
        PaymentAnswers.describe(answer, payment, baseUrl, true);
        return flags(answer.put(Fields.PAY_WORK, session.request().work().name())
            .put(Fields.PAY_AMOUNT, payment.amount())
            .put(Fields.PAY_DISCOUNT, 0)
            .put(Fields.PAY_AMOUNT_REAL, payment.amount())
            .put(Fields.PAY_HOST, baseUrl), session.request());
    }

    private WireResponse success(String message) {
        return WireResponse.success(ResponseCode.WINDOW_SUCCESS).put(Fields.PAY_MSG, this.messages.get(message));
    }

    /** An error answer with one of the window's own texts. */
    WireResponse error(ResponseCode code, String message) {
        return WireResponse.error(code, this.messages.get(message));
    }

    private static WireResponse key(WireResponse answer, BillingKey key) {
        answer.put(Fields.PAYER_ID, key.id());
        if (key.type() == InstrumentType.CARD) {
            return answer.put(Fields.PAY_CARDNAME, key.institutionName()).put(Fields.PAY_CARDNUM, key.maskedNumber());
        }
        return answer.put(Fields.PAY_BANK, key.institutionCode())
            .put(Fields.PAY_BANKNAME, key.institutionName())
            .put(Fields.PAY_BANKNUM, key.maskedNumber())
            // The window result says personal / company, unlike PUSERINFO's 개인 / 법인 (spec
            // §9).
            .put(Fields.PAY_BANKACCTYPE, key.holderType() == HolderType.CORPORATE ? "company" : "personal");
    }

    /**
     * The card approved in an app: no billing key, the issuer, installments and wallet.
     */
    private static WireResponse appCard(WireResponse answer, AppCardCharge appCard) {
        return answer.put(Fields.PAYER_ID, "")
            .put(Fields.PAY_CARDNAME, appCard.institutionName())
            .put(Fields.PAY_CARDNUM, appCard.maskedNumber())
            .put(Fields.PAY_CARDQUOTA, String.format("%02d", appCard.installmentMonths()))
            .put(Fields.PAY_METHOD, appCard.easyPay() == null ? "appCard" : appCard.easyPay())
            .put(Fields.EASY_PAY_METHOD, appCard.easyPay());
    }

    /** The request's own fields, echoed in every result. */
    private static WireResponse request(WireResponse answer, WindowSession session, String baseUrl) {
        WindowRequest request = session.request();
        answer.put(Fields.PAY_TYPE, payType(request)).put(Fields.PAY_WORK, request.work().name());
        if (request.instrument() == InstrumentType.CARD) {
            answer.put(Fields.CARD_VER, request.appCard() ? "02" : "01");
        }
        answer.put(Fields.PAY_HOST, baseUrl)
            .put(Fields.PAY_OID, request.orderId())
            .put(Fields.PAYER_NO, request.payer().number())
            .put(Fields.PAYER_NAME, request.payer().name())
            .put(Fields.PAYER_HP, request.payer().phone())
            .put(Fields.PAYER_EMAIL, request.payer().email())
            .put(Fields.PAY_GOODS, request.goods())
            .put(Fields.USER_DEFINE1, request.userDefine1())
            .put(Fields.USER_DEFINE2, request.userDefine2());
        if (request.amount() != null) {
            answer.put(Fields.PAY_TOTAL, request.amountDue())
                .put(Fields.PAY_AMOUNT, request.amountDue())
                .put(Fields.PAY_ISTAX, request.taxable() ? "Y" : "N");
        }
        return flags(answer, request);
    }

    /**
     * The flags every window result carries (spec §3.4): the monthly fields, blank when
     * unused, and {@code PCD_SIMPLE_FLAG=Y} only when the page asked for it.
     */
    private static WireResponse flags(WireResponse answer, WindowRequest request) {
        if (request.billingPeriod() != null) {
            answer.put(Fields.REGULER_FLAG, "Y")
                .put(Fields.PAY_YEAR, request.billingPeriod().getYear())
                .put(Fields.PAY_MONTH, String.format("%02d", request.billingPeriod().getMonthValue()));
        }
        else {
            answer.put(Fields.REGULER_FLAG, "").put(Fields.PAY_YEAR, "").put(Fields.PAY_MONTH, "");
        }
        if (request.setsPassword() || request.passwordPayment()) {
            return answer.put(Fields.SIMPLE_FLAG, "Y");
        }
        // A payment's own description says Y for any billing-key payment; the window says
        // it only when asked (an app card's N stays).
        return "Y".equals(answer.get(Fields.SIMPLE_FLAG)) ? answer.remove(Fields.SIMPLE_FLAG) : answer;
    }

    private static String payType(WindowRequest request) {
        return request.instrument() == InstrumentType.CARD ? "card" : "transfer";
    }

    private WireResponse refusal(WindowOutcome.Refused refused, boolean testMode) {
        return refusal(refused.reason(), testMode, refused.institutionCode(), refused.institutionMessage());
    }

    /** The error answer for a window refused before it opened. */
    WireResponse refusal(WindowOutcome.Reason reason, boolean testMode) {
        return refusal(reason, testMode, null, null);
    }

    private WireResponse refusal(WindowOutcome.Reason reason, boolean testMode, String institutionCode,
            String institutionMessage) {
        return switch (reason) {
            case SESSION_EXPIRED -> WireResponse.error(ResponseCode.CPCA0001);
            case ALREADY_PROCESSED, DUPLICATE_ORDER_ID -> WireResponse.error(ResponseCode.CPCA0201);
            case INVALID_BIRTH_DATE -> WireResponse.error(ResponseCode.CDAUCK03);
            case INVALID_CARD_NUMBER -> WireResponse.error(ResponseCode.CDAUCK04);
            case INVALID_EXPIRY -> WireResponse.error(ResponseCode.CDAUCK05);
            case INVALID_PIN -> WireResponse.error(ResponseCode.CDAUCK06);
            case CARD_NOT_VERIFIED ->
                WireResponse.institutionError(ResponseCode.CDAU0007, testMode, institutionCode, institutionMessage);
            case ALREADY_CHARGED_THIS_MONTH -> WireResponse.error(ResponseCode.RPCD0015);
            case AMOUNT_BELOW_MINIMUM -> WireResponse.error(ResponseCode.SPCD0002);
            case GOODS_MISSING -> WireResponse.error(ResponseCode.SPCD0003);
            case INVALID_VAT -> WireResponse.error(ResponseCode.CPCA9999);
            case INVALID_ACCOUNT -> WireResponse.error(ResponseCode.ARSA0006);
            case BANK_MAINTENANCE -> WireResponse.error(ResponseCode.ARSA9998);
            case ARS_MISMATCH -> WireResponse.error(ResponseCode.ARSA0011);
            case INVALID_APP_CARD -> WireResponse.error(ResponseCode.CPCA0004);
            case KEY_NOT_FOUND -> WireResponse.error(ResponseCode.CPCA0003);
            case KEY_REVOKED -> WireResponse.error(ResponseCode.CPCA0002);
            case KEY_OF_OTHER_TYPE -> error(ResponseCode.CPCA9997, "window.result.key-of-other-type");
            case PASSWORD_NOT_SET -> error(ResponseCode.CPCA0003, "window.result.password-not-set");
            case PASSWORD_LOCKED -> error(ResponseCode.CPCA0004, "window.result.password-locked");
            case INVALID_INSTALLMENTS -> error(ResponseCode.CPCA9999, "window.result.invalid-installments");
        };
    }

}
