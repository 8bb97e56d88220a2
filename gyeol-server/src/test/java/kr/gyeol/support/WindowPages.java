package kr.gyeol.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The payment window's pages over plain HTTP, the way a browser without the SDK sees
 * them: form posts, and the hidden result fields of the result page.
 */
public final class WindowPages {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WindowPages() {
    }

    /**
     * The window form a shop page posts: the AuthKey envelope of {@code session} and the
     * order; callers add what their flow needs.
     * @param total the amount, or null for a registration
     */
    public static Map<String, String> order(Map<String, String> session, String payType, String work, String goods,
            String total) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("PCD_CST_ID", session.get("cst_id"));
        form.put("PCD_CUST_KEY", session.get("custKey"));
        form.put("PCD_AUTH_KEY", session.get("AuthKey"));
        form.put("PCD_PAY_TYPE", payType);
        form.put("PCD_PAY_WORK", work);
        form.put("PCD_PAYER_NAME", "홍길동");
        form.put("PCD_PAY_GOODS", goods);
        if (total != null) {
            form.put("PCD_PAY_TOTAL", total);
        }
        form.put("PCD_PAY_OID", PaypleTestClient.uniqueOrderId("window"));
        form.put("PCD_RST_URL", "/order_result");
        return form;
    }

    /** A page, its status checked. */
    public static String post(String url, Map<String, String> form, String referer)
            throws IOException, InterruptedException {
        String body = form.entrySet()
            .stream()
            .map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (referer != null) {
            request.header("Referer", referer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return response.body();
    }

    /** The first group of {@code pattern} in {@code page}, which must be there. */
    public static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("%s in %s", pattern, page).isTrue();
        return matcher.group(1);
    }

    /** The hidden fields of a page; a result page's form action as {@code (action)}. */
    public static Map<String, String> result(String page) {
        Document document = Jsoup.parse(page);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : document.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        Element form = document.selectFirst("form#result");
        if (form != null) {
            fields.put("(action)", form.attr("action"));
        }
        return fields;
    }

}
