package kr.gyeol.gpay.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.gpay.GpayRefused;
import kr.gyeol.gpay.GpayTokens;
import kr.gyeol.protocol.GpayCode;
import kr.gyeol.protocol.GpayFields;
import kr.gyeol.web.LenientBodyParser;
import kr.gyeol.web.WireRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /gpay/oauth/1.0/token} (spec §5.1): JSON whatever the content type says,
 * answered with HTTP 200 and the result code in {@code result}.
 */
@RestController
class GpayTokenController {

    private final GpayTokens tokens;

    private final LenientBodyParser parser;

    GpayTokenController(GpayTokens tokens, LenientBodyParser parser) {
        this.tokens = tokens;
        this.parser = parser;
    }

    @PostMapping(path = "/gpay/oauth/1.0/token", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> token(HttpServletRequest servletRequest) {
        WireRequest request = this.parser.parse(servletRequest);
        Map<String, String> answer = new LinkedHashMap<>();
        GpayTokens.Issued issued;
        try {
            issued = this.tokens.issue(request.get(GpayFields.SERVICE_ID), request.get(GpayFields.SERVICE_KEY),
                    request.get(GpayFields.CODE), servletRequest.getRemoteAddr());
        }
        catch (GpayRefused ex) {
            GpayCode code = GpayAnswers.code(ex.reason());
            answer.put(GpayFields.RESULT, code.name());
            answer.put(GpayFields.MESSAGE,
                    ex.reason() == GpayRefused.Reason.LOCKED_OUT
                            ? "Too many wrong service_key attempts from this address; try again in a few minutes."
                            : code.message());
            return answer;
        }
        answer.put(GpayFields.RESULT, GpayCode.T0000.name());
        answer.put(GpayFields.MESSAGE, GpayCode.T0000.message());
        answer.put(GpayFields.CODE, issued.code());
        answer.put(GpayFields.ACCESS_TOKEN, issued.accessToken());
        answer.put(GpayFields.TOKEN_TYPE, "Bearer");
        if (issued.testMode()) {
            // The window needs it in test mode (spec §5.1).
            answer.put("payCls", "demo");
        }
        answer.put(GpayFields.EXPIRES_IN, Long.toString(issued.lifetime().toSeconds()));
        return answer;
    }

}
