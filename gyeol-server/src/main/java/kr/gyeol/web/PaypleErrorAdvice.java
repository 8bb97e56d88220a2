package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.gyeol.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures that happen before an operation runs (an unsupported method, a broken request
 * line) still answer a Payple path with HTTP 200 and a Payple-shaped JSON error.
 */
@RestControllerAdvice
class PaypleErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaypleErrorAdvice.class);

    private final PaypleController controller;

    PaypleErrorAdvice(PaypleController controller) {
        this.controller = controller;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Void> handle(Exception exception, HttpServletRequest request, HttpServletResponse servletResponse)
            throws IOException {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith(request.getContextPath() + "/php/")) {
            // Outside the Payple wire, plain HTTP semantics apply: 404 for an unknown
            // resource, and so on, with the error page a browser can read (the window's
            // style) or JSON for other clients.
            if (exception instanceof ErrorResponse response) {
                servletResponse.sendError(response.getStatusCode().value());
                return null;
            }
            if (exception instanceof TypeMismatchException || exception instanceof InvalidParameterException
                    || exception instanceof HttpMessageNotReadableException) {
                // Bad input (a non-integer ?days=, undecodable form bytes): the caller's
                // to fix. Its message quotes the input, which may be a key: not logged.
                log.warn("Refused a request to {}: {}", path, exception.getClass().getSimpleName());
                servletResponse.sendError(HttpStatus.BAD_REQUEST.value());
                return null;
            }
            if (exception instanceof DataAccessException) {
                log.error("Request to {} failed in the database: {}", path, exception.getClass().getSimpleName());
                servletResponse.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                return null;
            }
            // A bug: its type and where it happened, in one line; never its
            // message, which can quote what the request carried.
            StackTraceElement[] frames = exception.getStackTrace();
            log.error("Request to {} failed: {} at {}", path, exception.getClass().getName(),
                    frames.length > 0 ? frames[0] : "?");
            servletResponse.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return null;
        }
        log.warn("Request to a Payple path failed before its operation: {}", exception.getClass().getSimpleName());
        this.controller.write(servletResponse, WireResponse.error(ResponseCode.CBIL0001));
        return null;
    }

}
