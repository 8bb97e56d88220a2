package kr.gyeol.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.idempotency.IdempotencyKeys;
import kr.gyeol.protocol.Endpoint;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import kr.gyeol.protocol.WireValues;
import kr.gyeol.shared.CommitAttempts;
import kr.gyeol.shared.PartnerId;

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

    private final IdempotencyKeys idempotency;

    private final Callers callers;

    private final MeterRegistry registry;

    private final Map<String, Timer> timers;

    PaypleController(List<PaypleOperation> operations, LenientBodyParser parser, JsonMapper json,
            IdempotencyKeys idempotency, Callers callers, MeterRegistry registry) {
        this.registry = registry;
        this.idempotency = idempotency;
        this.callers = callers;
        for (PaypleOperation operation : operations) {
            for (Endpoint endpoint : operation.endpoints()) {
                if (this.operations.put(endpoint, operation) != null) {
                    throw new IllegalStateException("Two operations claim " + endpoint);
                }
            }
        }
        this.parser = parser;
        this.json = json;
        this.timers = timers();
    }

    /**
     * Every Payple path, named one by one so that Spring finds this handler by a direct
     * look-up instead of matching every mapping of the gateway against {@code /php/**},
     * which stays for the paths Payple lacks (answered {@code CBIL0001}).
     * {@code /php/PayAct.php} is the window's.
     */
    @RequestMapping(path = { "/php/auth.php", "/php/auth/clientKeyAuth.php", "/php/SimplePayCardAct.php",
            "/php/SimplePayAct.php", "/php/RePayCardAct.php", "/php/RePayAct.php", "/php/PayChkAct.php",
            "/php/account/api/cPayCAct.php", "/php/cPayUser/api/cPayUserAct.php", "/php/link/api/LinkRegAct.php",
            "/php/taxsave/api/tsAct.php", "/php/PayCardConfirmAct.php", "/php/PayConfirmAct.php", "/php/**" },
            method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT })
    void handle(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
        long started = System.nanoTime();
        Endpoint answered = answer(request, servletResponse);
        this.timers.get(answered == null ? UNKNOWN_PATH : answered.name())
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static final String UNKNOWN_PATH = "UNKNOWN_PATH";

    /**
     * Per Payple operation (which one path and its body flags name together), made once.
     */
    private Map<String, Timer> timers() {
        Map<String, Timer> timers = new java.util.HashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            names.add(endpoint.name());
        }
        names.add(UNKNOWN_PATH);
        for (String name : names) {
            timers.put(name,
                    Timer.builder("gyeol.payple.operations")
                        .description("Payple wire calls by operation, from request to answer")
                        .tag("operation", name)
                        .publishPercentileHistogram()
                        .register(this.registry));
        }
        return Map.copyOf(timers);
    }

    /** Answers one wire call; the operation it was, or null for a path Payple lacks. */
    private Endpoint answer(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Endpoint endpoint = Endpoint.at(path, act(request.getQueryString()));
        PaypleOperation operation = endpoint == null ? null : operations.get(endpoint);
        if (operation == null) {
            write(servletResponse, WireResponse.error(ResponseCode.CBIL0001));
            return null;
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
            String key = request.getHeader(Idempotency.HEADER);
            if (key != null && Idempotency.STATE_CHANGING.contains(endpoint)) {
                handleOnce(key, wire, endpoint, operation, servletResponse);
                return endpoint;
            }
            CommitAttempts.reset();
            response = operation.handle(wire, endpoint);
        }
        catch (RuntimeException e) {
            // Exception messages here never carry request values: the parser keeps them
            // to itself.
            log.error("Unexpected failure answering {}", endpoint, e);
            response = afterFailure(operation, endpoint);
        }
        write(servletResponse, response);
        return endpoint;
    }

    /**
     * A state-changing call with an {@code Idempotency-Key}: run once per partner and
     * key, the first answer sent again to a retry (which brings its own AuthKey from its
     * own auth.php), another request under the same key refused ({@code IDEM0002}), a
     * duplicate of a call still running told so ({@code IDEM0003}) after waiting for it.
     * A call whose envelope names no partner is answered as without a key (its refusal).
     */
    private void handleOnce(String key, WireRequest wire, Endpoint endpoint, PaypleOperation operation,
            HttpServletResponse servletResponse) throws IOException {
        if (!IdempotencyKeys.valid(key)) {
            write(servletResponse, WireResponse.error(ResponseCode.IDEM0001));
            return;
        }
        Optional<PartnerId> partner = this.callers.ofEnvelope(wire);
        if (partner.isEmpty()) {
            write(servletResponse, operation.handle(wire, endpoint));
            return;
        }
        // A failure before any write reaches handle()'s own answer to a failure: the
        // key was given back, and nothing was written.
        Idempotency.Once once = Idempotency.once(this.idempotency, partner.get(), key,
                Idempotency.hash(endpoint, wire.fields()), JSON_UTF8.toString(),
                () -> this.json.writeValueAsBytes(operation.handle(wire, endpoint).fields()), (failure) -> {
                    log.error("Unexpected failure answering {}", endpoint, failure);
                    return this.json.writeValueAsBytes(operation.unknownOutcome(endpoint).fields());
                });
        switch (once) {
            case Idempotency.Once.Answered answered -> {
                if (answered.replayed()) {
                    servletResponse.setHeader(Idempotency.REPLAYED, "true");
                }
                write(servletResponse, answered.body());
            }
            case Idempotency.Once.Reused reused -> write(servletResponse, WireResponse.error(ResponseCode.IDEM0002));
            case Idempotency.Once.Running running -> write(servletResponse, WireResponse.error(ResponseCode.IDEM0003));
        }
    }

    /**
     * After an unexpected failure: a retry code only where nothing was written, provably;
     * the operation's unknown outcome once a write was committed or tried to be.
     */
    private static WireResponse afterFailure(PaypleOperation operation, Endpoint endpoint) {
        return CommitAttempts.attempted() ? operation.unknownOutcome(endpoint) : operation.failure(endpoint);
    }

    /**
     * The answer to a request Tomcat refused before parsing it (an unreadable header):
     * the error of the operation at its path, or {@code CBIL0001} for a path Payple
     * lacks.
     */
    byte[] refusalBeforeParsing(String path) {
        Endpoint endpoint = Endpoint.at(path, null);
        PaypleOperation operation = endpoint == null ? null : this.operations.get(endpoint);
        return this.json.writeValueAsBytes(
                (operation == null ? WireResponse.error(ResponseCode.CBIL0001) : operation.failure(endpoint)).fields());
    }

    /**
     * Writes the answer to the servlet response itself. Through Spring's message
     * converters a path ending in ".php" would gain a
     * {@code Content-Disposition: inline;filename=f.txt} header (reflected-file-download
     * protection) that Payple does not send.
     */
    void write(HttpServletResponse servletResponse, WireResponse response) throws IOException {
        write(servletResponse, this.json.writeValueAsBytes(response.fields()));
    }

    private static void write(HttpServletResponse servletResponse, byte[] body) throws IOException {
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
