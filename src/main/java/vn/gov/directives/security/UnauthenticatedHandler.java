package vn.gov.directives.security;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 401 JSON for {@link UnauthenticatedException}; ordered first so that broader handlers do not turn it into 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnauthenticatedHandler {

  @ExceptionHandler(UnauthenticatedException.class)
  public ResponseEntity<Map<String, Object>> unauthenticated(UnauthenticatedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, ApiAuthenticationFilter.REALM)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ApiErrors.body("", e.getMessage()));
  }
}
