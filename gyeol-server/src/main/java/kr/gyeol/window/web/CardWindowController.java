package kr.gyeol.window.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.vault.CardRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.window.CardWindows;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowService;
import kr.gyeol.window.WindowSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** The card window's form: the customer typed a card. */
@Controller
class CardWindowController {

    private final WindowService windows;

    private final CardWindows cards;

    private final LenientBodyParser parser;

    private final WindowPages pages;

    private final WindowResults results;

    private final Clock clock;

    CardWindowController(WindowService windows, CardWindows cards, LenientBodyParser parser, WindowPages pages,
            WindowResults results, Clock clock) {
        this.windows = windows;
        this.cards = cards;
        this.parser = parser;
        this.pages = pages;
        this.results = results;
        this.clock = clock;
    }

    @PostMapping("/window/{id}/card")
    ModelAndView submitCard(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return this.pages.notOpen(form);
        }
        String passwordError = this.pages.passwordError(session, form);
        if (passwordError != null && this.windows.findOpen(id).isPresent()) {
            return this.pages.form(session, passwordError);
        }
        CardRegistration card = new CardRegistration(WireValues.digits(form.get("cardNumber")), form.get("expiryYear"),
                form.get("expiryMonth"), WireValues.digits(form.get("birth")), form.get("pin"),
                session.request().payer());
        // A typing mistake is the customer's to correct: the window stays open. Only what
        // the card company answers ends it.
        RegistrationRejected.Reason mistake = this.cards.typingMistake(card).orElse(null);
        if (mistake != null && this.windows.findOpen(id).isPresent()) {
            return this.pages.cardForm(session, mistake);
        }
        WindowOutcome outcome = this.cards.submit(id, card, form.get("password"));
        return this.pages.result(this.results.of(outcome, session, form.baseUrl(), this.clock.instant()), session);
    }

}
