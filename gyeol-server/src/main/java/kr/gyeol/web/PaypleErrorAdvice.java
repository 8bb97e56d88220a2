package kr.gyeol.web;

import jakarta.servlet.http.HttpServletRequest;
import kr.gyeol.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures that happen before an operation runs (an unsupported method, a broken request line) still
 * answer a Payple path with HTTP 200 and a Payple-shaped JSON error.
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
      log.debug("Request failed outside the Payple paths", exception);
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
    }
    log.warn("Request to a Payple path failed before its operation: {}", exception.getClass().getSimpleName());
    WireResponse error = WireResponse.error(ResponseCode.CBIL0001);
    return ResponseEntity.ok()
        .contentType(PaypleController.JSON_UTF8)
        .body(json.writeValueAsString(error.fields()));
  }
}
