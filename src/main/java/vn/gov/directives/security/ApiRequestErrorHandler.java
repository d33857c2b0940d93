package vn.gov.directives.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests refused before any controller of ours is chosen (an unknown address, a method or content type no
 * controller takes) are answered in the API's shape when they are under {@code /api}; elsewhere (the webapps' static
 * files) the exception is handed back so that Spring Boot answers as usual. {@link ApiExceptionHandler} cannot do
 * this: it is limited to our controllers, and here there is none.
 */
@RestControllerAdvice
public class ApiRequestErrorHandler {

  @ExceptionHandler(NoResourceFoundException.class)
  public ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    if (!isApi(request)) {
      throw e;
    }
    return ApiErrors.response(HttpStatus.NOT_FOUND, "", "Không có địa chỉ này trong API.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e,
      HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return ApiErrors.response(HttpStatus.METHOD_NOT_ALLOWED, "",
        "Phương thức " + e.getMethod() + " không được hỗ trợ ở địa chỉ này.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e,
      HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return ApiErrors.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "",
        "Kiểu nội dung không được hỗ trợ: " + e.getContentType() + " (gửi application/json).");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
    if (!isApi(request)) {
      throw e;
    }
    return ApiErrors.response(HttpStatus.NOT_ACCEPTABLE, "", "Không trả lời được theo kiểu nội dung yêu cầu (Accept).");
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }
}
