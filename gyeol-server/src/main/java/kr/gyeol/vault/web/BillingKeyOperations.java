package kr.gyeol.vault.web;

import java.util.Set;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.partner.web.PartnerOperation;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.shared.Payer;
import kr.gyeol.shared.SingleUse;
import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.HolderType;
import kr.gyeol.vault.Masking;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;
import kr.gyeol.web.WireFields;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;

import org.springframework.stereotype.Component;

/**
 * The billing-key endpoints: REST registration ({@code AUTHREG}, spec §1.13; a card in
 * one step, a bank account in two with ARS), lookup ({@code PUSERINFO}) and revocation
 * ({@code PUSERDEL}, §1.10).
 */
@Component
class BillingKeyOperations extends PartnerOperation {

    private final Vault vault;

    BillingKeyOperations(PartnerAuthentication authentication, Vault vault) {
        super(authentication);
        this.vault = vault;
    }

    @Override
    public Set<Endpoint> endpoints() {
        return Set.of(Endpoint.REGISTER, Endpoint.REGISTER_ACCOUNT_CONFIRM, Endpoint.BILLING_KEY_INFO,
                Endpoint.BILLING_KEY_REVOKE);
    }

    /** A registration spends its key with the key it stores (or before a refusal). */
    @Override
    protected PartnerCalls.Envelope envelope(Endpoint endpoint) {
        return endpoint == Endpoint.REGISTER ? PartnerCalls.Envelope.spentByWork(Operation.REGISTER, refusals(endpoint))
                : PartnerCalls.Envelope.of(Operation.valueOf(endpoint.name()), refusals(endpoint));
    }

    @Override
    protected WireResponse malformed(WireRequest request, Endpoint endpoint) {
        return failure(endpoint).echo(request, Fields.PAY_TYPE, Fields.PAY_WORK, Fields.PAYER_ID);
    }

    @Override
    protected WireResponse refused(WireResponse refusal, WireRequest request, Endpoint endpoint) {
        return refusal.echo(request, Fields.PAY_TYPE, Fields.PAY_WORK, Fields.PAYER_ID, Fields.PAYER_NO);
    }

    @Override
    protected WireResponse answer(AuthorizedCall call, WireRequest request, Endpoint endpoint) {
        try {
            return switch (endpoint) {
                case REGISTER -> register(request, call);
                case REGISTER_ACCOUNT_CONFIRM -> confirmAccount(request, call);
                case BILLING_KEY_INFO -> info(request, call);
                case BILLING_KEY_REVOKE -> revoke(request, call);
                default -> throw new IllegalArgumentException("Not a billing-key endpoint: " + endpoint);
            };
        }
        catch (RegistrationRejected e) {
            return PartnerCalls.refuse(call, rejected(endpoint, e, call), refusals(endpoint))
                .echo(request, Fields.PAY_TYPE, Fields.PAY_WORK, Fields.PAYER_ID, Fields.PAYER_NO);
        }
        catch (SingleUse.AlreadySpent e) {
            return PartnerCalls.spent(refusals(endpoint))
                .echo(request, Fields.PAY_TYPE, Fields.PAY_WORK, Fields.PAYER_ID, Fields.PAYER_NO);
        }
    }

    private WireResponse register(WireRequest request, AuthorizedCall call) {
        String payType = WireValues.lower(request.get(Fields.PAY_TYPE));
        if (!payType.equals("card") && !payType.equals("transfer")) {
            return PartnerCalls.refuse(call, WireResponse.error(ResponseCode.CDAUCK01), refusals(Endpoint.REGISTER));
        }
        if (!"AUTHREG".equalsIgnoreCase(request.get(Fields.PAY_WORK))) {
            return PartnerCalls.refuse(call, WireResponse.error(ResponseCode.CDAUCK02), refusals(Endpoint.REGISTER));
        }
        Payer payer = payer(request);
        if (payType.equals("transfer")) {
            return startAccount(request, call, payer);
        }
        BillingKey key = vault.registerCard(call.partnerId(),
                new CardRegistration(WireValues.digits(request.get(Fields.PAY_CARDNUM)),
                        request.get(Fields.PAY_CARDEXYEAR), request.get(Fields.PAY_CARDEXMONTH),
                        WireValues.digits(request.get(Fields.PAYER_BIRTH)), request.get(Fields.PAY_CARDPW), payer),
                call.use());
        return keyAnswer(WireResponse.success(ResponseCode.CDAU0000), key)
            .put(Fields.CST_ID, request.get(Fields.CST_ID))
            .put(Fields.PAY_WORK, "AUTHREG")
            .put(Fields.REGULER_FLAG, WireValues.isYes(request.get(Fields.REGULER_FLAG)) ? "Y" : "N");
    }

    private WireResponse startAccount(WireRequest request, AuthorizedCall call, Payer payer) {
        HolderType holder = holderType(request.get(Fields.PAY_BANKACCTYPE));
        String identity = holder == HolderType.CORPORATE && request.has(Fields.PAYER_CORPNUM)
                ? request.get(Fields.PAYER_CORPNUM) : request.get(Fields.PAYER_BIRTH);
        PendingAccountRegistration pending = vault.startAccountRegistration(call.partnerId(),
                new AccountRegistration(request.get(Fields.PAY_BANK),
                        WireValues.digits(request.get(Fields.PAY_BANKNUM)), WireValues.digits(identity), holder, payer),
                call.use());
        IssuedSession confirmation = authentication().issueFollowUp(call, Operation.REGISTER_ACCOUNT_CONFIRM,
                pending.id());
        String url = Endpoint.REGISTER_ACCOUNT_CONFIRM.payUrl();
        return WireResponse.success(ResponseCode.ARSA0000)
            .put(Fields.PAY_TYPE, "transfer")
            .put(Fields.PAY_WORK, "AUTHREG")
            .put(Fields.AUTH_NUM, pending.id())
            .put(Fields.AUTH_REQNUM, pending.requestNumber())
            .put(Fields.PAY_BANK, pending.bankCode())
            .put(Fields.PAY_BANKNAME, pending.bankName())
            .put(Fields.PAY_BANKNUM, pending.maskedNumber())
            .put(Fields.PAYER_NO, payer.number())
            .put(Fields.PAYER_NAME, payer.name())
            .put(Fields.CST_ID, confirmation.partnerToken())
            .put(Fields.CUST_KEY, confirmation.secretToken())
            .put(Fields.AUTH_KEY_FIELD, confirmation.authKey())
            .put(Fields.AUTH_KEY, confirmation.authKey())
            .put(Fields.PAY_HOST, request.baseUrl())
            .put(Fields.PAY_URL, url)
            .put(Fields.RETURN_URL, request.baseUrl() + url);
    }

    private WireResponse confirmAccount(WireRequest request, AuthorizedCall call) {
        String registrationId = request.get(Fields.AUTH_NUM);
        if (registrationId == null || !registrationId.equals(call.context())) {
            return WireResponse.error(ResponseCode.ARSA0001);
        }
        BillingKey key = vault.confirmAccountRegistration(call.partnerId(), registrationId,
                request.get(Fields.AUTH_REQNUM), request.get(Fields.AUTH_CODE_FIELD));
        return keyAnswer(WireResponse.success(ResponseCode.CDAU0000), key).put(Fields.PAY_WORK, "AUTHREG");
    }

    private WireResponse info(WireRequest request, AuthorizedCall call) {
        BillingKey key = ownKey(request, call);
        if (key.status() != kr.gyeol.vault.BillingKeyStatus.ACTIVE) {
            throw new RegistrationRejected(RegistrationRejected.Reason.KEY_REVOKED);
        }
        WireResponse answer = key.type() == InstrumentType.CARD ? WireResponse.success(ResponseCode.PUSERINFO_SUCCESS)
                : new WireResponse().put(Fields.PAY_RST, "success")
                    .put(Fields.PAY_CODE, ResponseCode.PUSERINFO_SUCCESS.code())
                    .put(Fields.PAY_MSG, "계좌조회 성공");
        answer.put(Fields.PAY_WORK, "PUSERINFO");
        keyAnswer(answer, key);
        if (key.type() == InstrumentType.CARD) {
            answer.put(Fields.PAY_ISTAX, "Y");
        }
        return answer;
    }

    private WireResponse revoke(WireRequest request, AuthorizedCall call) {
        BillingKey key = ownKey(request, call);
        vault.revoke(call.partnerId(), key.id());
        return WireResponse.success(ResponseCode.PUSER0000)
            .put(Fields.PAY_MSG, key.type() == InstrumentType.CARD ? "카드해지완료" : "계좌해지완료")
            .put(Fields.PAY_TYPE, payType(key))
            .put(Fields.PAY_WORK, "PUSERDEL")
            .put(Fields.PAYER_ID, key.id())
            .put(Fields.PAYER_NO, key.payer().number());
    }

    private BillingKey ownKey(WireRequest request, AuthorizedCall call) {
        String id = request.get(Fields.PAYER_ID);
        if (id == null) {
            throw new RegistrationRejected(RegistrationRejected.Reason.KEY_NOT_FOUND);
        }
        BillingKey key = vault.find(call.partnerId(), BillingKeyId.of(id));
        String payerNumber = request.get(Fields.PAYER_NO);
        if (payerNumber != null && key.payer().number() != null && !payerNumber.equals(key.payer().number())) {
            throw new RegistrationRejected(RegistrationRejected.Reason.KEY_NOT_FOUND);
        }
        return key;
    }

    /** The fields describing a key, shared by registration and lookup answers. */
    static WireResponse keyAnswer(WireResponse answer, BillingKey key) {
        answer.put(Fields.PAY_TYPE, payType(key))
            .put(Fields.PAY_BANKACCTYPE, key.holderType() == HolderType.CORPORATE ? "법인" : "개인")
            .put(Fields.PAYER_ID, key.id())
            .put(Fields.PAYER_NO, key.payer().number())
            .put(Fields.PAYER_NAME, key.payer().name())
            .put(Fields.PAYER_HP, Masking.phone(key.payer().phone()))
            .put(Fields.PAYER_EMAIL, key.payer().email());
        if (key.type() == InstrumentType.CARD) {
            answer.put(Fields.PAY_CARD, key.institutionCode())
                .put(Fields.PAY_CARDNAME, key.institutionName())
                .put(Fields.PAY_CARDNUM, key.maskedNumber());
        }
        else {
            answer.put(Fields.PAY_BANK, key.institutionCode())
                .put(Fields.PAY_BANKNAME, key.institutionName())
                .put(Fields.PAY_BANKNUM, key.maskedNumber());
        }
        return answer;
    }

    private static String payType(BillingKey key) {
        return key.type() == InstrumentType.CARD ? "card" : "transfer";
    }

    private static Payer payer(WireRequest request) {
        return WireFields.payer(request);
    }

    private static HolderType holderType(String value) {
        String type = WireValues.lower(value);
        return switch (type) {
            case "corporate", "company", "법인" -> HolderType.CORPORATE;
            default -> HolderType.PERSONAL;
        };
    }

    private static PartnerCalls.Refusals refusals(Endpoint endpoint) {
        return switch (endpoint) {
            case REGISTER -> new PartnerCalls.Refusals(ResponseCode.CDAU0001, ResponseCode.CDAU9998,
                    ResponseCode.CDAU9991, ResponseCode.CDAU9991);
            case REGISTER_ACCOUNT_CONFIRM -> new PartnerCalls.Refusals(ResponseCode.ARSA0001, ResponseCode.CDAU9998,
                    ResponseCode.CDAU9991, ResponseCode.CDAU9991);
            default -> new PartnerCalls.Refusals(ResponseCode.CBIL0002, ResponseCode.CBIL0001, ResponseCode.AUTH0001,
                    ResponseCode.AUTH0002);
        };
    }

    private static WireResponse rejected(Endpoint endpoint, RegistrationRejected rejection, AuthorizedCall call) {
        return switch (rejection.reason()) {
            case INVALID_BIRTH_DATE -> WireResponse.error(ResponseCode.CDAUCK03);
            case INVALID_CARD_NUMBER -> WireResponse.error(ResponseCode.CDAUCK04);
            case INVALID_EXPIRY -> WireResponse.error(ResponseCode.CDAUCK05);
            case INVALID_PIN -> WireResponse.error(ResponseCode.CDAUCK06);
            case CARD_NOT_VERIFIED -> WireResponse.institutionError(ResponseCode.CDAU0007, call.testMode(),
                    rejection.institutionCode(), rejection.institutionMessage());
            case INVALID_ACCOUNT -> WireResponse.error(ResponseCode.ARSA0006);
            case BANK_MAINTENANCE -> WireResponse.error(ResponseCode.ARSA9998);
            case REGISTRATION_NOT_FOUND -> WireResponse.error(ResponseCode.ARSA0001);
            case CONFIRMATION_MISMATCH -> WireResponse.error(ResponseCode.ARSA0011);
            case KEY_NOT_FOUND, KEY_OF_OTHER_TYPE -> WireResponse.error(ResponseCode.PUSER0001);
            case KEY_REVOKED -> WireResponse.error(ResponseCode.PUSER0002);
        };
    }

    @Override
    public WireResponse failure(Endpoint endpoint) {
        return switch (endpoint) {
            case REGISTER -> WireResponse.error(ResponseCode.CDAU9999);
            case REGISTER_ACCOUNT_CONFIRM -> WireResponse.error(ResponseCode.ARSA0010);
            default -> WireResponse.error(ResponseCode.CBIL0001);
        };
    }

}
