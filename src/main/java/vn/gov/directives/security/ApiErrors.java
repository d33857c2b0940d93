package vn.gov.directives.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of {@code /api}: {@code {"errors": [{"field", "message"}]}} with Vietnamese messages. Answers
 * that used to carry a single {@code "error"} text keep it next to the list, so that existing clients keep working.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** {@code {"errors": [{"field": field, "message": message}], "error": message}} */
  public static Map<String, Object> body(String field, String message) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("field", field == null ? "" : field);
    item.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(item));
    body.put("error", message);
    return body;
  }

  public static ResponseEntity<Map<String, Object>> response(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(field, message));
  }
}
