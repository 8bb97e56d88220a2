package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single entry of every domestic Payple server-to-server path. It parses leniently,
 * picks the operation by path and {@code ACT_}, and answers HTTP 200 with a JSON object
 * of strings whatever happens inside.
 */
@RestController
class PaypleController {

    private static final Logger log = LoggerFactory.getLogger(PaypleController.class);
    static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final Map<Endpoint, PaypleOperation> operations = new EnumMap<>(Endpoint.class);

    private final LenientBodyParser parser;

    private final JsonMapper json;

    PaypleController(List<PaypleOperation> operations, LenientBodyParser parser, JsonMapper json) {
        for (PaypleOperation operation : operations) {
            for (Endpoint endpoint : operation.endpoints()) {
                if (this.operations.put(endpoint, operation) != null) {
                    throw new IllegalStateException("Two operations claim " + endpoint);
                }
            }
        }
        this.parser = parser;
        this.json = json;
    }

    @RequestMapping(path = { "/php/**" }, method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT })
    void handle(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Endpoint endpoint = Endpoint.at(path, act(request.getQueryString()));
        PaypleOperation operation = endpoint == null ? null : operations.get(endpoint);
        if (operation == null) {
            write(servletResponse, WireResponse.error(ResponseCode.CBIL0001));
            return;
        }
        WireResponse response;
        try {
            WireRequest wire = parser.parse(request);
            // The 2020 card manual posts cancels to the lookup URL with the cancel flag
            // (spec §1.2).
            if (endpoint == Endpoint.PAYMENT_LOOKUP && WireValues.isYes(wire.get(Fields.PAYCANCEL_FLAG))
                    && operations.containsKey(Endpoint.CANCEL)) {
                endpoint = Endpoint.CANCEL;
                operation = operations.get(Endpoint.CANCEL);
            }
            response = operation.handle(wire, endpoint);
        }
        catch (RuntimeException e) {
            // Exception messages here never carry request values: the parser keeps them
            // to itself.
            log.error("Unexpected failure answering {}", endpoint, e);
            response = operation.failure(endpoint);
        }
        write(servletResponse, response);
    }

    /**
     * Writes the answer to the servlet response itself. Through Spring's message
     * converters a path ending in ".php" would gain a
     * {@code Content-Disposition: inline;filename=f.txt} header (reflected-file-download
     * protection) that Payple does not send.
     */
    void write(HttpServletResponse servletResponse, WireResponse response) throws IOException {
        byte[] body = this.json.writeValueAsBytes(response.fields());
        servletResponse.setStatus(HttpServletResponse.SC_OK);
        servletResponse.setContentType(JSON_UTF8.toString());
        servletResponse.setContentLength(body.length);
        servletResponse.getOutputStream().write(body);
    }

    private static String act(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.regionMatches(true, 0, "ACT_=", 0, 5)) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

}
