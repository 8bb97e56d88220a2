package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.gyeol.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
            log.error("Request to {} failed", path, exception);
            servletResponse.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return null;
        }
        log.warn("Request to a Payple path failed before its operation: {}", exception.getClass().getSimpleName());
        this.controller.write(servletResponse, WireResponse.error(ResponseCode.CBIL0001));
        return null;
    }

}
