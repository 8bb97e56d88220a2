package kr.gyeol.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Card companies by number prefix and banks by code (spec §4.10). The card table is the
 * simulator's own: real issuer ranges (BINs) are licensed data, so Gyeol maps first
 * digits to plausible Korean issuers and documents the table.
 */
public final class Institutions {

    /** A card company or bank. */
    public record Institution(String code, String name) {
    }

    private static final Map<String, Institution> CARD_PREFIXES = new LinkedHashMap<>();

    private static final Map<String, String> BANKS = new LinkedHashMap<>();

    static {
        // Longest prefixes first.
        CARD_PREFIXES.put("9410", new Institution("0200", "BC카드"));
        CARD_PREFIXES.put("37", new Institution("0600", "롯데AMX카드"));
        CARD_PREFIXES.put("35", new Institution("0300", "삼성카드"));
        CARD_PREFIXES.put("36", new Institution("0500", "현대카드"));
        CARD_PREFIXES.put("9", new Institution("0200", "BC카드"));
        CARD_PREFIXES.put("4", new Institution("0400", "신한카드"));
        CARD_PREFIXES.put("5", new Institution("0100", "KB국민카드"));
        CARD_PREFIXES.put("6", new Institution("0700", "NH채움카드"));
        CARD_PREFIXES.put("3", new Institution("0300", "삼성카드"));
        CARD_PREFIXES.put("2", new Institution("0800", "하나카드"));
        CARD_PREFIXES.put("1", new Institution("0900", "우리카드"));

        BANKS.put("004", "국민은행");
        BANKS.put("011", "농협");
        BANKS.put("088", "신한은행");
        BANKS.put("020", "우리은행");
        BANKS.put("003", "기업은행");
        BANKS.put("081", "KEB하나은행");
        BANKS.put("071", "우체국");
        BANKS.put("045", "새마을금고");
        BANKS.put("031", "대구은행");
        BANKS.put("034", "광주은행");
        BANKS.put("039", "경남은행");
        BANKS.put("002", "산업은행");
        BANKS.put("048", "신협");
        BANKS.put("007", "수협");
        BANKS.put("032", "부산은행");
    }

    private Institutions() {
    }

    public static Institution cardIssuer(String cardNumber) {
        for (Map.Entry<String, Institution> entry : CARD_PREFIXES.entrySet()) {
            if (cardNumber.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return new Institution("0900", "우리카드");
    }

    /** Every card company of the table, once each, as an app-card window lists them. */
    public static java.util.List<Institution> cardCompanies() {
        return CARD_PREFIXES.values()
            .stream()
            .distinct()
            .sorted(java.util.Comparator.comparing(Institution::code))
            .toList();
    }

    /** Every bank Gyeol knows, in the order of spec §4.10. */
    public static java.util.List<Institution> banks() {
        return BANKS.entrySet().stream().map((bank) -> new Institution(bank.getKey(), bank.getValue())).toList();
    }

    public static Optional<Institution> bank(String code) {
        return Optional.ofNullable(BANKS.get(code)).map(name -> new Institution(code, name));
    }

}
