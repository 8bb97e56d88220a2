package kr.gyeol.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kr.gyeol.protocol.Fields;

/**
 * Link payments (spec §1.11). Get it from {@link GyeolClient#links()}. Creating a link is
 * sent once: a link whose answer was lost may exist.
 */
public final class Links {

    private final Domestic domestic;

    Links(Domestic domestic) {
        this.domestic = domestic;
    }

    /**
     * Creates a link payment.
     * @throws InvalidRequestException when a field is refused
     */
    public PaymentLink create(LinkRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(Fields.PAY_WORK, "LINKREG");
        // Account first, as Payple's samples write it: "transfer|card".
        body.put(Fields.PAY_TYPE,
                request.payTypes()
                    .stream()
                    .sorted((a, b) -> b.compareTo(a))
                    .map(PayType::wire)
                    .collect(Collectors.joining("|")));
        body.put(Fields.PAY_GOODS, request.goods());
        body.put(Fields.PAY_TOTAL, Long.toString(request.amount()));
        if (request.cards() != null) {
            body.put(Fields.CARD_VER, request.cards().wire());
        }
        body.put(Fields.PAY_ISTAX, request.taxFree() ? "N" : "Y");
        if (request.vat() != null) {
            body.put(Fields.PAY_TAXTOTAL, request.vat().toString());
        }
        body.put(Fields.TAXSAVE_FLAG, request.cashReceipt() ? "Y" : "N");
        if (request.expiresOn() != null) {
            body.put(Fields.LINK_EXPIREDATE, WireText.day(request.expiresOn()));
        }
        Payments.putIfPresent(body, Fields.LINK_MEMO, request.memo());
        if (request.monthlyPeriod() != null) {
            body.put(Fields.REGULER_FLAG, "Y");
            body.put(Fields.PAY_YEAR, Integer.toString(request.monthlyPeriod().getYear()));
            body.put(Fields.PAY_MONTH, WireText.month(request.monthlyPeriod()));
        }
        Map<String, String> answer = this.domestic.once(Map.of(Fields.PAY_WORK, "LINKREG"), body, null);
        if (!"success".equalsIgnoreCase(answer.get(Fields.LINK_RST))) {
            throw Codes.refusal(answer.get(Fields.PAY_CODE),
                    answer.getOrDefault(Fields.LINK_MSG, answer.get(Fields.PAY_MSG)), null);
        }
        return new PaymentLink(answer.get(Fields.LINK_KEY), URI.create(answer.get(Fields.LINK_URL)),
                answer.get(Fields.PAY_GOODS), WireText.amount(answer.get(Fields.PAY_TOTAL)),
                WireText.day(answer.get(Fields.LINK_EXPIREDATE)), WireText.blankToNull(answer.get(Fields.LINK_MEMO)));
    }

}
