package kr.gyeol.window.web;

import java.net.URI;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.shared.InstrumentType;
import kr.gyeol.vault.Institutions;
import kr.gyeol.vault.PaymentPasswords;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import kr.gyeol.window.AppCardWindows;
import kr.gyeol.window.AppMethod;
import kr.gyeol.window.PasswordWindows;
import kr.gyeol.window.WindowRequest;
import kr.gyeol.window.WindowSession;
import kr.gyeol.window.WindowWork;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages every window kind renders: its first form, the ARS step, and the result page
 * that hands Payple's result fields back to the partner's page.
 */
@Component
class WindowPages {

    private final WindowMessages messages;

    private final PasswordWindows passwords;

    private final AppCardWindows appCards;

    WindowPages(WindowMessages messages, PasswordWindows passwords, AppCardWindows appCards) {
        this.messages = messages;
        this.passwords = passwords;
        this.appCards = appCards;
    }

    /** The window's first page for its kind, with an error to show or null. */
    ModelAndView form(WindowSession session, String error) {
        WindowRequest request = session.request();
        boolean card = request.instrument() == InstrumentType.CARD;
        boolean auth = request.work() == WindowWork.AUTH;
        Map<String, Object> model = new HashMap<>();
        model.put("id", session.id());
        model.put("title",
                this.messages.get("window.title." + (card ? "card" : "account") + (auth ? ".auth" : ".pay")));
        model.put("action", this.messages
            .get(auth ? "window.action." + (card ? "card" : "account") + ".auth" : "window.action.pay"));
        model.put("test", request.testMode());
        model.put("setsPassword", request.setsPassword());
        model.put("error", error);
        if (request.amount() != null) {
            model.put("amount", won(request.amount()));
            model.put("goods", request.goods());
        }
        if (request.passwordPayment()) {
            model.put("key", this.passwords.key(session));
            return new ModelAndView("window/password", model);
        }
        if (request.appCard()) {
            if (request.appMethods().size() == 1 && request.appMethods().get(0) != AppMethod.APP_CARD) {
                // A page that asked for one wallet gets that wallet's window.
                model.put("title", this.messages.get("window.title.easy-pay", request.appMethods().get(0).label()));
            }
            model.put("providers", this.appCards.providers(request));
            model.put("installments",
                    AppCardWindows.installmentChoices(request)
                        .stream()
                        .map((months) -> Map.<String, Object>of("value", months, "label", installmentLabel(months)))
                        .toList());
            model.put("email", request.payer().email() == null ? "" : request.payer().email());
            return new ModelAndView("window/app-card", model);
        }
        if (!card) {
            model.put("banks", Institutions.banks());
            return new ModelAndView("window/account", model);
        }
        // The same texts the server shows, for the checks the page makes as the customer
        // types.
        model.put("cardMessages",
                Map.of("number", this.messages.get("window.card.number"), "expiry",
                        this.messages.get("window.card.expiry"), "birth", this.messages.get("window.card.birth"), "pin",
                        this.messages.get("window.card.pin")));
        return new ModelAndView("window/card", model);
    }

    /**
     * The card form again, with a typing mistake shown beside its field; the window stays
     * open for the customer to correct it.
     */
    ModelAndView cardForm(WindowSession session, RegistrationRejected.Reason mistake) {
        String field = switch (mistake) {
            case INVALID_BIRTH_DATE -> "birth";
            case INVALID_EXPIRY -> "expiry";
            case INVALID_PIN -> "pin";
            default -> "number";
        };
        ModelAndView page = form(session, null);
        page.addObject(field + "Error", this.messages.get("window.card." + field));
        return page;
    }

    /** The ARS step of an account window, with an error to show or null. */
    ModelAndView ars(WindowSession session, PendingAccountRegistration pending, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", session.id());
        model.put("bankName", pending.bankName());
        model.put("maskedNumber", pending.maskedNumber());
        model.put("requestNumber", pending.requestNumber());
        model.put("requestNumberParticle", objectParticle(pending.requestNumber()));
        model.put("test", session.request().testMode());
        model.put("setsPassword", session.request().setsPassword());
        model.put("error", error);
        return new ModelAndView("window/ars", model);
    }

    /**
     * The password a registering window asks for, when it asks: null when it does not,
     * else the password, or an error message to show.
     */
    String passwordError(WindowSession session, WireRequest form) {
        if (!session.request().setsPassword()) {
            return null;
        }
        String password = form.get("password");
        if (!PaymentPasswords.isValid(password)) {
            return this.messages.get("window.password.format");
        }
        if (!password.equals(form.get("passwordConfirm"))) {
            return this.messages.get("window.password.confirmation");
        }
        return null;
    }

    String wrongPassword(int triesLeft) {
        return this.messages.get("window.password.wrong", triesLeft);
    }

    String wrongArsNumber(int triesLeft) {
        return this.messages.get("window.ars.wrong", triesLeft);
    }

    String installmentLabel(int months) {
        return months == 0 ? this.messages.get("window.installments.none")
                : this.messages.get("window.installments.months", months);
    }

    static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount);
    }

    /** The answer to a page of a window that is unknown or expired (CPCA0005). */
    ModelAndView notOpen(WireRequest form) {
        return result(WireResponse.error(ResponseCode.CPCA0005), form, null, null);
    }

    /** The result page of a window, which posts its answer to the window's result URL. */
    ModelAndView result(WireResponse answer, WindowSession session) {
        ModelAndView page = result(answer, null, session.request().resultUrl(), session.request().shopOrigin());
        String shop = session.request().shopOrigin();
        if (session.request().legacyRelay() && shop != null) {
            // Payple's 1.0.0 flow: the partner's own relay page, on the shop's origin,
            // hands
            // the result to parent.parent.PaypleCpayPayResult().
            page.addObject("relay", shop + "/cPayPayple/payple_iframe.html");
        }
        return page;
    }

    /**
     * Renders the page that delivers {@code answer}, echoing the request where there is
     * one.
     */
    ModelAndView result(WireResponse answer, WireRequest request, String resultUrl, String shopOrigin) {
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
        model.put("heading", this.messages.get(switch (result) {
            case "success" -> "window.heading.success";
            case "close" -> "window.heading.close";
            default -> "window.heading.failure";
        }));
        model.put("message", answer.get(Fields.PAY_MSG));
        if (resultUrl != null) {
            model.put("action", resultUrl);
        }
        String origin = resultUrl != null ? origin(resultUrl) : shopOrigin;
        model.put("origin", origin == null ? "" : origin);
        return new ModelAndView("window/result", model);
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

    static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * 을 or 를 after a number, as its last digit is read: 영, 일, 삼, 육, 칠 and 팔 end in a
     * consonant (을); 이, 사, 오 and 구 in a vowel (를).
     */
    static String objectParticle(String number) {
        char last = number.isEmpty() ? '0' : number.charAt(number.length() - 1);
        return switch (last) {
            case '2', '4', '5', '9' -> "를";
            default -> "을";
        };
    }

}
