package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import kr.gyeol.shared.Refused;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the {@link JsonApi} controllers as RFC 9457 problems: bad input is a 4xx with
 * a stable {@code code} and a sentence on what to fix; a database outage is a 503; a bug
 * is a 500 logged in one line with its type, never a stack trace in the answer. Ordered
 * before the Payple advice, which answers everything else.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JsonApiProblems {

    private static final Logger log = LoggerFactory.getLogger(JsonApiProblems.class);

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    /** A problem answer with Gyeol's stable {@code code}. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
    }

    /**
     * Writes a problem straight to the servlet response, for filters and interceptors
     * that answer before any controller runs. {@code detail} is a sentence of ours, never
     * request input, so it needs no escaping beyond quotes.
     */
    public static void write(HttpServletResponse response, int status, String title, String code, String detail)
            throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "\\\"") + "\",\"code\":\"" + code + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(PROBLEM.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith(UnreadableInput.NOT_TEXT)) {
                return withInstance(problem(HttpStatus.BAD_REQUEST, "unreadable-text",
                        "A string of the body holds a NUL character or half of a surrogate pair; send text only."),
                        request);
            }
        }
        return withInstance(problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "The body is not a JSON object of the expected fields (or holds characters that must be escaped)."),
                request);
    }

    /**
     * A form body whose characters cannot be decoded, met when Spring rebuilds a form
     * POST's body from its parameters. Its message quotes the parameter, so it is not
     * logged.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException exception, HttpServletRequest request) {
        return withInstance(problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "The body is not a JSON object of the expected fields (or holds characters that must be escaped)."),
                request);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(TypeMismatchException exception, HttpServletRequest request) {
        String name = exception.getPropertyName() != null ? exception.getPropertyName() : "a parameter";
        return withInstance(
                problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                        "The value of " + name + " is not a valid " + simpleName(exception.getRequiredType()) + "."),
                request);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refused, HttpServletRequest request) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return withInstance(problem(status, refused.code(), refused.getMessage()), request);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException exception, HttpServletRequest request) {
        log.error("Request to {} failed in the database: {}", request.getRequestURI(),
                exception.getClass().getSimpleName());
        return withInstance(
                problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The database could not complete the request; nothing was changed by it. Try again shortly."),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception exception, HttpServletRequest request) {
        if (exception instanceof ErrorResponse response) {
            // Spring's own request errors (method, media type, missing parameter, ...)
            // already know their status.
            return withInstance(
                    problem(response.getStatusCode(), "request-not-supported", response.getBody().getDetail()),
                    request);
        }
        // The type only: a message can quote what the request carried.
        log.error("Request to {} failed: {}", request.getRequestURI(), exception.getClass().getName());
        return withInstance(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The gateway failed to answer this request; it has been logged."), request);
    }

    private static ResponseEntity<ProblemDetail> withInstance(ResponseEntity<ProblemDetail> answer,
            HttpServletRequest request) {
        answer.getBody().setInstance(URI.create(request.getRequestURI()));
        return answer;
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                ? "whole number in range" : type.getSimpleName();
    }

}
