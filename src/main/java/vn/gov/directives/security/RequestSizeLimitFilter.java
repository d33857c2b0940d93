package vn.gov.directives.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.unit.DataSize;

/**
 * Refuses request bodies above a size with 413 before anything reads them: by the declared Content-Length, and for a
 * body sent without one (chunked) by reading at most one byte past the limit, so that a stream never fills the heap.
 * Tomcat's own {@code maxPostSize} covers only form posts, not JSON.
 */
public class RequestSizeLimitFilter implements Filter {

  private final long maxBytes;
  private final Function<String, Map<String, Object>> errorBody;
  private final ObjectMapper json = new ObjectMapper();

  /** @param errorBody the body of the 413 answer in the shape of the API protected, given the message */
  public RequestSizeLimitFilter(DataSize max, Function<String, Map<String, Object>> errorBody) {
    this.maxBytes = max.toBytes();
    this.errorBody = errorBody;
  }

  static String message(long maxBytes) {
    return "Nội dung yêu cầu quá lớn: tối đa " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB (request body too large).";
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      tooLarge((HttpServletResponse) res);
      return;
    }
    if (declared >= 0 || !hasBody(request)) {
      // Tomcat reads no more than the declared length
      chain.doFilter(request, res);
      return;
    }
    // chunked: read at most one byte more than allowed, then hand the body on from memory
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      tooLarge((HttpServletResponse) res);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), res);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String transferEncoding = request.getHeader("Transfer-Encoding");
    return transferEncoding != null && !transferEncoding.isBlank();
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(errorBody.apply(message(maxBytes))));
  }

  private static final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
