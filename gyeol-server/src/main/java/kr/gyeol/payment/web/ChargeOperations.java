package kr.gyeol.payment.web;

import java.time.YearMonth;
import java.util.OptionalLong;
import java.util.Set;

import kr.gyeol.network.DeclineReason;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.payment.ChargeRejected;
import kr.gyeol.payment.ChargeRequest;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.OrderId;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.web.WireFields;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * Billing-key REST payments (spec §1.6, §1.7): {@code SimplePayCardAct},
 * {@code RePayCardAct}, {@code SimplePayAct} and {@code RePayAct}. Each speaks its own
 * code family.
 */
@Component
class ChargeOperations extends PartnerOperation {

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

    private final PaymentService payments;

    ChargeOperations(PartnerAuthentication authentication, PaymentService payments) {
        super(authentication);
        this.payments = payments;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.SIMPLE_PAY_CARD, Endpoint.MONTHLY_PAY_CARD, Endpoint.SIMPLE_PAY_ACCOUNT,
                Endpoint.MONTHLY_PAY_ACCOUNT);
    }

    /**
     * The key is spent with the PENDING payment (or before a refusal): one commit fewer
     * per charge.
     */
    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return PartnerCalls.Envelope.spentByWork(Operation.valueOf(endpoint.name()), refusals(codes(endpoint)));
    }

    private static PartnerCalls.Refusals refusals(Codes codes) {
        return new PartnerCalls.Refusals(codes.sessionExpired(), codes.wrongAccess(), ResponseCode.AUTH0001,
                codes.wrongSecret());
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return unreadable(request, endpoint, codes(endpoint)).echo(request, ECHOED);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, ECHOED);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        Codes codes = codes(endpoint);
        PartnerCalls.Refusals refusals = refusals(codes);
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
            WireResponse refusal = request.has(Fields.PAY_TOTAL) ? WireResponse.error(codes.amount(), AMOUNT_FORMAT)
                    : WireResponse.error(codes.amount());
            return PartnerCalls.refuse(call, refusal, refusals).echo(request, ECHOED);
        }
        Long vat = null;
        if (request.has(Fields.PAY_TAXTOTAL)) {
            OptionalLong given = WireValues.amount(request.get(Fields.PAY_TAXTOTAL));
            if (given.isEmpty()) {
                return PartnerCalls.refuse(call, WireResponse.error(codes.amount(), VAT_FORMAT), refusals)
                    .echo(request, ECHOED);
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
            WireResponse refusal = switch (e.reason()) {
                case BILLING_KEY_NOT_FOUND -> WireResponse.error(codes.keyNotFound());
                case BILLING_KEY_REVOKED -> WireResponse.error(codes.keyRevoked(), KEY_REVOKED);
                case BILLING_KEY_OF_OTHER_TYPE ->
                    WireResponse.error(codes.keyRevoked(), card ? KEY_NOT_A_CARD : KEY_NOT_AN_ACCOUNT);
                case AMOUNT_BELOW_MINIMUM -> WireResponse.error(codes.amount());
                case GOODS_MISSING -> WireResponse.error(codes.goods());
                case VAT_ABOVE_AMOUNT -> WireResponse.error(codes.amount(), VAT_FORMAT);
                case DUPLICATE_ORDER_ID -> WireResponse.error(codes.duplicate());
                case ALREADY_CHARGED_THIS_MONTH -> WireResponse.error(monthCodes.duplicate());
            };
            return PartnerCalls.refuse(call, refusal, refusals).echo(request, ECHOED);
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
                yield decline.reason() == DeclineReason.BANK_MAINTENANCE ? WireResponse.error(codes.maintenance())
                        : WireResponse.institutionError(codes.declined(), call.testMode(), decline.institutionCode(),
                                decline.institutionMessage());
            }
            // Still unknown (or pending when a reconciler holds it): the partner must
            // look it up, not retry.
            case UNKNOWN, PENDING -> WireResponse.error(codes.unknown());
        };
    }

    private static final String AMOUNT_FORMAT = "PCD_PAY_TOTAL은 숫자(0-9)만으로 10자리까지 보내주세요 (쉼표, 소수점, 공백 없이).";

    private static final String VAT_FORMAT = "PCD_PAY_TAXTOTAL은 숫자(0-9)만으로, 결제금액 이하로 보내주세요.";

    /** A revoked key's own message (issue 27); the code stays the endpoint's. */
    private static final String KEY_REVOKED = "해지된 결제수단입니다. PCD_PAYER_ID를 다시 등록한 뒤 결제해 주세요.";

    private static final String KEY_NOT_A_CARD = "PCD_PAYER_ID는 카드가 아닌 결제수단입니다. PCD_PAY_TYPE을 확인해 주세요.";

    private static final String KEY_NOT_AN_ACCOUNT = "PCD_PAYER_ID는 계좌가 아닌 결제수단입니다. PCD_PAY_TYPE을 확인해 주세요.";

    /**
     * A request with a field the parser could not take (a NUL, over 4,096 characters, an
     * array or object), answered before the AuthKey is looked at, with the code of the
     * first such field that has one of its own.
     */
    private static WireResponse unreadable(WireRequest request, Endpoint endpoint, Codes codes) {
        Codes monthCodes = endpoint == Endpoint.SIMPLE_PAY_CARD || endpoint == Endpoint.MONTHLY_PAY_CARD ? MONTHLY_CARD
                : MONTHLY_ACCOUNT;
        if (request.unreadableBody()) {
            return WireResponse.error(codes.generic());
        }
        java.util.SortedSet<String> fields = new java.util.TreeSet<>(request.malformedFields());
        for (String field : fields) {
            WireResponse answer = switch (field) {
                case Fields.CST_ID, Fields.CUST_KEY -> WireResponse.error(codes.wrongSecret());
                case Fields.AUTH_KEY_FIELD -> WireResponse.error(codes.sessionExpired());
                case Fields.PAY_TOTAL -> WireResponse.error(codes.amount(), AMOUNT_FORMAT);
                case Fields.PAY_TAXTOTAL -> WireResponse.error(codes.amount(), VAT_FORMAT);
                case Fields.PAYER_ID -> WireResponse.error(codes.keyMissing());
                case Fields.PAY_GOODS -> WireResponse.error(codes.goods());
                case Fields.PAY_YEAR -> WireResponse.error(monthCodes.year());
                case Fields.PAY_MONTH -> WireResponse.error(monthCodes.month());
                default -> null;
            };
            if (answer != null) {
                return answer;
            }
        }
        String field = fields.first();
        return WireResponse.error(codes.generic(), field + " 값을 읽을 수 없습니다: NUL 문자, 4,096자를 넘는 값, 배열이나 객체는 받지 않습니다.");
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
