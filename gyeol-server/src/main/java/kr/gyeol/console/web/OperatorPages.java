package kr.gyeol.console.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.console.ConsoleSessions;
import kr.gyeol.partner.PartnerAuthentication;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.texts;

/**
 * An operator's choice of the partner it acts for.
 */
@Controller
class OperatorPages {

    private final ConsoleSessions sessions;

    private final PartnerAuthentication partners;

    OperatorPages(ConsoleSessions sessions, PartnerAuthentication partners) {
        this.sessions = sessions;
        this.partners = partners;
    }

    /** A partner an operator may act for; {@code current} when it already does. */
    record PartnerRow(String id, String mode, boolean current) {
    }

    @GetMapping("/console/operator")
    ModelAndView choosePartner(HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        if (!session.operates()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = texts(request, response);
        model.put("csrf", session.csrfToken());
        model.put("operator", session.operator());
        model.put("partner", session.partnerId() == null ? null : session.partnerId().value());
        model.put("partners",
                this.partners.partners()
                    .stream()
                    .map((partner) -> new PartnerRow(partner.id().value(), label(model, "partnerMode", partner.mode()),
                            partner.id().equals(session.partnerId())))
                    .toList());
        return new ModelAndView("console/operator", model);
    }

    @PostMapping("/console/operator/partner")
    String actFor(@RequestParam(name = "partner", required = false) String partner, HttpServletRequest request) {
        ConsoleSession session = session(request);
        if (!session.operates() || !this.sessions.actFor(ConsoleAccess.token(request).orElse(null), partner)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console";
    }

}
