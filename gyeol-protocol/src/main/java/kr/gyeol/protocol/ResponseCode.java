package kr.gyeol.protocol;

/**
 * The catalogue of Payple response codes that Gyeol answers with (spec §2), each with its
 * literal wire message. Codes that Payple does not publish but Gyeol needs for a case
 * Payple leaves undocumented are marked {@code documented = false}; their family prefix
 * follows the operation's.
 */
public enum ResponseCode {

    // Partner authentication (§2.3).
    AUTH_SUCCESS("", "사용자 인증 완료!!", true), AUTH0001("AUTH0001", "가맹점 인증에 필요한 cst_id 를 확인해주세요.", true),
    AUTH0002("AUTH0002", "가맹점 인증에 필요한 custKey 를 확인해주세요.", true), AUTH0003("AUTH0003", "가맹점 계정이 존재하지 않습니다.", true),
    AUTH0004("AUTH0004", "접속하시는 서버의 도메인 확인이 필요합니다.", true), AUTH0005("AUTH0005", "TOKEN CREATE ERROR!!", true),

    // The payment window (§2.2, §2.3).
    WINDOW_SUCCESS("0000", "카드승인완료", true), CPCA0001("CPCA0001", "인증시간(3분)이 초과되었습니다. 다시 시도해주세요.", true),
    CPCA0002("CPCA0002", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true), CPCA0003("CPCA0003", "카드인증회원이 아닙니다.", true),
    CPCA0004("CPCA0004", "카드정보가 존재하지 않거나, 일치하지 않습니다.", true),
    CPCA0005("CPCA0005", "카드결제용 인증키 값이 존재하지 않거나, 일치하지 않습니다.", true), CPCA0010("CPCA0010", "카드승인 요청 실패!!", true),
    CPCA0201("CPCA0201", "이미 존재하는 거래입니다. 다시 시도해주세요.", true), CPCA9997("CPCA9997", "결제방식 오류", true),
    CPCA9999("CPCA9999", "카드결제 실패!!", true), PCCF0000("PCCF0000", "카드결제완료", true),

    // Payment records and lookups.
    CBIL0001("CBIL0001", "Wrong access attempt", true), CBIL0002("CBIL0002", "인증세션이 만료되었습니다. 다시 시도해주세요.", true),
    CBIL0003("CBIL0003", "결제내역이 존재하지 않습니다. 다시 시도해주세요.", true),
    // Printed with three digits in Payple's 2020 table; kept as printed.
    PCHK000("PCHK000", "조회완료", true),

    // Card billing-key payment (SimplePayCardAct).
    SPCD0000("SPCD0000", "카드결제완료", true), SPCD0001("SPCD0001", "결제용 KEY 값이 존재하지 않습니다.", true),
    SPCD0002("SPCD0002", "결제가능 최저금액은 100원 입니다.", true), SPCD0003("SPCD0003", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true),
    SPCD0004("SPCD0004", "인증세션이 만료되었습니다. 다시 시도해주세요.", true),
    SPCD0011("SPCD0011", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true),
    SPCD0012("SPCD0012", "결제 진행 중 오류가 발생하였습니다. 상점에 문의해주세요.", true),
    SPCD0014("SPCD0014", "이미 처리된 거래입니다. 다시 시도해주세요.", true), SPCD0018("SPCD0018", "카드결제 실패!!", true),
    SPCD1001("SPCD1001", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true),
    SPCD9991("SPCD9991", "가맹점 인증에 필요한 custKey 를 확인해주세요.", true),
    SPCD9998("SPCD9998", "정기결제(카드) 실패 : 잘못된 접근입니다.!!", true),
    SPCD9999("SPCD9999", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true),

    // Card billing-key payment with monthly duplicate prevention (RePayCardAct).
    RPCD0000("RPCD0000", "카드결제완료", false), RPCD0001("RPCD0001", "결제 진행 중 오류가 발생하였습니다. 다시 시도해주세요.", true),
    RPCD0002("RPCD0002", "결제가능 최저금액은 100원 입니다.", true), RPCD0003("RPCD0003", "결제상품명이 존재하지 않습니다.", true),
    RPCD0004("RPCD0004", "정기결제 년도(YYYY) 오류", true), RPCD0005("RPCD0005", "정기결제 월(MM) 오류", true),
    RPCD0006("RPCD0006", "인증세션이 만료되었습니다. 다시 시도해주세요.", true), RPCD0012("RPCD0012", "카드 인증정보를 찾을 수 없습니다.", true),
    RPCD0013("RPCD0013", "미인증 카드입니다.", true), RPCD0015("RPCD0015", "이미 처리된 거래입니다. 다시 시도해주세요.", true),
    RPCD0019("RPCD0019", "카드결제 실패!!", true), RPCD1001("RPCD1001", "카드승인 요청 실패!!", true),
    RPCD9991("RPCD9991", "가맹점 인증키 불일치", true), RPCD9998("RPCD9998", "정기결제(카드) 실패 : 잘못된 접근입니다.!!", true),
    RPCD9999("RPCD9999", "정기결제 카드결제 실패 : 결제자 정보를 바르게 입력하세요!!", true),

    // Account billing-key payment (SimplePayAct), 2018-era codes still used by Payple for
    // accounts.
    SPAY0000("SPAY0000", "출금이체완료", false), SPAY0001("SPAY0001", "인증실패 : MEM INFO ERROR", true),
    SPAY0005("SPAY0005", "등록된 계좌정보를 찾을 수 없습니다.", true),
    SPAY0011("SPAY0011", "출금이체 결과 미수신!! 결제결과 조회 API로 결과를 확인하세요.", true), SPAY0012("SPAY0012", "출금이체 실패!!", true),
    SPAY0013("SPAY0013", "계좌결제 가능 최저금액은 1,000원 입니다.", false), SPAY0014("SPAY0014", "결제상품명이 존재하지 않습니다.", false),
    SPAY0019("SPAY0019", "간편결제 출금이체 실패 : 잘못된 접근입니다.!!", true), SPAY9998("SPAY9998", "은행 점검시간입니다.", true),
    SPAY9999("SPAY9999", "출금이체 실패 : 결제정보를 바르게 입력하세요!!", false),

    // Account payment with monthly duplicate prevention (RePayAct).
    CPAY0000("CPAY0000", "출금이체완료", false), CPAY0004("CPAY0004", "정기결제 대상자 정보 없음!!", true),
    CPAY0018("CPAY0018", "출금이체 결과 미수신!! 결제결과 조회 API로 결과를 확인하세요.", true), CPAY0022("CPAY0022", "출금이체 실패!!", true),
    CPAY0202("CPAY0202", "이미 존재하는 거래입니다. 다시 시도해주세요.", true), CPAY9998("CPAY9998", "은행 점검시간입니다.", true),

    // REST billing-key registration (AUTHREG).
    CDAU0000("CDAU0000", "인증(등록)완료", true), CDAU0001("CDAU0001", "인증세션이 만료되었습니다. 다시 시도해주세요.", true),
    CDAU0002("CDAU0002", "카드번호를 바르게 입력하세요.", true), CDAU0007("CDAU0007", "카드 인증 실패", true),
    CDAU9991("CDAU9991", "가맹점 인증키 불일치", true), CDAU9998("CDAU9998", "카드 등록 실패 : 잘못된 접근입니다.!!", true),
    CDAU9999("CDAU9999", "인증 실패 : 카드정보를 바르게 입력하세요!!", true), CDAUCK01("CDAUCK01", "PCD_PAY_TYPE ERROR", true),
    CDAUCK02("CDAUCK02", "PCD_PAY_WORK ERROR", true), CDAUCK03("CDAUCK03", "PCD_PAYER_BIRTH ERROR", true),
    CDAUCK04("CDAUCK04", "PCD_PAY_CARDNUM ERROR", true),
    CDAUCK05("CDAUCK05", "PCD_PAY_CARDEXYEAR, PCD_PAY_CARDEXMONTH ERROR", true),
    CDAUCK06("CDAUCK06", "PCD_PAY_CARDPW ERROR", true),

    // Account registration with ARS (§2.4).
    ARSA0000("ARSA0000", "ARS 인증요청 완료", false), ARSA0001("ARSA0001", "ARS인증 - MEM ERROR", true),
    ARSA0006("ARSA0006", "계좌정보 또는 생년월일을 올바르게 입력해주세요.", true), ARSA0010("ARSA0010", "ARS 인증요청 실패", true),
    ARSA0011("ARSA0011", "ARS 인증번호가 일치하지 않습니다.", false), ARSA9998("ARSA9998", "은행 점검시간입니다.", true),

    // Cancel and refund (cPayCAct). Only PAYC0000 is published; the failure codes follow
    // the
    // numbering quoted in spec §2.5.
    PAYC0000("PAYC0000", "환불성공", true), PAYC0001("PAYC0001", "인증실패", false),
    PAYC0002("PAYC0002", "PCD_REFUND_KEY 오류", false), PAYC0003("PAYC0003", "환불요청 금액을 바르게 입력하세요.", false),
    PAYC0007("PAYC0007", "결제정보를 찾을 수 없거나 이미 취소된 거래입니다.", false), PAYC0011("PAYC0011", "환불가능금액을 초과하였습니다.", false),
    PAYC0012("PAYC0012", "카드사 승인취소 실패", false),

    // Billing-key lookup and revocation (cPayUserAct).
    PUSERINFO_SUCCESS("0000", "회원조회 성공", true), PUSER0000("PUSER0000", "해지완료", true),
    PUSER0001("PUSER0001", "등록된 결제수단이 존재하지 않습니다.", false), PUSER0002("PUSER0002", "이미 해지된 결제수단입니다.", false),

    // Cash receipts (tsAct). Payple publishes only the success messages; the codes are
    // Gyeol's.
    TSRG0000("TSRG0000", "현금영수증 발행 완료", false), TSRG0001("TSRG0001", "인증실패", false),
    TSRG0002("TSRG0002", "결제내역이 존재하지 않습니다.", false), TSRG0003("TSRG0003", "계좌 결제만 현금영수증을 발행할 수 있습니다.", false),
    TSRG0004("TSRG0004", "PCD_PAYER_ID가 결제의 결제수단과 다릅니다.", false), TSRG0005("TSRG0005", "이미 발행된 현금영수증이 있습니다.", false),
    TSRG0006("TSRG0006", "발행 금액을 바르게 입력하세요.", false), TSCC0000("TSCC0000", "현금영수증 발행취소 완료", false),
    TSCC0001("TSCC0001", "발행된 현금영수증이 없습니다.", false),

    // Link payments (LinkRegAct). Payple answers PCD_LINK_RST / PCD_LINK_MSG and
    // publishes only the success message; the codes are Gyeol's.
    LINK0000("LINK0000", "링크생성완료", false), LINK0001("LINK0001", "인증실패", false),
    LINK0002("LINK0002", "상품명(PCD_PAY_GOODS)을 입력하세요.", false),
    LINK0003("LINK0003", "결제금액(PCD_PAY_TOTAL)을 확인하세요.", false),
    LINK0004("LINK0004", "결제수단(PCD_PAY_TYPE, PCD_CARD_VER)을 확인하세요.", false),
    LINK0005("LINK0005", "링크 만료일(PCD_LINK_EXPIREDATE)을 확인하세요.", false),
    LINK0006("LINK0006", "정기결제(PCD_REGULER_FLAG)를 확인하세요.", false),

    // Gyeol's lockout after repeated wrong credentials (no Payple counterpart).
    AUTH9999("AUTH9999", "인증 실패가 반복되어 잠시 차단되었습니다. 잠시 후 다시 시도하세요.", false),

    // Idempotency-Key, Gyeol's extension beside the order id (no Payple counterpart).
    IDEM0001("IDEM0001", "Idempotency-Key는 255자 이하의 인쇄 가능한 ASCII 문자여야 합니다.", false),
    IDEM0002("IDEM0002", "같은 Idempotency-Key로 다른 요청이 이미 처리되었습니다.", false),
    IDEM0003("IDEM0003", "같은 Idempotency-Key의 요청이 아직 처리 중입니다. 결과를 조회하거나 잠시 후 다시 시도하세요.", false);

    private final String code;

    private final String message;

    private final boolean documented;

    ResponseCode(String code, String message, boolean documented) {
        this.code = code;
        this.message = message;
        this.documented = documented;
    }

    /** The code as it appears on the wire, e.g. {@code SPCD0014}. */
    public String code() {
        return code;
    }

    /** The literal message Payple answers with. */
    public String message() {
        return message;
    }

    /**
     * Whether Payple publishes this code; the others are Gyeol's for undocumented cases.
     */
    public boolean documented() {
        return documented;
    }

}
