package kr.gyeol.link.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import kr.gyeol.link.LinkService;
import kr.gyeol.link.PaymentLink;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.ChargeRules;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.Money;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.WireFields;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * Link creation, {@code LinkRegAct.php?ACT_=LINKREG} (spec §1.11). It answers in
 * {@code PCD_LINK_RST} / {@code PCD_LINK_MSG}; errors also carry the usual
 * {@code PCD_PAY_RST} / {@code PCD_PAY_CODE}.
 */
@Component
class LinkRegisterOperation extends PartnerOperation {

    /** Without {@code PCD_LINK_EXPIREDATE} a link can be paid for this many days. */
    static final int DEFAULT_DAYS = 30;

    private static final String[] ECHOED = { Fields.PAY_TYPE, Fields.PAY_GOODS, Fields.PAY_TOTAL, Fields.LINK_MEMO };

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.LINK0001,
            ResponseCode.CBIL0001, ResponseCode.LINK0001, ResponseCode.LINK0001);

    private final LinkService links;

    LinkRegisterOperation(PartnerAuthentication authentication, LinkService links) {
        super(authentication);
        this.links = links;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.LINK_REGISTER);
    }

    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.of(Operation.LINK_REGISTER, REFUSALS);
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return error(failure(endpoint), request);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return error(refusal, request);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        List<PaymentLink.Method> methods = methods(request.get(Fields.PAY_TYPE), request.get(Fields.CARD_VER));
        if (methods == null) {
            return error(WireResponse.error(ResponseCode.LINK0004), request);
        }
        String goods = request.get(Fields.PAY_GOODS);
        if (goods == null || goods.isBlank()) {
            return error(WireResponse.error(ResponseCode.LINK0002), request);
        }
        OptionalLong amount = WireValues.amount(request.get(Fields.PAY_TOTAL));
        long minimum = ChargeRules.domesticMinimum(
                methods.contains(PaymentLink.Method.BANK_ACCOUNT) ? InstrumentType.BANK_ACCOUNT : InstrumentType.CARD);
        if (amount.isEmpty() || amount.getAsLong() < minimum) {
            return error(WireResponse.error(ResponseCode.LINK0003), request);
        }
        boolean taxable = !WireValues.isNo(request.get(Fields.PAY_ISTAX));
        Money vat = null;
        if (taxable && request.has(Fields.PAY_TAXTOTAL)) {
            OptionalLong given = WireValues.amount(request.get(Fields.PAY_TAXTOTAL));
            if (given.isEmpty() || given.getAsLong() > amount.getAsLong()) {
                return error(WireResponse.error(ResponseCode.LINK0003), request);
            }
            vat = Money.won(given.getAsLong());
        }
        LocalDate expiresOn = expiry(request.get(Fields.LINK_EXPIREDATE));
        if (expiresOn == null || expiresOn.isBefore(this.links.today())) {
            return error(WireResponse.error(ResponseCode.LINK0005), request);
        }
        YearMonth period = null;
        if (WireValues.isYes(request.get(Fields.REGULER_FLAG))) {
            WireFields.BillingPeriod read = WireFields.billingPeriod(request);
            // Monthly duplicate prevention needs a billing key, which an app card never
            // makes.
            if (!read.valid() || methods.contains(PaymentLink.Method.APP_CARD)) {
                return error(WireResponse.error(ResponseCode.LINK0006), request);
            }
            period = read.period();
        }
        PaymentLink link = this.links.create(new PaymentLink(null, call.partnerId(), null, methods, goods,
                Money.won(amount.getAsLong()), taxable, vat, WireValues.isYes(request.get(Fields.TAXSAVE_FLAG)),
                request.get(Fields.LINK_MEMO), period, expiresOn, null));
        WireResponse answer = new WireResponse().put(Fields.LINK_RST, "success")
            .put(Fields.LINK_MSG, ResponseCode.LINK0000.message())
            .put(Fields.PAY_TYPE, payTypes(link))
            .put(Fields.PAY_GOODS, link.goods())
            .put(Fields.PAY_TOTAL, link.amount())
            .put(Fields.PAY_ISTAX, link.taxable() ? "Y" : "N")
            .put(Fields.PAY_TAXTOTAL, link.vat())
            .put(Fields.TAXSAVE_FLAG, link.cashReceipt() ? "Y" : "N")
            .put(Fields.TAXSAVE_RST, "N")
            .put(Fields.LINK_EXPIREDATE, link.expiresOn().format(DateTimeFormatter.BASIC_ISO_DATE))
            .put(Fields.LINK_MEMO, link.memo())
            .put(Fields.LINK_KEY, link.key())
            .put(Fields.LINK_URL, request.baseUrl() + "/link/" + link.key());
        if (methods.contains(PaymentLink.Method.CARD) || methods.contains(PaymentLink.Method.APP_CARD)) {
            answer.put(Fields.CARD_VER, cardVersion(link));
        }
        if (period != null) {
            answer.put(Fields.REGULER_FLAG, "Y")
                .put(Fields.PAY_YEAR, period.getYear())
                .put(Fields.PAY_MONTH, String.format("%02d", period.getMonthValue()));
        }
        return answer;
    }

    /** An error in the link's own result fields beside the usual ones. */
    private static WireResponse error(WireResponse error, WireRequest request) {
        return error.put(Fields.LINK_RST, "error")
            .put(Fields.LINK_MSG, error.get(Fields.PAY_MSG))
            .echo(request, ECHOED);
    }

    /**
     * {@code card}, {@code transfer} or both ({@code transfer|card}); a card link is card
     * billing ({@code 01}, the default), app card ({@code 02}) or both ({@code 01+02}).
     * Null when a value is not one of those.
     */
    static List<PaymentLink.Method> methods(String payTypes, String cardVersion) {
        if (payTypes == null || payTypes.isBlank()) {
            return null;
        }
        List<PaymentLink.Method> methods = new ArrayList<>();
        for (String type : payTypes.trim().toLowerCase(Locale.ROOT).split("[|,\\s]+")) {
            switch (type) {
                case "card" -> {
                    String version = cardVersion == null || cardVersion.isBlank() ? "01" : cardVersion.trim();
                    switch (version) {
                        case "01" -> methods.add(PaymentLink.Method.CARD);
                        case "02" -> methods.add(PaymentLink.Method.APP_CARD);
                        case "01+02", "01|02", "01,02" -> {
                            methods.add(PaymentLink.Method.CARD);
                            methods.add(PaymentLink.Method.APP_CARD);
                        }
                        default -> {
                            return null;
                        }
                    }
                }
                case "transfer" -> methods.add(PaymentLink.Method.BANK_ACCOUNT);
                default -> {
                    return null;
                }
            }
        }
        return methods.stream().distinct().toList();
    }

    /**
     * {@code YYYYMMDD} or {@code YYYY-MM-DD}; absent is {@value #DEFAULT_DAYS} days from
     * today.
     */
    private LocalDate expiry(String value) {
        if (value == null || value.isBlank()) {
            return this.links.today().plusDays(DEFAULT_DAYS);
        }
        try {
            return LocalDate.parse(value.trim().replace("-", ""), DateTimeFormatter.BASIC_ISO_DATE);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String payTypes(PaymentLink link) {
        boolean card = link.methods().contains(PaymentLink.Method.CARD)
                || link.methods().contains(PaymentLink.Method.APP_CARD);
        boolean account = link.methods().contains(PaymentLink.Method.BANK_ACCOUNT);
        return card && account ? "transfer|card" : card ? "card" : "transfer";
    }

    private static String cardVersion(PaymentLink link) {
        boolean billing = link.methods().contains(PaymentLink.Method.CARD);
        boolean app = link.methods().contains(PaymentLink.Method.APP_CARD);
        return billing && app ? "01+02" : app ? "02" : "01";
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(ResponseCode.LINK0001);
    }

}
