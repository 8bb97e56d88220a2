package kr.gyeol.window.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.partner.Operation;
import kr.gyeol.partner.PartnerAuthentication;
import kr.gyeol.partner.web.PartnerCalls;
import kr.gyeol.payment.ChargeRules;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireFields;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import kr.gyeol.window.AppMethod;
import kr.gyeol.window.PasswordWindows;
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
 * The payment window's entry (spec §1.4): the SDK's form POST opens a window of the kind
 * the request asks for (card, app card, bank account, password re-payment), and the
 * customer may close it. Each kind's own pages are in its controller.
 */
@Controller
class WindowEntryController {

    private static final PartnerCalls.Refusals REFUSALS = new PartnerCalls.Refusals(ResponseCode.CPCA0005,
            ResponseCode.CBIL0001, ResponseCode.AUTH0001, ResponseCode.AUTH0002);

    private final PartnerAuthentication authentication;

    private final WindowService windows;

    private final PasswordWindows passwords;

    private final LenientBodyParser parser;

    private final WindowPages pages;

    private final WindowResults results;

    WindowEntryController(PartnerAuthentication authentication, WindowService windows, PasswordWindows passwords,
            LenientBodyParser parser, WindowPages pages, WindowResults results) {
        this.authentication = authentication;
        this.windows = windows;
        this.passwords = passwords;
        this.parser = parser;
        this.pages = pages;
        this.results = results;
    }

    /**
     * What a request asks the window to do, read from its {@code PCD_PAY_TYPE},
     * {@code PCD_CARD_VER}, {@code PCD_PAY_WORK} and simple-pay fields.
     */
    private record Kind(WindowWork work, boolean card, boolean appCard, boolean account, boolean simple,
            String passwordKeyId) {

        static Kind of(WireRequest request) {
            String payType = WireValues.lower(request.get(Fields.PAY_TYPE));
            String cardVersion = request.get(Fields.CARD_VER) == null ? "01" : request.get(Fields.CARD_VER).trim();
            WindowWork work = workOf(request.get(Fields.PAY_WORK));
            boolean card = payType.equals("card") && cardVersion.equals("01");
            boolean appCard = payType.equals("card") && cardVersion.equals("02");
            // Payple's password simple-pay: PCD_SIMPLE_FLAG=Y (or PCD_PAYER_AUTHTYPE=pwd)
            // with a PCD_PAYER_ID asks for the password and charges that key; without
            // one, the registration sets a password.
            boolean simple = WireValues.isYes(request.get(Fields.SIMPLE_FLAG))
                    || "pwd".equalsIgnoreCase(String.valueOf(request.get(Fields.PAYER_AUTHTYPE)).trim());
            String passwordKeyId = simple && !appCard ? request.get(Fields.PAYER_ID) : null;
            // A bank account registers (AUTH), authenticates for the partner's
            // confirmation (CERT) or, after its ARS step, is withdrawn at once (PAY: the
            // default of Payple's sample pages).
            boolean account = payType.equals("transfer");
            return new Kind(work, card, appCard, account, simple, passwordKeyId);
        }

        boolean supported() {
            return this.work != null && (this.card || this.appCard || this.account)
                    && !(this.passwordKeyId != null && this.work == WindowWork.AUTH);
        }

        InstrumentType instrument() {
            return this.card || this.appCard ? InstrumentType.CARD : InstrumentType.BANK_ACCOUNT;
        }

    }

    @PostMapping(path = { "/index.php", "/php/PayAct.php" })
    ModelAndView open(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        String resultUrl = resultUrl(request.get(Fields.RST_URL), request.get(Fields.HTTP_REFERER),
                servletRequest.getHeader("Referer"));
        String shopOrigin = WindowPages.origin(resultUrl != null ? resultUrl : request.get(Fields.HTTP_REFERER) != null
                ? request.get(Fields.HTTP_REFERER) : servletRequest.getHeader("Referer"));
        if (request.isMalformed()) {
            return this.pages.result(WireResponse.error(ResponseCode.CPCA9997), request, resultUrl, shopOrigin);
        }
        PartnerCalls.Checked checked = PartnerCalls.check(this.authentication, request,
                PartnerCalls.Envelope.of(Operation.PAYMENT_WINDOW, REFUSALS));
        if (checked.refused()) {
            return this.pages.result(checked.refusal(), request, resultUrl, shopOrigin);
        }
        if (!checked.call().testMode() && resultUrl != null && !this.authentication
            .isRegisteredDomain(checked.call().partnerId(), URI.create(resultUrl).getHost())) {
            // A live partner's results go only to its registered domains: no open
            // redirect through the window, and no postMessage to a foreign page.
            return this.pages.result(this.results.error(ResponseCode.CPCA9997, "window.result.result-url"), request,
                    null, null);
        }
        Kind kind = Kind.of(request);
        if (!kind.supported()) {
            return this.pages.result(this.results.error(ResponseCode.CPCA9997, "window.result.unsupported"), request,
                    resultUrl, shopOrigin);
        }
        List<AppMethod> appMethods = null;
        if (kind.appCard()) {
            if (kind.work() == WindowWork.AUTH || WireValues.isYes(request.get(Fields.REGULER_FLAG))) {
                // Spec §3.2: an app card returns no billing key, so it cannot be
                // registered or deduplicated by month.
                return this.pages.result(
                        this.results.error(ResponseCode.CPCA9997, "window.result.app-card-registration"), request,
                        resultUrl, shopOrigin);
            }
            appMethods = appMethods(request.get(Fields.PAY_METHOD));
            if (appMethods == null) {
                return this.pages.result(this.results.error(ResponseCode.CPCA9997, "window.result.app-method"), request,
                        resultUrl, shopOrigin);
            }
        }
        WireResponse refusal = refusal(request, checked.call(), kind);
        if (refusal != null) {
            return this.pages.result(refusal, request, resultUrl, shopOrigin);
        }
        WindowSession session = this.windows.open(checked.call(),
                windowRequest(request, checked.call(), kind, appMethods, resultUrl, shopOrigin));
        return this.pages.form(session, null);
    }

    /**
     * Why a supported request still cannot open its window: its amount, goods or billing
     * period, or the key a password re-payment names; null when it can.
     */
    private WireResponse refusal(WireRequest request, AuthorizedCall call, Kind kind) {
        if (kind.work() != WindowWork.AUTH) {
            OptionalLong amount = WireValues.amount(request.get(Fields.PAY_TOTAL));
            if (amount.isEmpty() || amount.getAsLong() < ChargeRules.domesticMinimum(kind.instrument())) {
                return WireResponse.error(ResponseCode.SPCD0002);
            }
            if (request.get(Fields.PAY_GOODS) == null) {
                return WireResponse.error(ResponseCode.SPCD0003);
            }
        }
        if (WireValues.isYes(request.get(Fields.REGULER_FLAG))) {
            WireFields.BillingPeriod read = WireFields.billingPeriod(request);
            if (!read.valid()) {
                return WireResponse.error(read.invalid() == WireFields.BillingPeriod.Invalid.YEAR
                        ? ResponseCode.RPCD0004 : ResponseCode.RPCD0005);
            }
        }
        if (kind.passwordKeyId() != null) {
            WindowOutcome.Reason refused = this.passwords
                .refusal(call.partnerId(), BillingKeyId.of(kind.passwordKeyId()), kind.instrument())
                .orElse(null);
            if (refused != null) {
                return this.results.refusal(refused, call.testMode());
            }
        }
        return null;
    }

    private static WindowRequest windowRequest(WireRequest request, AuthorizedCall call, Kind kind,
            List<AppMethod> appMethods, String resultUrl, String shopOrigin) {
        OptionalLong amount = WireValues.amount(request.get(Fields.PAY_TOTAL));
        OptionalLong vat = WireValues.amount(request.get(Fields.PAY_TAXTOTAL));
        YearMonth period = WireValues.isYes(request.get(Fields.REGULER_FLAG))
                ? WireFields.billingPeriod(request).period() : null;
        return new WindowRequest(call.testMode(), kind.instrument(), kind.work(), request.get(Fields.PAY_OID),
                kind.work() == WindowWork.AUTH ? null : amount.getAsLong(), vat.isPresent() ? vat.getAsLong() : null,
                !WireValues.isNo(request.get(Fields.PAY_ISTAX)), request.get(Fields.PAY_GOODS),
                WireFields.payer(request), request.get(Fields.USER_DEFINE1), request.get(Fields.USER_DEFINE2), period,
                resultUrl, shopOrigin, appMethods, kind.passwordKeyId(),
                kind.simple() && kind.passwordKeyId() == null && !kind.appCard(),
                WireValues.isYes(request.get(Fields.TAXSAVE_FLAG)), isVersion100(request.get(Fields.CPAY_VER)));
    }

    /**
     * Payple documents 1.0.0 as the version of a request that names none: the oldest
     * pages never send {@code PCD_CPAY_VER}, and take their result through their relay
     * page.
     */
    static boolean isVersion100(String version) {
        return version == null || version.isBlank() || version.trim().startsWith("1.0.0");
    }

    @PostMapping("/window/{id}/close")
    ModelAndView close(@PathVariable String id) {
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null || !this.windows.close(id)) {
            return this.pages.result(WireResponse.error(ResponseCode.CPCA0005), null,
                    session == null ? null : session.request().resultUrl(),
                    session == null ? null : session.request().shopOrigin());
        }
        return this.pages.result(this.results.closed(session), session);
    }

    private static WindowWork workOf(String value) {
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
                return WindowPages.isHttp(target) ? target.toString() : null;
            }
            for (String base : new String[] { openerPage, referer }) {
                if (base != null) {
                    URI baseUri = URI.create(base.trim());
                    if (baseUri.isAbsolute() && WindowPages.isHttp(baseUri)) {
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

}
