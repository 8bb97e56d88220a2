package kr.gyeol.console.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.console.ConsoleSession;
import kr.gyeol.shared.KoreanTime;
import kr.gyeol.shared.Money;
import kr.gyeol.subscription.BillingInterval;
import kr.gyeol.webhook.WebhookHistory;

/**
 * What the console's pages share: the signed-in session, the texts in the page's
 * language, labels, times and amounts as shown, paging and the parsing of form fields.
 */
final class ConsolePages {

    static final int PAGE = 50;

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");

    private ConsolePages() {
    }

    static ConsoleSession session(HttpServletRequest request) {
        return (ConsoleSession) request.getAttribute(ConsoleAccess.SESSION);
    }

    static Map<String, Object> texts(HttpServletRequest request, HttpServletResponse response) {
        String language = ConsoleTexts.language(request, response);
        Map<String, Object> model = new HashMap<>();
        model.put("t", ConsoleTexts.of(language));
        model.put("lang", language);
        model.put("otherLang", "ko".equals(language) ? "en" : "ko");
        return model;
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> model, String key) {
        return ((Map<String, String>) model.get("t")).getOrDefault(key, key);
    }

    static Map<String, Object> page(HttpServletRequest request, HttpServletResponse response, String section) {
        ConsoleSession session = session(request);
        Map<String, Object> model = texts(request, response);
        model.put("csrf", session.csrfToken());
        model.put("partner", session.partnerId().value());
        model.put("operator", session.operator());
        model.put("section_" + section, true);
        String done = request.getParameter("done");
        if (done != null && done.matches("[a-z]{1,20}")) {
            model.put("notice", text(model, "done." + done));
        }
        return model;
    }

    /** A webhook event as the delivery logs show it, with every attempt. */
    record EventView(String id, String type, String status, String statusText, String createdAt,
            List<AttemptView> attempts) {
    }

    /** One delivery attempt: when, what came back, how long it took. */
    record AttemptView(int number, String at, String result, String latency) {
    }

    static List<EventView> events(Map<String, Object> model, List<WebhookHistory> entries) {
        return entries.stream()
            .map((entry) -> new EventView(entry.id().value(), label(model, "event", entry.type()),
                    entry.status().name(), label(model, "webhookStatus", entry.status()), time(entry.createdAt()),
                    entry.attempts()
                        .stream()
                        .map((attempt) -> new AttemptView(attempt.number(), time(attempt.attemptedAt()),
                                attempt.statusCode() != null ? "HTTP " + attempt.statusCode()
                                        : String.valueOf(attempt.error()),
                                attempt.latencyMillis() + " ms"))
                        .toList()))
            .toList();
    }

    static String time(Instant instant) {
        return ZonedDateTime.ofInstant(instant, KoreanTime.ZONE).format(TIME);
    }

    static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + " KRW";
    }

    /** An amount in the minor unit of {@code like}'s currency. */
    static String money(long amount, Money like) {
        int digits = like.currency().getDefaultFractionDigits();
        if (digits <= 0) {
            return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + " " + like.currency();
        }
        return String.format(Locale.ROOT, "%d.%0" + digits + "d %s", amount / 100, Math.abs(amount % 100),
                like.currency());
    }

    /**
     * The rows of page {@code shown} of a list fetched one row longer than a page, with
     * the links to the pages around it and whether there is nothing at all.
     */
    static <T> List<T> pageOf(Map<String, Object> model, String path, int shown, List<T> fetched) {
        model.put("none", fetched.isEmpty());
        pageLinks(model, path, Map.of(), shown, fetched.size());
        return fetched.stream().limit(PAGE).toList();
    }

    /**
     * The links to the pages before and after page {@code shown} of a search that fetched
     * {@code fetched} rows (one more than a page when there is a next one), keeping the
     * search's own fields.
     */
    static void pageLinks(Map<String, Object> model, String path, Map<String, String> query, int shown, int fetched) {
        Map<String, String> kept = new HashMap<>(query);
        kept.keySet().removeAll(List.of("page", "lang", "done"));
        if (shown > 0) {
            model.put("previous", link(path, kept, shown - 1));
        }
        if (fetched > PAGE) {
            model.put("next", link(path, kept, shown + 1));
        }
    }

    /** One option of a select: the value sent, the text shown, whether it is chosen. */
    record Choice(String value, String label, boolean selected) {
    }

    /** A choice of every value, each shown by its name. */
    static <E extends Enum<E>> List<Choice> options(E[] values, E chosen) {
        return java.util.Arrays.stream(values)
            .map((value) -> new Choice(value.name(), value.name(), value == chosen))
            .toList();
    }

    /** A choice of every value, each shown in the page's language. */
    static <E extends Enum<E>> List<Choice> options(Map<String, Object> model, String group, E[] values, E chosen) {
        return java.util.Arrays.stream(values)
            .map((value) -> new Choice(value.name(), label(model, group, value), value == chosen))
            .toList();
    }

    /**
     * A value's name in the page's language ({@code group.VALUE} in the console's texts),
     * or the value itself when it has none: a decline reason from an acquirer the texts
     * do not know is still shown.
     */
    @SuppressWarnings("unchecked")
    static String label(Map<String, Object> model, String group, Object value) {
        String name = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
        return ((Map<String, String>) model.get("t")).getOrDefault(group + "." + name, name);
    }

    /** "1개월마다", "every 2 week(s)". */
    static String interval(Map<String, Object> model, BillingInterval interval) {
        return text(model, "intervalPattern").replace("{count}", Integer.toString(interval.count()))
            .replace("{unit}", label(model, "unit", interval.unit()));
    }

    static String link(String path, Map<String, String> query, int page) {
        StringBuilder link = new StringBuilder(path).append("?page=").append(page);
        query.forEach((name, value) -> link.append('&')
            .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return link.toString();
    }

    static Optional<LocalDate> day(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim(), DAY));
        }
        catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Long amount(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replace(",", "").trim();
        return digits.matches("[0-9]{1,15}") ? Long.parseLong(digits) : null;
    }

    static int integer(String value) {
        return value != null && value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : 0;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
