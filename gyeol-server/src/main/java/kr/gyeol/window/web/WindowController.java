package kr.gyeol.window.web;

import kr.gyeol.payment.ChargeRules;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.web.WireFields;
import java.net.URI;
import java.text.NumberFormat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.link.LinkService;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.web.PartnerCalls;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.HolderType;
import kr.gyeol.vault.InstrumentType;
import kr.gyeol.vault.Institutions;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Payer;
import kr.gyeol.vault.PaymentPasswords;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import kr.gyeol.window.AppMethod;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowRequest;
import kr.gyeol.window.WindowService;
import kr.gyeol.window.WindowSession;
import kr.gyeol.window.WindowWork;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The payment window pages (spec §1.4): the entry that the SDK's form POST opens, the
 * card form, and the result page that hands Payple's result fields back to the partner's
 * page.
 */
@Controller
class WindowController {

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.CPCA0005,
            ResponseCode.CBIL0001, ResponseCode.AUTH0001, ResponseCode.AUTH0002);

    private final PartnerAuthentication authentication;

    private final WindowService windows;

    private final LenientBodyParser parser;

    private final java.time.Clock clock;

    WindowController(PartnerAuthentication authentication, WindowService windows, LenientBodyParser parser,
            java.time.Clock clock) {
        this.clock = clock;
        this.authentication = authentication;
        this.windows = windows;
        this.parser = parser;
    }

    @PostMapping(path = { "/index.php", "/php/PayAct.php" })
    ModelAndView open(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        String resultUrl = resultUrl(request.get(Fields.RST_URL), request.get(Fields.HTTP_REFERER),
                servletRequest.getHeader("Referer"));
        String shopOrigin = origin(resultUrl != null ? resultUrl : request.get(Fields.HTTP_REFERER) != null
                ? request.get(Fields.HTTP_REFERER) : servletRequest.getHeader("Referer"));
        if (request.isMalformed()) {
            return result(WireResponse.error(ResponseCode.CPCA9997), request, resultUrl, shopOrigin);
        }
        PartnerCalls.Checked checked = PartnerCalls.authorize(this.authentication, request, Operation.PAYMENT_WINDOW,
                REFUSALS);
        if (checked.refused()) {
            return result(checked.refusal(), request, resultUrl, shopOrigin);
        }
        String payType = WireValues.lower(request.get(Fields.PAY_TYPE));
        String cardVersion = request.get(Fields.CARD_VER) == null ? "01" : request.get(Fields.CARD_VER).trim();
        WindowWork work = work(request.get(Fields.PAY_WORK));
        boolean card = payType.equals("card") && cardVersion.equals("01");
        boolean appCard = payType.equals("card") && cardVersion.equals("02");
        // Payple's password simple-pay: PCD_SIMPLE_FLAG=Y (or PCD_PAYER_AUTHTYPE=pwd)
        // with
        // a PCD_PAYER_ID asks for the password and charges that key; without one, the
        // registration sets a password.
        boolean simple = WireValues.isYes(request.get(Fields.SIMPLE_FLAG))
                || "pwd".equalsIgnoreCase(String.valueOf(request.get(Fields.PAYER_AUTHTYPE)).trim());
        String passwordKeyId = simple && !appCard ? request.get(Fields.PAYER_ID) : null;
        // Bank-account billing registers (AUTH) or authenticates for confirmation (CERT);
        // a password re-payment, and a link's own page, may also charge an account at
        // once.
        String context = checked.call().context();
        boolean fromLink = context != null && context.startsWith(LinkService.CONTEXT_PREFIX);
        boolean account = payType.equals("transfer") && (work != WindowWork.PAY || passwordKeyId != null || fromLink);
        if (work == null || !(card || appCard || account) || passwordKeyId != null && work == WindowWork.AUTH) {
            return result(WireResponse.error(ResponseCode.CPCA9997,
                    "결제방식 오류: 이 결제창은 카드 빌링(PCD_CARD_VER=01)의 AUTH, CERT, PAY, 앱카드(PCD_CARD_VER=02)의 PAY, CERT, 계좌의 AUTH, CERT와 비밀번호 간편결제의 PAY, CERT를 지원합니다."),
                    request, resultUrl, shopOrigin);
        }
        List<AppMethod> appMethods = null;
        if (appCard) {
            if (work == WindowWork.AUTH || WireValues.isYes(request.get(Fields.REGULER_FLAG))) {
                // Spec §3.2: an app card returns no billing key, so it cannot be
                // registered
                // or deduplicated by month.
                return result(WireResponse.error(ResponseCode.CPCA9997,
                        "결제방식 오류: 앱카드 결제(PCD_CARD_VER=02)는 빌링키를 만들지 않으므로 등록(AUTH)과 정기결제(PCD_REGULER_FLAG)를 지원하지 않습니다."),
                        request, resultUrl, shopOrigin);
            }
            appMethods = appMethods(request.get(Fields.PAY_METHOD));
            if (appMethods == null) {
                return result(
                        WireResponse.error(ResponseCode.CPCA9997,
                                "결제방식 오류: PCD_PAY_METHOD는 appCard, kakaoPay, naverPay 중에서 지정해 주세요."),
                        request, resultUrl, shopOrigin);
            }
        }
        OptionalLong amount = WireValues.amount(request.get(Fields.PAY_TOTAL));
        if (work != WindowWork.AUTH) {
            if (amount.isEmpty() || amount.getAsLong() < ChargeRules
                .domesticMinimum(card || appCard ? InstrumentType.CARD : InstrumentType.BANK_ACCOUNT)) {
                return result(WireResponse.error(ResponseCode.SPCD0002), request, resultUrl, shopOrigin);
            }
            if (request.get(Fields.PAY_GOODS) == null) {
                return result(WireResponse.error(ResponseCode.SPCD0003), request, resultUrl, shopOrigin);
            }
        }
        YearMonth period = null;
        if (WireValues.isYes(request.get(Fields.REGULER_FLAG))) {
            WireFields.BillingPeriod read = WireFields.billingPeriod(request);
            if (!read.valid()) {
                return result(WireResponse.error(read.invalid() == WireFields.BillingPeriod.Invalid.YEAR
                        ? ResponseCode.RPCD0004 : ResponseCode.RPCD0005), request, resultUrl, shopOrigin);
            }
            period = read.period();
        }
        InstrumentType instrument = card || appCard ? InstrumentType.CARD : InstrumentType.BANK_ACCOUNT;
        if (passwordKeyId != null) {
            WindowOutcome.Reason refusal = this.windows
                .passwordPaymentRefusal(checked.call().partnerId(), BillingKeyId.of(passwordKeyId), instrument)
                .orElse(null);
            if (refusal != null) {
                return result(WindowResults.refusal(refusal, checked.call().testMode()), request, resultUrl,
                        shopOrigin);
            }
        }
        OptionalLong vat = WireValues.amount(request.get(Fields.PAY_TAXTOTAL));
        WindowSession session = this.windows.open(checked.call(), new WindowRequest(checked.call().testMode(),
                instrument, work, request.get(Fields.PAY_OID), work == WindowWork.AUTH ? null : amount.getAsLong(),
                vat.isPresent() ? vat.getAsLong() : null, !WireValues.isNo(request.get(Fields.PAY_ISTAX)),
                request.get(Fields.PAY_GOODS), WireFields.payer(request), request.get(Fields.USER_DEFINE1),
                request.get(Fields.USER_DEFINE2), period, resultUrl, shopOrigin, appMethods, passwordKeyId,
                simple && passwordKeyId == null && !appCard, WireValues.isYes(request.get(Fields.TAXSAVE_FLAG))));
        return form(session, null);
    }

    /** The window's first page for its kind, with an error to show or null. */
    private ModelAndView form(WindowSession session, String error) {
        WindowRequest request = session.request();
        boolean card = request.instrument() == InstrumentType.CARD;
        Map<String, Object> model = new HashMap<>();
        model.put("id", session.id());
        model.put("title", card ? (request.work() == WindowWork.AUTH ? "카드 등록" : "카드 결제")
                : (request.work() == WindowWork.AUTH ? "계좌 등록" : "계좌 결제"));
        model.put("action", request.work() == WindowWork.AUTH ? (card ? "카드 등록하기" : "계좌 등록하기") : "결제하기");
        model.put("test", request.testMode());
        model.put("setsPassword", request.setsPassword());
        model.put("error", error);
        if (request.amount() != null) {
            model.put("amount", NumberFormat.getIntegerInstance(Locale.KOREA).format(request.amount()));
            model.put("goods", request.goods());
        }
        if (request.passwordPayment()) {
            model.put("key", this.windows.passwordKey(session));
            return new ModelAndView("window/password", model);
        }
        if (request.appCard()) {
            model.put("providers", this.windows.appProviders(request));
            model.put("installments", installmentOptions(request));
            model.put("email", request.payer().email() == null ? "" : request.payer().email());
            return new ModelAndView("window/app-card", model);
        }
        if (!card) {
            model.put("banks", Institutions.banks());
            return new ModelAndView("window/account", model);
        }
        return new ModelAndView("window/card", model);
    }

    /** Password re-payment: the customer typed the payment password. */
    @PostMapping("/window/{id}/password")
    ModelAndView submitPassword(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        WindowOutcome outcome = this.windows.payWithPassword(id, form.get("password"), form.refererHost());
        if (outcome instanceof WindowOutcome.WrongPassword wrong) {
            return form(session, "비밀번호가 일치하지 않습니다. " + wrong.triesLeft() + "번 더 틀리면 간편결제가 잠깁니다.");
        }
        return result(WindowResults.of(outcome, session, form.baseUrl(), this.clock.instant()), null,
                session.request().resultUrl(), session.request().shopOrigin());
    }

    /**
     * The password a registering window asks for, when it asks: null when it does not,
     * else the password, or an error message to show.
     */
    private static String passwordError(WindowSession session, WireRequest form) {
        if (!session.request().setsPassword()) {
            return null;
        }
        String password = form.get("password");
        if (!PaymentPasswords.isValid(password)) {
            return "간편결제 비밀번호는 숫자 6자리로 입력해 주세요.";
        }
        if (!password.equals(form.get("passwordConfirm"))) {
            return "간편결제 비밀번호 확인이 일치하지 않습니다.";
        }
        return null;
    }

    /**
     * App card, step 1 done: the customer chose a card company or wallet and the
     * installments; the simulated app shows its cards.
     */
    @PostMapping("/window/{id}/app")
    ModelAndView openApp(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.findOpen(id).orElse(null);
        if (session == null || !session.request().appCard()) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        WindowService.AppProvider provider = this.windows.appProvider(session.request(), form.get("provider"))
            .orElse(null);
        OptionalInt installments = WireValues.integer(form.get("installments"), 0, 36);
        if (provider == null || installments.isEmpty()
                || !WindowService.installmentChoices(session.request()).contains(installments.getAsInt())) {
            return result(WindowResults.of(
                    new WindowOutcome.Refused(provider == null ? WindowOutcome.Reason.INVALID_APP_CARD
                            : WindowOutcome.Reason.INVALID_INSTALLMENTS, null, null),
                    session, form.baseUrl(), this.clock.instant()), null, session.request().resultUrl(),
                    session.request().shopOrigin());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("provider", provider);
        model.put("cards", this.windows.appCards(provider));
        model.put("installments", installments.getAsInt());
        model.put("installmentLabel", installmentLabel(installments.getAsInt()));
        model.put("amount", NumberFormat.getIntegerInstance(Locale.KOREA).format(session.request().amount()));
        model.put("goods", session.request().goods());
        model.put("test", session.request().testMode());
        return new ModelAndView("window/app-approve", model);
    }

    /** App card, step 2: the customer approved a card in the app. */
    @PostMapping("/window/{id}/app/approve")
    ModelAndView approveInApp(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        OptionalInt installments = WireValues.integer(form.get("installments"), 0, 36);
        WindowOutcome outcome = this.windows.approveInApp(id, form.get("provider"), form.get("card"),
                installments.orElse(-1), form.refererHost());
        return result(WindowResults.of(outcome, session, form.baseUrl(), this.clock.instant()), null,
                session.request().resultUrl(), session.request().shopOrigin());
    }

    private static List<Map<String, Object>> installmentOptions(WindowRequest request) {
        return WindowService.installmentChoices(request)
            .stream()
            .map((months) -> Map.<String, Object>of("value", months, "label", installmentLabel(months)))
            .toList();
    }

    private static String installmentLabel(int months) {
        return months == 0 ? "일시불" : months + "개월";
    }

    /**
     * {@code PCD_PAY_METHOD}: absent offers every way; otherwise one or more values,
     * separated by commas, bars or spaces. Null when a value is unknown.
     */
    static List<AppMethod> appMethods(String value) {
        if (value == null || value.isBlank()) {
            return List.of(AppMethod.values());
        }
        List<AppMethod> methods = new ArrayList<>();
        for (String part : value.split("[,|\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            AppMethod method = AppMethod.of(part).orElse(null);
            if (method == null) {
                return null;
            }
            if (!methods.contains(method)) {
                methods.add(method);
            }
        }
        return methods.isEmpty() ? List.of(AppMethod.values()) : methods;
    }

    @PostMapping("/window/{id}/account")
    ModelAndView submitAccount(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.findOpen(id).orElse(null);
        if (session == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        PendingAccountRegistration pending;
        try {
            pending = this.windows
                .startAccount(id,
                        new AccountRegistration(form.get("bank"), WireValues.digits(form.get("accountNumber")),
                                WireValues.digits(form.get("birth")),
                                "corporate".equals(form.get("holderType")) ? HolderType.CORPORATE : HolderType.PERSONAL,
                                session.request().payer()))
                .orElse(null);
        }
        catch (RegistrationRejected ex) {
            WindowOutcome.Reason reason = ex.reason() == RegistrationRejected.Reason.BANK_MAINTENANCE
                    ? WindowOutcome.Reason.BANK_MAINTENANCE : WindowOutcome.Reason.INVALID_ACCOUNT;
            return result(WindowResults.of(new WindowOutcome.Refused(reason, null, null), session, form.baseUrl(),
                    this.clock.instant()), null, session.request().resultUrl(), session.request().shopOrigin());
        }
        if (pending == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, session.request().resultUrl(),
                    session.request().shopOrigin());
        }
        return arsPage(session, pending, null);
    }

    private static ModelAndView arsPage(WindowSession session, PendingAccountRegistration pending, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", session.id());
        model.put("bankName", pending.bankName());
        model.put("maskedNumber", pending.maskedNumber());
        model.put("requestNumber", pending.requestNumber());
        model.put("test", session.request().testMode());
        model.put("setsPassword", session.request().setsPassword());
        model.put("error", error);
        return new ModelAndView("window/ars", model);
    }

    @PostMapping("/window/{id}/ars")
    ModelAndView confirmArs(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        String passwordError = passwordError(session, form);
        if (passwordError != null) {
            PendingAccountRegistration pending = this.windows.pendingAccount(session).orElse(null);
            if (pending != null && this.windows.findOpen(id).isPresent()) {
                return arsPage(session, pending, passwordError);
            }
        }
        WindowOutcome outcome = this.windows.confirmAccount(id, form.get("code"), form.get("password"),
                form.refererHost());
        return result(WindowResults.of(outcome, session, form.baseUrl(), this.clock.instant()), null,
                session.request().resultUrl(), session.request().shopOrigin());
    }

    @PostMapping("/window/{id}/card")
    ModelAndView submitCard(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
        }
        String passwordError = passwordError(session, form);
        if (passwordError != null && this.windows.findOpen(id).isPresent()) {
            return form(session, passwordError);
        }
        WindowOutcome outcome = this.windows.submitCard(id,
                new CardRegistration(WireValues.digits(form.get("cardNumber")), form.get("expiryYear"),
                        form.get("expiryMonth"), WireValues.digits(form.get("birth")), form.get("pin"),
                        session.request().payer()),
                form.get("password"), form.refererHost());
        return result(WindowResults.of(outcome, session, form.baseUrl(), this.clock.instant()), null,
                session.request().resultUrl(), session.request().shopOrigin());
    }

    @PostMapping("/window/{id}/close")
    ModelAndView close(@PathVariable String id) {
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null || !this.windows.close(id)) {
            return result(WireResponse.error(ResponseCode.CPCA0005), null,
                    session == null ? null : session.request().resultUrl(),
                    session == null ? null : session.request().shopOrigin());
        }
        return result(WindowResults.closed(session), null, session.request().resultUrl(),
                session.request().shopOrigin());
    }

    /**
     * Renders the page that delivers {@code answer}, echoing the request where there is
     * one.
     */
    private static ModelAndView result(WireResponse answer, WireRequest request, String resultUrl, String shopOrigin) {
        if (request != null && !"success".equals(answer.get(Fields.PAY_RST))) {
            answer.echo(request, Fields.PAY_TYPE, Fields.PAY_WORK, Fields.PAY_OID, Fields.PAYER_NO, Fields.PAY_GOODS,
                    Fields.PAY_TOTAL, Fields.USER_DEFINE1, Fields.USER_DEFINE2);
        }
        if (resultUrl != null) {
            answer.put(Fields.RST_URL, resultUrl);
        }
        List<Map<String, String>> fields = new ArrayList<>();
        answer.fields().forEach((name, value) -> fields.add(Map.of("name", name, "value", value)));
        Map<String, Object> model = new HashMap<>();
        model.put("fields", fields);
        String result = answer.get(Fields.PAY_RST);
        model.put("heading", switch (result) {
            case "success" -> "완료되었습니다";
            case "close" -> "결제창을 닫았습니다";
            default -> "처리하지 못했습니다";
        });
        model.put("message", answer.get(Fields.PAY_MSG));
        if (resultUrl != null) {
            model.put("action", resultUrl);
        }
        String origin = resultUrl != null ? origin(resultUrl) : shopOrigin;
        model.put("origin", origin == null ? "" : origin);
        return new ModelAndView("window/result", model);
    }

    private static WindowWork work(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "AUTH" -> WindowWork.AUTH;
            case "CERT" -> WindowWork.CERT;
            case "PAY" -> WindowWork.PAY;
            default -> null;
        };
    }

    /**
     * {@code PCD_RST_URL} as an absolute URL: as given when absolute ("direct" mode),
     * else resolved against the page that opened the window ({@code PCD_HTTP_REFERER},
     * then the Referer header).
     */
    static String resultUrl(String given, String openerPage, String referer) {
        if (given == null) {
            return null;
        }
        try {
            URI target = URI.create(given.trim());
            if (target.isAbsolute()) {
                return isHttp(target) ? target.toString() : null;
            }
            for (String base : new String[] { openerPage, referer }) {
                if (base != null) {
                    URI baseUri = URI.create(base.trim());
                    if (baseUri.isAbsolute() && isHttp(baseUri)) {
                        return baseUri.resolve(target).toString();
                    }
                }
            }
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        return null;
    }

    /** {@code scheme://host[:port]} of an http(s) URL, or null. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.isAbsolute() && isHttp(uri) && uri.getRawAuthority() != null
                    ? uri.getScheme() + "://" + uri.getRawAuthority() : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

}
