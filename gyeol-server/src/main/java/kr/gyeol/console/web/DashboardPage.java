package kr.gyeol.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.payment.PeriodTotals;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.webhook.WebhookHistory;
import kr.gyeol.webhook.WebhookLog;
import kr.gyeol.webhook.WebhookStatus;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import static kr.gyeol.console.web.ConsolePages.DAY;
import static kr.gyeol.console.web.ConsolePages.HOUR;
import static kr.gyeol.console.web.ConsolePages.label;
import static kr.gyeol.console.web.ConsolePages.page;
import static kr.gyeol.console.web.ConsolePages.session;
import static kr.gyeol.console.web.ConsolePages.won;

/**
 * The dashboard: totals, charts per day and per hour, decline reasons, webhook delivery.
 */
@Controller
class DashboardPage {

    private final Clock clock;

    private final PaymentService payments;

    private final WebhookLog webhooks;

    DashboardPage(Clock clock, PaymentService payments, WebhookLog webhooks) {
        this.clock = clock;
        this.payments = payments;
        this.webhooks = webhooks;
    }

    @GetMapping("/console")
    ModelAndView dashboard(@RequestParam(defaultValue = "14") int days, HttpServletRequest request,
            HttpServletResponse response) {
        ConsoleSession session = session(request);
        Map<String, Object> model = page(request, response, "dashboard");
        int span = Math.clamp(days, 1, 90);
        LocalDate today = today();
        Instant from = today.minusDays(span - 1).atStartOfDay(KoreanTime.ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(KoreanTime.ZONE).toInstant();
        List<LocalDateTime> slots = new ArrayList<>();
        for (int i = span - 1; i >= 0; i--) {
            slots.add(today.minusDays(i).atStartOfDay());
        }
        Series daily = series(this.payments.dailyTotals(session.partnerId(), from, to), slots, DAY);
        model.put("days", daily.rows());
        model.put("span", span);
        model.put("totalPayments", daily.payments());
        model.put("approvalRate", daily.payments() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * daily.approved() / daily.payments()));
        model.put("approvedTotal", won(daily.amount()));
        model.put("totalRefunded", won(daily.refunded()));
        model.put("daily", daily.chart());
        // The last 24 hours, hour by hour.
        LocalDateTime hour = LocalDateTime.now(this.clock.withZone(KoreanTime.ZONE)).truncatedTo(ChronoUnit.HOURS);
        List<LocalDateTime> hours = new ArrayList<>();
        for (int i = 23; i >= 0; i--) {
            hours.add(hour.minusHours(i));
        }
        Series hourly = series(
                this.payments.hourlyTotals(session.partnerId(), hours.getFirst().atZone(KoreanTime.ZONE).toInstant(),
                        hour.plusHours(1).atZone(KoreanTime.ZONE).toInstant()),
                hours, HOUR);
        model.put("hours", hourly.rows());
        model.put("hourly", hourly.chart());
        model.put("declineReasons",
                this.payments.declineReasons(session.partnerId(), from, to)
                    .stream()
                    .map((reason) -> new DeclineRow(label(model, "declineReason", reason.getKey()), reason.getValue()))
                    .toList());
        List<WebhookHistory> recent = this.webhooks.history(session.partnerId(), 200);
        long attempts = recent.stream().mapToLong((entry) -> entry.attempts().size()).sum();
        long delivered = recent.stream().filter((entry) -> entry.status() == WebhookStatus.DELIVERED).count();
        model.put("webhookEvents", recent.size());
        model.put("webhookDelivered", delivered);
        model.put("webhookAttempts", attempts);
        model.put("webhookLatency",
                recent.stream()
                    .flatMap((entry) -> entry.attempts().stream())
                    .filter((attempt) -> attempt.statusCode() != null)
                    .mapToLong(WebhookHistory.Attempt::latencyMillis)
                    .average()
                    .stream()
                    .mapToObj((average) -> Math.round(average) + " ms")
                    .findFirst()
                    .orElse("-"));
        return new ModelAndView("console/dashboard", model);
    }

    /** A dashboard series: a row per slot, the sums, and the chart's numbers. */
    private record Series(List<SlotRow> rows, long payments, long approved, long amount, long refunded, Chart chart) {
    }

    /** A day's or an hour's totals, as the table under a chart shows them. */
    record SlotRow(String slot, long payments, long approved, long declined, String amount, String refunded) {
    }

    /**
     * A chart's numbers as its element's data attributes carry them: the slots' starts in
     * epoch seconds, the payments and the approved amounts, comma-separated.
     */
    record Chart(String times, String counts, String amounts) {
    }

    /** A decline reason, in the page's language, and how many payments it declined. */
    record DeclineRow(String reason, long count) {
    }

    /** The totals laid on every slot (a day or an hour), empty ones included. */
    private static Series series(List<PeriodTotals> found, List<LocalDateTime> slots, DateTimeFormatter label) {
        Map<LocalDateTime, PeriodTotals> bySlot = found.stream()
            .collect(Collectors.toMap(PeriodTotals::start, (totals) -> totals));
        List<SlotRow> rows = new ArrayList<>();
        long payments = 0;
        long approved = 0;
        long amount = 0;
        long refunded = 0;
        List<String> times = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (LocalDateTime slot : slots) {
            PeriodTotals totals = bySlot.getOrDefault(slot, new PeriodTotals(slot, 0, 0, 0, 0, 0));
            payments += totals.payments();
            approved += totals.approved();
            amount += totals.approvedAmount();
            refunded += totals.refundedAmount();
            rows.add(new SlotRow(slot.format(label), totals.payments(), totals.approved(), totals.declined(),
                    won(totals.approvedAmount()), won(totals.refundedAmount())));
            times.add(Long.toString(slot.atZone(KoreanTime.ZONE).toEpochSecond()));
            counts.add(Long.toString(totals.payments()));
            amounts.add(Long.toString(totals.approvedAmount()));
        }
        return new Series(rows, payments, approved, amount, refunded,
                new Chart(String.join(",", times), String.join(",", counts), String.join(",", amounts)));
    }

    /** Today in Korea, by the gateway's clock. */
    private LocalDate today() {
        return LocalDate.now(this.clock.withZone(KoreanTime.ZONE));
    }

}
