package vn.gov.directives.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Authenticates every {@code /api/*} request, by HTTP Basic (checked against Camunda's users) or by the Camunda
 * webapp session of a user logged in to Tasklist (so that links in forms work), and runs the request as that user
 * in Camunda's identity service, so that engine queries apply the user's authorizations.
 *
 * <p>The session is accepted for safe methods only (GET, HEAD): the webapps' CSRF protection does not cover
 * {@code /api}, so a state-changing request must carry credentials a foreign page cannot send.
 */
public class ApiAuthenticationFilter implements Filter {

  static final String MISSING = "Chưa đăng nhập: đăng nhập Tasklist hoặc gửi tài khoản qua HTTP Basic "
      + "(authentication required)";
  static final String INVALID = "Sai tên đăng nhập hoặc mật khẩu (invalid user name or password)";
  static final String REALM = "Basic realm=\"directive-follow-up\", charset=\"UTF-8\"";

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  private final ProcessEngine engine;
  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    IdentityService identityService = engine.getIdentityService();
    identityService.clearAuthentication();

    RequestCredentials.Caller caller =
        RequestCredentials.of(request, engine, SAFE_METHODS.contains(request.getMethod()));
    switch (caller.outcome()) {
      case INVALID -> {
        unauthorized(response, INVALID);
        return;
      }
      case NONE -> {
        unauthorized(response, MISSING);
        return;
      }
      default -> { }
    }
    identityService.setAuthentication(caller.userId(), caller.groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static void unauthorized(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(ApiErrors.body("", message)));
  }
}
