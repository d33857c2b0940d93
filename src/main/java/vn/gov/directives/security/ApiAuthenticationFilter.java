package vn.gov.directives.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

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

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

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

    String userId;
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<String> checked = basicUser(header.substring(6).trim(), identityService);
      if (checked.isEmpty()) {
        unauthorized(response, INVALID);
        return;
      }
      userId = checked.get();
    } else {
      Optional<String> sessionUser = SAFE_METHODS.contains(request.getMethod()) ? sessionUser(request) : Optional.empty();
      if (sessionUser.isEmpty()) {
        unauthorized(response, MISSING);
        return;
      }
      userId = sessionUser.get();
    }

    // Groups are read fresh so that a membership change applies at once, as in the engine's own checks.
    List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groupIds);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Optional<String> basicUser(String encoded, IdentityService identityService) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return identityService.checkPassword(user, password) ? Optional.of(user) : Optional.empty();
  }

  private Optional<String> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (authentication == null || authentication.getIdentityId() == null) {
      return Optional.empty();
    }
    // A user deleted since logging in is no longer anybody.
    String userId = authentication.getIdentityId();
    return engine.getIdentityService().createUserQuery().userId(userId).count() > 0
        ? Optional.of(userId)
        : Optional.empty();
  }

  private void unauthorized(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", REALM);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(ApiErrors.body("", message)));
  }
}
