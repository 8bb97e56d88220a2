package kr.gyeol.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The overseas payment window (gpay) walked as a customer's browser walks it: the order
 * posted as {@code paypleGpayPaymentRequest} posts it, the card page's form filled with a
 * test card and sent, and the result read from the fields the page would post to the
 * shop's {@code resultUrl}. Nothing is posted there: the command line reads them instead.
 */
final class OverseasWindow {

    private static final Pattern CARD_FORM = Pattern.compile("action=\"(/gpay/window/[^\"]+)\"");

    private static final Pattern RESULT_FIELD = Pattern
        .compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private final String base;

    OverseasWindow(String base) {
        this.base = base;
    }

    /**
     * Pays {@code order} (the script's fields) with {@code card} (the card page's
     * fields).
     * @return the result's fields ({@code result}, {@code message}, {@code api_id},
     * {@code billing_key}, …)
     */
    Map<String, String> pay(Map<String, String> order, Map<String, String> card) {
        String page = post("/gpay/window", order);
        Matcher form = CARD_FORM.matcher(page);
        if (!form.find()) {
            // Refused at opening: the page is the result already.
            return fields(page);
        }
        return fields(post(unescape(form.group(1)), card));
    }

    private String post(String path, Map<String, String> fields) {
        String body = fields.entrySet()
            .stream()
            .map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        try {
            HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new Refusal(Exit.REFUSED,
                        "the overseas window answered HTTP " + answer.statusCode() + " at " + path);
            }
            return answer.body();
        }
        catch (IOException ex) {
            throw new Refusal(Exit.UNREACHABLE, "no gateway answers at " + this.base + " (" + ex.getMessage() + ")");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Refusal(Exit.REFUSED, "interrupted");
        }
    }

    private static Map<String, String> fields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = RESULT_FIELD.matcher(page);
        while (field.find()) {
            fields.put(unescape(field.group(1)), unescape(field.group(2)));
        }
        if (fields.isEmpty()) {
            throw new Refusal(Exit.REFUSED, "the overseas window's answer holds no result");
        }
        return fields;
    }

    /** Undoes the page's HTML escaping of a value. */
    static String unescape(String text) {
        return ENTITY.matcher(text).replaceAll((entity) -> {
            String name = entity.group(1);
            String character = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1))));
            };
            return Matcher.quoteReplacement(character);
        });
    }

}
