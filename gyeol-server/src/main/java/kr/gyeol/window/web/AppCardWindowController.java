package kr.gyeol.window.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.window.AppCardWindows;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowService;
import kr.gyeol.window.WindowSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The app-card window's two steps: the customer picks an app and installments, then
 * approves one of the app's cards.
 */
@Controller
class AppCardWindowController {

    private final WindowService windows;

    private final AppCardWindows appCards;

    private final LenientBodyParser parser;

    private final WindowPages pages;

    private final WindowResults results;

    private final Clock clock;

    AppCardWindowController(WindowService windows, AppCardWindows appCards, LenientBodyParser parser, WindowPages pages,
            WindowResults results, Clock clock) {
        this.windows = windows;
        this.appCards = appCards;
        this.parser = parser;
        this.pages = pages;
        this.results = results;
        this.clock = clock;
    }

    /**
     * Step 1 done: the customer chose a card company or wallet and the installments; the
     * simulated app shows its cards.
     */
    @PostMapping("/window/{id}/app")
    ModelAndView openApp(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.findOpen(id).orElse(null);
        if (session == null || !session.request().appCard()) {
            return this.pages.notOpen(form);
        }
        AppCardWindows.AppProvider provider = this.appCards.provider(session.request(), form.get("provider"))
            .orElse(null);
        OptionalInt installments = WireValues.integer(form.get("installments"), 0, 36);
        if (provider == null || installments.isEmpty()
                || !AppCardWindows.installmentChoices(session.request()).contains(installments.getAsInt())) {
            WindowOutcome.Refused refused = new WindowOutcome.Refused(provider == null
                    ? WindowOutcome.Reason.INVALID_APP_CARD : WindowOutcome.Reason.INVALID_INSTALLMENTS, null, null);
            return this.pages.result(this.results.of(refused, session, form.baseUrl(), this.clock.instant()), session);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("provider", provider);
        model.put("cards", this.appCards.cards(provider));
        model.put("installments", installments.getAsInt());
        model.put("installmentLabel", this.pages.installmentLabel(installments.getAsInt()));
        model.put("amount", WindowPages.won(session.request().amount()));
        model.put("goods", session.request().goods());
        model.put("test", session.request().testMode());
        return new ModelAndView("window/app-approve", model);
    }

    /** Step 2: the customer approved a card in the app. */
    @PostMapping("/window/{id}/app/approve")
    ModelAndView approveInApp(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return this.pages.notOpen(form);
        }
        OptionalInt installments = WireValues.integer(form.get("installments"), 0, 36);
        WindowOutcome outcome = this.appCards.approve(id, form.get("provider"), form.get("card"),
                installments.orElse(-1));
        return this.pages.result(this.results.of(outcome, session, form.baseUrl(), this.clock.instant()), session);
    }

}
