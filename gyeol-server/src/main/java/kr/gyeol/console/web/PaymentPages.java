package kr.gyeol.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.payment.Payment;
import kr.gyeol.payment.PaymentSearch;
import kr.gyeol.activity.PaymentHistories;
import kr.gyeol.activity.PaymentHistory;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.payment.PaymentStatus;
import kr.gyeol.refund.RefundRejected;
import kr.gyeol.refund.RefundService;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.PaymentId;
import kr.gyeol.shared.InstrumentType;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.DAY;
import static kr.gyeol.console.web.ConsolePages.PAGE;
import static kr.gyeol.console.web.ConsolePages.amount;
import static kr.gyeol.console.web.ConsolePages.blankToNull;
import static kr.gyeol.console.web.ConsolePages.day;
import static kr.gyeol.console.web.ConsolePages.events;
import static kr.gyeol.console.web.ConsolePages.integer;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.pageLinks;
import static kr.gyeol.console.web.ConsolePages.money;
import static kr.gyeol.console.web.ConsolePages.options;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.parse;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.text;
import static kr.gyeol.console.web.ConsolePages.time;

/**
 * Payments: the search, a payment's whole history, and a refund through the one refund
 * path.
 */
@Controller
class PaymentPages {

    private final Clock clock;

    private final PaymentService payments;

    private final RefundService refunds;

    private final PaymentHistories histories;

    PaymentPages(Clock clock, PaymentService payments, RefundService refunds, PaymentHistories histories) {
        this.clock = clock;
        this.payments = payments;
        this.refunds = refunds;
        this.histories = histories;
    }

    /** A payment as its row in the search and the head of its page show it. */
    record PaymentRow(String id, String orderId, String status, String statusText, String instrument, String masked,
            String institution, String payer, String amount, String api, String requestedAt) {

        static PaymentRow of(Map<String, Object> model, Payment payment) {
            return new PaymentRow(payment.id().value(), payment.orderId().value(), payment.status().name(),
                    label(model, "paymentStatus", payment.status()), label(model, "instrument", payment.instrument()),
                    payment.maskedNumber(), payment.institutionName(),
                    payment.payer() == null ? null : payment.payer().name(),
                    money(payment.amount().amount(), payment.amount()), payment.api().name(),
                    time(payment.requestedAt()));
        }

    }

    /** A refund of the payment, in any state. */
    record RefundRow(String status, String amount, String requestedAt) {
    }

    @GetMapping("/console/payments")
    ModelAndView payments(@RequestParam Map<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "payments");
        LocalDate today = today();
        LocalDate from = day(query.get("from")).orElse(today.minusDays(6));
        LocalDate to = day(query.get("to")).orElse(today);
        PaymentStatus status = parse(PaymentStatus.class, query.get("status"));
        InstrumentType instrument = parse(InstrumentType.class, query.get("instrument"));
        Long amount = amount(query.get("amount"));
        String orderId = blankToNull(query.get("orderId"));
        String payer = blankToNull(query.get("payer"));
        int page = Math.max(0, integer(query.get("page")));
        List<Payment> found = this.payments.search(session.partnerId(),
                new PaymentSearch(from.atStartOfDay(KoreanTime.ZONE).toInstant(),
                        to.plusDays(1).atStartOfDay(KoreanTime.ZONE).toInstant(), status, orderId, payer, amount,
                        instrument),
                PAGE + 1, page * PAGE);
        model.put("from", from.format(DAY));
        model.put("to", to.format(DAY));
        model.put("orderId", orderId);
        model.put("payer", payer);
        model.put("amount", amount);
        model.put("statuses", options(model, "paymentStatus", PaymentStatus.values(), status));
        model.put("instruments", options(model, "instrument", InstrumentType.values(), instrument));
        model.put("payments", found.stream().limit(PAGE).map((payment) -> PaymentRow.of(model, payment)).toList());
        model.put("none", found.isEmpty());
        pageLinks(model, "/console/payments", query, page, found.size());
        return new ModelAndView("console/payments", model);
    }

    @GetMapping("/console/payments/{id}")
    ModelAndView payment(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Payment payment = owned(session, id);
        Map<String, Object> model = page(request, response, "payments");
        PaymentHistory history = this.histories.of(payment);
        long refundable = history.refundable();
        model.put("payment", PaymentRow.of(model, payment));
        model.put("approvalNumber", payment.approvalNumber());
        model.put("decline", payment.decline() == null ? null
                : payment.decline().institutionCode() + " " + payment.decline().institutionMessage());
        model.put("goods", payment.goods());
        model.put("vat", money(payment.vat().amount(), payment.amount()));
        model.put("completedAt", payment.completedAt() == null ? null : time(payment.completedAt()));
        model.put("receipt",
                payment.receipt() == null ? null
                        : label(model, "receiptStatus", payment.receipt().status()) + " " + payment.receipt().number()
                                + " (" + money(payment.receipt().amount().amount(), payment.amount()) + ")");
        model.put("refunds",
                history.refunds()
                    .stream()
                    .map((refund) -> new RefundRow(label(model, "refundStatus", refund.status()),
                            money(refund.amount().amount(), refund.amount()), time(refund.requestedAt())))
                    .toList());
        model.put("events", events(model, history.webhooks()));
        model.put("refundable", refundable > 0 ? refundable : null);
        model.put("refundableText", money(refundable, payment.amount()));
        return new ModelAndView("console/payment", model);
    }

    @PostMapping("/console/payments/{id}/refund")
    ModelAndView refund(@PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response) {
        ConsoleSession session = session(request);
        Payment payment = owned(session, id);
        Long requested = amount(amount);
        String failure = null;
        if (!"yes".equals(confirm)) {
            failure = "refund.unconfirmed";
        }
        else if (requested == null || requested <= 0) {
            failure = "refund.INVALID_AMOUNT";
        }
        else {
            try {
                this.refunds.refundPayment(session.partnerId(), payment.id(), requested, "console");
            }
            catch (RefundRejected refused) {
                failure = "refund." + refused.reason().name();
            }
        }
        if (failure == null) {
            return new ModelAndView("redirect:/console/payments/" + payment.id().value() + "?done=refunded");
        }
        ModelAndView page = payment(id, request, response);
        page.addObject("error", text(page.getModel(), failure));
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    /** Today in Korea, by the gateway's clock. */
    private LocalDate today() {
        return LocalDate.now(this.clock.withZone(KoreanTime.ZONE));
    }

    private Payment owned(ConsoleSession session, String id) {
        Optional<Payment> payment;
        try {
            payment = this.payments.findById(PaymentId.of(id));
        }
        catch (IllegalArgumentException malformed) {
            payment = Optional.empty();
        }
        return payment.filter((found) -> found.partnerId().equals(session.partnerId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
