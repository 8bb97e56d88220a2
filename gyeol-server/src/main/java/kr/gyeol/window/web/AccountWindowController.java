package kr.gyeol.window.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.vault.AccountRegistration;
import kr.gyeol.vault.HolderType;
import kr.gyeol.vault.PendingAccountRegistration;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;
import kr.gyeol.web.WireResponse;
import kr.gyeol.window.AccountWindows;
import kr.gyeol.window.WindowOutcome;
import kr.gyeol.window.WindowService;
import kr.gyeol.window.WindowSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The bank-account window's two steps: the customer enters the account, then keys the
 * number the ARS call asks for.
 */
@Controller
class AccountWindowController {

    private final WindowService windows;

    private final AccountWindows accounts;

    private final LenientBodyParser parser;

    private final WindowPages pages;

    private final WindowResults results;

    private final Clock clock;

    AccountWindowController(WindowService windows, AccountWindows accounts, LenientBodyParser parser, WindowPages pages,
            WindowResults results, Clock clock) {
        this.windows = windows;
        this.accounts = accounts;
        this.parser = parser;
        this.pages = pages;
        this.results = results;
        this.clock = clock;
    }

    @PostMapping("/window/{id}/account")
    ModelAndView submitAccount(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.findOpen(id).orElse(null);
        if (session == null) {
            return this.pages.notOpen(form);
        }
        PendingAccountRegistration pending;
        try {
            pending = this.accounts
                .start(id,
                        new AccountRegistration(form.get("bank"), WireValues.digits(form.get("accountNumber")),
                                WireValues.digits(form.get("birth")),
                                "corporate".equals(form.get("holderType")) ? HolderType.CORPORATE : HolderType.PERSONAL,
                                session.request().payer()))
                .orElse(null);
        }
        catch (RegistrationRejected ex) {
            WindowOutcome.Reason reason = ex.reason() == RegistrationRejected.Reason.BANK_MAINTENANCE
                    ? WindowOutcome.Reason.BANK_MAINTENANCE : WindowOutcome.Reason.INVALID_ACCOUNT;
            return this.pages.result(this.results.of(new WindowOutcome.Refused(reason, null, null), session,
                    form.baseUrl(), this.clock.instant()), session);
        }
        if (pending == null) {
            return this.pages.result(WireResponse.error(ResponseCode.CPCA0005), form, session.request().resultUrl(),
                    session.request().shopOrigin());
        }
        return this.pages.ars(session, pending, null);
    }

    @PostMapping("/window/{id}/ars")
    ModelAndView confirmArs(@PathVariable String id, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        WindowSession session = this.windows.find(id).orElse(null);
        if (session == null) {
            return this.pages.notOpen(form);
        }
        String passwordError = this.pages.passwordError(session, form);
        if (passwordError != null) {
            PendingAccountRegistration pending = this.accounts.pending(session).orElse(null);
            if (pending != null && this.windows.findOpen(id).isPresent()) {
                return this.pages.ars(session, pending, passwordError);
            }
        }
        WindowOutcome outcome = this.accounts.confirm(id, form.get("code"), form.get("password"));
        if (outcome instanceof WindowOutcome.WrongArsNumber wrong) {
            PendingAccountRegistration pending = this.accounts.pending(session).orElse(null);
            if (pending != null) {
                return this.pages.ars(session, pending, this.pages.wrongArsNumber(wrong.triesLeft()));
            }
        }
        return this.pages.result(this.results.of(outcome, session, form.baseUrl(), this.clock.instant()), session);
    }

}
