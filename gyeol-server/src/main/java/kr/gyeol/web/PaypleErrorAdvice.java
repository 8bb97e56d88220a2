package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures that happen before an operation runs (an unsupported method, a broken request
 * line) still answer a Payple path with HTTP 200 and a Payple-shaped JSON error.
 */
@RestControllerAdvice
class PaypleErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaypleErrorAdvice.class);

    private final JsonMapper json;

    PaypleErrorAdvice(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> handle(Exception exception, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith(request.getContextPath() + "/php/")) {
            // Outside the Payple wire, plain HTTP semantics apply: 404 for an unknown
            // resource, and so on.
            if (exception instanceof ErrorResponse response) {
                return ResponseEntity.status(response.getStatusCode()).build();
            }
            log.error("Request to {} failed", path, exception);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
        log.warn("Request to a Payple path failed before its operation: {}", exception.getClass().getSimpleName());
        WireResponse error = WireResponse.error(ResponseCode.CBIL0001);
        return ResponseEntity.ok()
            .contentType(PaypleController.JSON_UTF8)
            .body(json.writeValueAsString(error.fields()));
    }

}
