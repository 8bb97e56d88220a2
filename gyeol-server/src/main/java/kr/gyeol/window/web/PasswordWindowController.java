package kr.gyeol.window.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.window.PasswordWindows;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowService;
import kr.gyeol.window.WindowSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** The password re-payment window: the customer typed the payment password. */
@Controller
class PasswordWindowController {

    private final WindowService windows;

    private final PasswordWindows passwords;

    private final LenientBodyParser parser;

    private final WindowPages pages;

    private final WindowResults results;

    private final Clock clock;

    PasswordWindowController(WindowService windows, PasswordWindows passwords, LenientBodyParser parser,
            WindowPages pages, WindowResults results, Clock clock) {
        this.windows = windows;
        this.passwords = passwords;
        this.parser = parser;
        this.pages = pages;
        this.results = results;
        this.clock = clock;
    }

    @PostMapping("/window/{id}/password")
    ModelAndView submitPassword(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return this.pages.notOpen(form);
        }
        WindowOutcome outcome = this.passwords.pay(id, form.get("password"));
        if (outcome instanceof WindowOutcome.WrongPassword wrong) {
            return this.pages.form(session, this.pages.wrongPassword(wrong.triesLeft()));
        }
        return this.pages.result(this.results.of(outcome, session, form.baseUrl(), this.clock.instant()), session);
    }

}
