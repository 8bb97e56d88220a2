package kr.gyeol.console.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.link.LinkService;
import kr.gyeol.link.PaymentLink;
import kr.gyeol.payment.CashReceipt;
import kr.gyeol.payment.CashReceipts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.DAY;
import static kr.gyeol.console.web.ConsolePages.PAGE;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.pageOf;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.time;
import static kr.gyeol.console.web.ConsolePages.won;

/**
 * Link payments and cash receipts.
 */
@Controller
class ListPages {

    private final LinkService links;

    private final CashReceipts receipts;

    ListPages(LinkService links, CashReceipts receipts) {
        this.links = links;
        this.receipts = receipts;
    }

    /** A payment link as its row shows it. */
    record LinkRow(String key, String orderId, String goods, String amount, String expiresOn, String createdAt,
            boolean expired) {
    }

    /** A cash receipt as its row shows it: the identity number masked. */
    record ReceiptRow(String number, String payment, String status, String use, String identity, String amount,
            String issuedAt, String cancelledAt) {
    }

    @GetMapping("/console/links")
    ModelAndView links(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "links");
        int shown = Math.max(0, page);
        List<PaymentLink> found = this.links.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("links",
                pageOf(model, "/console/links", shown, found).stream()
                    .map((link) -> new LinkRow(link.key(), link.orderId().value(), link.goods(),
                            won(link.amount().amount()), link.expiresOn() == null ? "" : link.expiresOn().format(DAY),
                            time(link.createdAt()), this.links.expired(link)))
                    .toList());
        return new ModelAndView("console/links", model);
    }

    @GetMapping("/console/cash-receipts")
    ModelAndView cashReceipts(@RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "receipts");
        int shown = Math.max(0, page);
        List<CashReceipt> found = this.receipts.list(session.partnerId(), PAGE + 1, shown * PAGE);
        model.put("receipts",
                pageOf(model, "/console/cash-receipts", shown, found).stream()
                    .map((receipt) -> new ReceiptRow(receipt.number(), receipt.paymentId().value(),
                            label(model, "receiptStatus", receipt.status()), label(model, "receiptUse", receipt.use()),
                            receipt.maskedIdentity(), won(receipt.amount().amount()), time(receipt.issuedAt()),
                            receipt.cancelledAt() == null ? "" : time(receipt.cancelledAt())))
                    .toList());
        return new ModelAndView("console/cash-receipts", model);
    }

}
