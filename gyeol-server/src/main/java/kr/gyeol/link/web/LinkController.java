package kr.gyeol.link.web;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.link.LinkService;
import kr.gyeol.link.PaymentLink;
import kr.gyeol.partner.IssuedSession;
import kr.gyeol.protocol.Fields;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page behind a link's URL: shows the order, opens the payment window for the chosen
 * way to pay (as a partner's page would, with a window AuthKey of its own) and shows the
 * window's result.
 */
@Controller
class LinkController {

    private final LinkService links;

    private final LenientBodyParser parser;

    LinkController(LinkService links, LenientBodyParser parser) {
        this.links = links;
        this.parser = parser;
    }

    @GetMapping("/link/{key}")
    ModelAndView page(@PathVariable String key) {
        PaymentLink link = this.links.find(key).orElse(null);
        if (link == null) {
            return notice(HttpStatus.NOT_FOUND, "링크를 찾을 수 없습니다", "주소를 다시 확인해 주세요.", null);
        }
        if (this.links.paid(link).isPresent()) {
            return notice(HttpStatus.OK, "이미 결제가 완료된 링크입니다", "같은 링크로 다시 결제할 수 없습니다.", link);
        }
        if (this.links.expired(link)) {
            return notice(HttpStatus.GONE, "만료된 링크입니다",
                    link.expiresOn().format(DateTimeFormatter.ISO_LOCAL_DATE) + "까지 결제할 수 있는 링크였습니다.", link);
        }
        Map<String, Object> model = order(link);
        List<Map<String, String>> methods = new ArrayList<>();
        for (PaymentLink.Method method : link.methods()) {
            methods.add(Map.of("value", method.name(), "label", switch (method) {
                case CARD -> "신용·체크카드로 결제";
                case APP_CARD -> "앱카드·간편페이로 결제";
                case BANK_ACCOUNT -> "계좌로 결제";
            }));
        }
        model.put("methods", methods);
        model.put("expires", link.expiresOn().format(DateTimeFormatter.ISO_LOCAL_DATE));
        return new ModelAndView("link/page", model);
    }

    /** Opens the window for the chosen way to pay. */
    @PostMapping("/link/{key}/pay")
    ModelAndView pay(@PathVariable String key, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        PaymentLink link = this.links.find(key).orElse(null);
        if (link == null) {
            return notice(HttpStatus.NOT_FOUND, "링크를 찾을 수 없습니다", "주소를 다시 확인해 주세요.", null);
        }
        if (this.links.paid(link).isPresent() || this.links.expired(link)) {
            return page(key);
        }
        PaymentLink.Method method = link.methods()
            .stream()
            .filter((candidate) -> candidate.name().equals(form.get("method")))
            .findFirst()
            .orElse(link.methods().get(0));
        IssuedSession session = this.links.windowSession(link);
        List<Map<String, String>> fields = new ArrayList<>();
        add(fields, Fields.CST_ID, session.partnerToken());
        add(fields, Fields.CUST_KEY, session.secretToken());
        add(fields, Fields.AUTH_KEY_FIELD, session.authKey());
        add(fields, Fields.PAY_TYPE, method == PaymentLink.Method.BANK_ACCOUNT ? "transfer" : "card");
        if (method != PaymentLink.Method.BANK_ACCOUNT) {
            add(fields, Fields.CARD_VER, method == PaymentLink.Method.APP_CARD ? "02" : "01");
        }
        add(fields, Fields.PAY_WORK, "PAY");
        add(fields, Fields.PAY_GOODS, link.goods());
        add(fields, Fields.PAY_TOTAL, Long.toString(link.amount().amount()));
        add(fields, Fields.PAY_ISTAX, link.taxable() ? "Y" : "N");
        if (link.vat() != null) {
            add(fields, Fields.PAY_TAXTOTAL, Long.toString(link.vat().amount()));
        }
        add(fields, Fields.PAY_OID, link.orderId().value());
        if (link.cashReceipt()) {
            add(fields, Fields.TAXSAVE_FLAG, "Y");
        }
        if (link.billingPeriod() != null) {
            add(fields, Fields.REGULER_FLAG, "Y");
            add(fields, Fields.PAY_YEAR, Integer.toString(link.billingPeriod().getYear()));
            add(fields, Fields.PAY_MONTH, String.format("%02d", link.billingPeriod().getMonthValue()));
        }
        // Absolute: the window opens in this tab and posts its result back here.
        add(fields, Fields.RST_URL, form.baseUrl() + "/link/" + link.key() + "/result");
        Map<String, Object> model = new HashMap<>();
        model.put("fields", fields);
        return new ModelAndView("link/open", model);
    }

    /** Where the window posts the link payment's result. */
    @PostMapping("/link/{key}/result")
    ModelAndView result(@PathVariable String key, HttpServletRequest servletRequest) {
        WireRequest form = this.parser.parse(servletRequest);
        PaymentLink link = this.links.find(key).orElse(null);
        if (link == null) {
            return notice(HttpStatus.NOT_FOUND, "링크를 찾을 수 없습니다", "주소를 다시 확인해 주세요.", null);
        }
        return switch (String.valueOf(form.get(Fields.PAY_RST))) {
            case "success" -> notice(HttpStatus.OK, "결제가 완료되었습니다", form.get(Fields.PAY_MSG), link);
            case "close" -> page(key);
            default -> {
                ModelAndView page = notice(HttpStatus.OK, "결제하지 못했습니다", form.get(Fields.PAY_MSG), link);
                page.addObject("retry", true);
                yield page;
            }
        };
    }

    private static void add(List<Map<String, String>> fields, String name, String value) {
        fields.add(Map.of("name", name, "value", value));
    }

    private static Map<String, Object> order(PaymentLink link) {
        Map<String, Object> model = new HashMap<>();
        model.put("key", link.key());
        model.put("goods", link.goods());
        model.put("amount", NumberFormat.getIntegerInstance(Locale.KOREA).format(link.amount().amount()));
        model.put("memo", link.memo() == null ? "" : link.memo());
        return model;
    }

    private static ModelAndView notice(HttpStatus status, String heading, String message, PaymentLink link) {
        Map<String, Object> model = link == null ? new HashMap<>() : order(link);
        model.put("heading", heading);
        model.put("message", message == null ? "" : message);
        model.put("retry", false);
        ModelAndView page = new ModelAndView("link/notice", model);
        page.setStatus(status);
        return page;
    }

}
