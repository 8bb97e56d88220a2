package kr.gyeol.window;

import java.util.Locale;
import java.util.Optional;

/**
 * How an app-card window lets the customer pay ({@code PCD_PAY_METHOD}): a card company's
 * own app, or an easy-pay wallet.
 */
public enum AppMethod {

    APP_CARD("appCard", "카드사 앱카드"), KAKAO_PAY("kakaoPay", "카카오페이"), NAVER_PAY("naverPay", "네이버페이");

    private final String wireName;

    private final String label;

    AppMethod(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The value Payple's samples send in {@code PCD_PAY_METHOD}. */
    public String wireName() {
        return this.wireName;
    }

    public String label() {
        return this.label;
    }

    /**
     * A {@code PCD_PAY_METHOD} value: Payple's {@code appCard}, {@code kakaoPay},
     * {@code naverPay}, and the {@code card}, {@code kakao}, {@code naver} of a
     * third-party summary (spec §9 lists both), in any case.
     */
    public static Optional<AppMethod> of(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "appcard", "card" -> Optional.of(APP_CARD);
            case "kakaopay", "kakao" -> Optional.of(KAKAO_PAY);
            case "naverpay", "naver" -> Optional.of(NAVER_PAY);
            default -> Optional.empty();
        };
    }

}
