package kr.gyeol.payment.web;

import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.web.WireFields;
import java.time.YearMonth;
import java.util.OptionalLong;
import java.util.Set;
import kr.gyeol.web.PaymentAnswers;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.web.PartnerCalls;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.web.PaypleOperation;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import org.springframework.stereotype.Component;

/**
 * Billing-key REST payments (spec §1.6, §1.7): {@code SimplePayCardAct},
 * {@code RePayCardAct}, {@code SimplePayAct} and {@code RePayAct}. Each speaks its own
 * code family.
 */
@Component
class ChargeOperations implements PaypleOperation {

    /** One endpoint's response codes. */
    private record Codes(ResponseCode success, ResponseCode sessionExpired, ResponseCode wrongAccess,
            ResponseCode wrongSecret, ResponseCode keyMissing, ResponseCode keyNotFound, ResponseCode keyRevoked,
            ResponseCode amount, ResponseCode goods, ResponseCode duplicate, ResponseCode declined,
            ResponseCode unknown, ResponseCode maintenance, ResponseCode year, ResponseCode month,
            ResponseCode generic) {
    }

    private static final Codes SIMPLE_CARD = new Codes(ResponseCode.SPCD0000, ResponseCode.SPCD0004,
            ResponseCode.SPCD9998, ResponseCode.SPCD9991, ResponseCode.SPCD0001, ResponseCode.SPCD0011,
            ResponseCode.SPCD0012, ResponseCode.SPCD0002, ResponseCode.SPCD0003, ResponseCode.SPCD0014,
            ResponseCode.SPCD0018, ResponseCode.SPCD1001, ResponseCode.SPCD0018, ResponseCode.SPCD9999,
            ResponseCode.SPCD9999, ResponseCode.SPCD9999);

    private static final Codes MONTHLY_CARD = new Codes(ResponseCode.RPCD0000, ResponseCode.RPCD0006,
            ResponseCode.RPCD9998, ResponseCode.RPCD9991, ResponseCode.RPCD0001, ResponseCode.RPCD0012,
            ResponseCode.RPCD0013, ResponseCode.RPCD0002, ResponseCode.RPCD0003, ResponseCode.RPCD0015,
            ResponseCode.RPCD0019, ResponseCode.RPCD1001, ResponseCode.RPCD0019, ResponseCode.RPCD0004,
            ResponseCode.RPCD0005, ResponseCode.RPCD9999);

    private static final Codes SIMPLE_ACCOUNT = new Codes(ResponseCode.SPAY0000, ResponseCode.SPAY0001,
            ResponseCode.SPAY0019, ResponseCode.SPAY0001, ResponseCode.SPAY0005, ResponseCode.SPAY0005,
            ResponseCode.SPAY0005, ResponseCode.SPAY0013, ResponseCode.SPAY0014, ResponseCode.CPAY0202,
            ResponseCode.SPAY0012, ResponseCode.SPAY0011, ResponseCode.SPAY9998, ResponseCode.SPAY9999,
            ResponseCode.SPAY9999, ResponseCode.SPAY9999);

    private static final Codes MONTHLY_ACCOUNT = new Codes(ResponseCode.CPAY0000, ResponseCode.SPAY0001,
            ResponseCode.SPAY0019, ResponseCode.SPAY0001, ResponseCode.CPAY0004, ResponseCode.CPAY0004,
            ResponseCode.CPAY0004, ResponseCode.SPAY0013, ResponseCode.SPAY0014, ResponseCode.CPAY0202,
            ResponseCode.CPAY0022, ResponseCode.CPAY0018, ResponseCode.CPAY9998, ResponseCode.SPAY9999,
            ResponseCode.SPAY9999, ResponseCode.SPAY9999);

    private static final String[] ECHOED = { Fields.PAY_OID, Fields.PAY_TYPE, Fields.PAYER_NO, Fields.PAYER_ID,
            Fields.PAYER_NAME, Fields.PAYER_HP, Fields.PAYER_EMAIL, Fields.PAY_GOODS, Fields.PAY_TOTAL,
            Fields.PAY_TAXTOTAL, Fields.PAY_ISTAX, Fields.USER_DEFINE1, Fields.USER_DEFINE2 };

    private final PartnerAuthentication authentication;

    private final PaymentService payments;

    ChargeOperations(PartnerAuthentication authentication, PaymentService payments) {
        this.authentication = authentication;
        this.payments = payments;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.SIMPLE_PAY_CARD, Endpoint.MONTHLY_PAY_CARD, Endpoint.SIMPLE_PAY_ACCOUNT,
                Endpoint.MONTHLY_PAY_ACCOUNT);
    }

    @Override
    public WireResponse handle(WireRequest request, Endpoint endpoint) {
        Codes codes = codes(endpoint);
        if (request.isMalformed()) {
            return WireResponse.error(codes.generic()).echo(request, ECHOED);
        }
        PartnerCalls.Refusals refusals = new PartnerCalls.Refusals(codes.sessionExpired(), codes.wrongAccess(),
                ResponseCode.AUTH0001, codes.wrongSecret());
        // The key is spent with the PENDING payment (or before a refusal): one commit
        // fewer per charge.
        PartnerCalls.Checked checked = PartnerCalls.authorizeDeferred(authentication, request,
                Operation.valueOf(endpoint.name()), refusals);
        if (checked.refused()) {
            return checked.refusal().echo(request, ECHOED);
        }
        return charge(request, endpoint, codes, checked.call(), refusals);
    }

    private WireResponse charge(WireRequest request, Endpoint endpoint, Codes codes, AuthorizedCall call,
            PartnerCalls.Refusals refusals) {
        boolean card = endpoint == Endpoint.SIMPLE_PAY_CARD || endpoint == Endpoint.MONTHLY_PAY_CARD;
        // A SimplePay body may ask for the monthly rule too (pages that authenticated
        // with PCD_SIMPLE_FLAG and send PCD_REGULER_FLAG=Y with the month): it is
        // applied, with RePay's codes for the month.
        boolean monthly = endpoint == Endpoint.MONTHLY_PAY_CARD || endpoint == Endpoint.MONTHLY_PAY_ACCOUNT
                || WireValues.isYes(request.first(Fields.REGULER_FLAG, Fields.REGULAR_FLAG_TYPO));
        Codes monthCodes = card ? MONTHLY_CARD : MONTHLY_ACCOUNT;
        String payType = WireValues.lower(request.get(Fields.PAY_TYPE));
        if (!payType.isEmpty() && !payType.equals(card ? "card" : "transfer")) {
            return PartnerCalls.refuse(call, WireResponse.error(codes.wrongAccess()), refusals).echo(request, ECHOED);
        }
        String billingKey = request.get(Fields.PAYER_ID);
        if (billingKey == null) {
            return PartnerCalls.refuse(call, WireResponse.error(codes.keyMissing()), refusals).echo(request, ECHOED);
        }
        OptionalLong amount = WireValues.amount(request.get(Fields.PAY_TOTAL));
        if (amount.isEmpty()) {
            return PartnerCalls.refuse(call, WireResponse.error(codes.amount()), refusals).echo(request, ECHOED);
        }
        Long vat = null;
        if (request.has(Fields.PAY_TAXTOTAL)) {
            OptionalLong given = WireValues.amount(request.get(Fields.PAY_TAXTOTAL));
            if (given.isEmpty()) {
                return PartnerCalls.refuse(call, WireResponse.error(codes.generic()), refusals).echo(request, ECHOED);
            }
            vat = given.getAsLong();
        }
        YearMonth period = null;
        if (monthly) {
            WireFields.BillingPeriod read = WireFields.billingPeriod(request);
            if (!read.valid()) {
                return PartnerCalls
                    .refuse(call, WireResponse.error(read.invalid() == WireFields.BillingPeriod.Invalid.YEAR
                            ? monthCodes.year() : monthCodes.month()), refusals)
                    .echo(request, ECHOED);
            }
            period = read.period();
        }
        ChargeRequest charge = ChargeRequest.ofBillingKey(call.partnerId(), BillingKeyId.of(billingKey),
                card ? InstrumentType.CARD : InstrumentType.BANK_ACCOUNT,
                OrderId.ofNullable(request.get(Fields.PAY_OID)), amount.getAsLong(), vat,
                !WireValues.isNo(request.get(Fields.PAY_ISTAX)), request.get(Fields.PAY_GOODS),
                WireFields.payer(request), request.get(Fields.USER_DEFINE1), request.get(Fields.USER_DEFINE2), period,
                WireValues.isYes(request.get(Fields.TAXSAVE_FLAG)), request.get(Fields.TAXSAVE_TRADE),
                request.get(Fields.TAXSAVE_IDNUM));
        Payment payment;
        try {
            payment = payments.charge(charge, call.use());
        }
        catch (SingleUse.AlreadySpent e) {
            return PartnerCalls.spent(refusals).echo(request, ECHOED);
        }
        catch (ChargeRejected e) {
            return PartnerCalls.refuse(call, WireResponse.error(switch (e.reason()) {
                case BILLING_KEY_NOT_FOUND -> codes.keyNotFound();
                case BILLING_KEY_REVOKED, BILLING_KEY_OF_OTHER_TYPE -> codes.keyRevoked();
                case AMOUNT_BELOW_MINIMUM -> codes.amount();
                case GOODS_MISSING -> codes.goods();
                case VAT_ABOVE_AMOUNT -> codes.generic();
                case DUPLICATE_ORDER_ID -> codes.duplicate();
                case ALREADY_CHARGED_THIS_MONTH -> monthCodes.duplicate();
            }), refusals).echo(request, ECHOED);
        }
        return PaymentAnswers.describe(answer(payment, codes, call), payment, request.baseUrl(), false);
    }

    private static WireResponse answer(Payment payment, Codes codes, AuthorizedCall call) {
        return switch (payment.status()) {
            case APPROVED -> WireResponse.success(codes.success());
            case DECLINED -> {
                Payment.Decline decline = payment.decline();
                // Banks answer maintenance with Payple's own code and message, not an
                // institution code.
                yield "BANK_MAINTENANCE".equals(decline.reason()) ? WireResponse.error(codes.maintenance())
                        : WireResponse.institutionError(codes.declined(), call.testMode(), decline.institutionCode(),
                                decline.institutionMessage());
            }
            // Still unknown (or pending when a reconciler holds it): the partner must
            // look it up, not retry.
            case UNKNOWN, PENDING -> WireResponse.error(codes.unknown());
        };
    }

    private static Codes codes(Endpoint endpoint) {
        return switch (endpoint) {
            case SIMPLE_PAY_CARD -> SIMPLE_CARD;
            case MONTHLY_PAY_CARD -> MONTHLY_CARD;
            case SIMPLE_PAY_ACCOUNT -> SIMPLE_ACCOUNT;
            case MONTHLY_PAY_ACCOUNT -> MONTHLY_ACCOUNT;
            default -> throw new IllegalArgumentException("Not a charge endpoint: " + endpoint);
        };
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return WireResponse.error(codes(endpoint).generic());
    }

    @Override
    public WireResponse unknownOutcome(Endpoint endpoint) {
        return WireResponse.error(codes(endpoint).unknown());
    }

}
