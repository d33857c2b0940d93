package vn.gov.directives.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Whatever goes wrong in a controller of ours is answered in the API's shape ({@code {errors: [{field, message}]}},
 * Vietnamese), never with Spring's default page, a stack trace, an exception class or SQL: an unexpected failure is
 * logged with a reference the answer repeats, so that an operator can find it without the client seeing it.
 */
@RestControllerAdvice(basePackages = "vn.gov.directives")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RejectedInputException.class)
  public ResponseEntity<Map<String, Object>> rejected(RejectedInputException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, "", "Không đọc được nội dung yêu cầu (gửi JSON mã hóa UTF-8).");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, e.getParameterName(),
        "Thiếu tham số " + e.getParameterName() + ".");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, e.getName(), "Giá trị của " + e.getName() + " không hợp lệ.");
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    // Spring's own client errors (ResponseStatusException and the like) keep their status
    if (e instanceof org.springframework.web.ErrorResponse response && response.getStatusCode().is4xxClientError()) {
      return ApiErrors.response(HttpStatus.valueOf(response.getStatusCode().value()), "",
          "Yêu cầu không hợp lệ (HTTP " + response.getStatusCode().value() + ").");
    }
    String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Unexpected error answered as 500, reference {}", reference, e);
    return ApiErrors.response(HttpStatus.INTERNAL_SERVER_ERROR, "", "Lỗi hệ thống, yêu cầu chưa được thực hiện. "
        + "Báo cho quản trị viên mã tham chiếu " + reference + ".");
  }
}
