package vn.gov.directives.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Spring Boot Actuator under {@code /actuator}: the health status is public (a load balancer asks it, without
 * details); its details, the metrics and every other endpoint are for Camunda admins only. An authenticated caller
 * reaches Actuator as a principal whose roles are its Camunda groups, so that
 * {@code management.endpoint.health.roles: camunda-admin} decides who sees the health details.
 */
public class ActuatorAccessFilter implements Filter {

  static final String ADMINS_ONLY = "Chỉ quản trị hệ thống được xem mục này (administrators only)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  public ActuatorAccessFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read = ApiAuthenticationFilter.SAFE_METHODS.contains(request.getMethod());
    RequestCredentials.Caller caller = RequestCredentials.of(request, engine, read);
    if (caller.outcome() == RequestCredentials.Outcome.INVALID) {
      ApiAuthenticationFilter.unauthorized(response, ApiAuthenticationFilter.INVALID);
      return;
    }
    boolean health = read && (path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    if (!health) {
      if (caller.outcome() == RequestCredentials.Outcome.NONE) {
        ApiAuthenticationFilter.unauthorized(response, ApiAuthenticationFilter.MISSING);
        return;
      }
      if (!caller.memberOf(Groups.CAMUNDA_ADMIN)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", ADMINS_ONLY)));
        return;
      }
    }
    chain.doFilter(caller.outcome() == RequestCredentials.Outcome.USER ? asCaller(request, caller) : request,
        response);
  }

  private static HttpServletRequest asCaller(HttpServletRequest request, RequestCredentials.Caller caller) {
    Principal principal = caller::userId;
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public String getRemoteUser() {
        return caller.userId();
      }

      @Override
      public boolean isUserInRole(String role) {
        return caller.memberOf(role);
      }
    };
  }
}
