package kr.gyeol.console.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.shared.BillingKeyId;
import kr.gyeol.vault.BillingKey;
import kr.gyeol.vault.BillingKeyStatus;
import kr.gyeol.vault.RegistrationRejected;
import kr.gyeol.vault.Vault;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.PAGE;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.pageOf;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.time;

/**
 * Billing keys, masked, and their revocation.
 */
@Controller
class BillingKeyPages {

    private final Vault vault;

    BillingKeyPages(Vault vault) {
        this.vault = vault;
    }

    /**
     * A key as its row shows it: masked, named in the revoke form by its digest (see
     * {@link Vault#digest}).
     */
    record KeyRow(String id, String ref, String type, String masked, String institution, String payer, String status,
            boolean active, String createdAt) {
    }

    @GetMapping("/console/billing-keys")
    ModelAndView billingKeys(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "keys");
        int shown = Math.max(0, page);
        List<BillingKey> keys = this.vault.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("keys",
                pageOf(model, "/console/billing-keys", shown, keys).stream()
                    .map((key) -> new KeyRow(Vault.masked(key.id()), Vault.digest(key.id()),
                            label(model, "instrument", key.type()), key.maskedNumber(), key.institutionName(),
                            key.payer() == null ? null : key.payer().name(), label(model, "keyStatus", key.status()),
                            key.status() == BillingKeyStatus.ACTIVE, time(key.createdAt())))
                    .toList());
        return new ModelAndView("console/billing-keys", model);
    }

    /**
     * The key is named by its digest ({@code ref}, as the page's form sends it: the page
     * shows keys masked) or by itself ({@code key}, a form field: billing keys are Base64
     * and may hold a slash).
     */
    @PostMapping("/console/billing-keys/revoke")
    String revoke(@RequestParam(name = "key", required = false) String id,
            @RequestParam(name = "ref", required = false) String ref, HttpServletRequest request) {
        ConsoleSession session = session(request);
        BillingKeyId key;
        try {
            key = id != null && !id.isBlank() ? BillingKeyId.of(id) : this.vault.findByDigest(session.partnerId(), ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        catch (IllegalArgumentException malformed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            this.vault.revoke(session.partnerId(), key);
        }
        catch (RegistrationRejected | IllegalArgumentException notOurs) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/billing-keys";
    }

}
