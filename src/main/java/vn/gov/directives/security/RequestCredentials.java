package vn.gov.directives.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who sent a request: HTTP Basic checked against Camunda's users (throttled by the engine like every login), or,
 * when allowed, the Camunda webapp session of a user logged in to Tasklist/Cockpit.
 */
final class RequestCredentials {

  enum Outcome { NONE, INVALID, USER }

  record Caller(Outcome outcome, String userId, List<String> groupIds) {

    static final Caller NONE = new Caller(Outcome.NONE, null, List.of());
    static final Caller INVALID = new Caller(Outcome.INVALID, null, List.of());

    boolean memberOf(String groupId) {
      return groupIds.contains(groupId);
    }
  }

  private RequestCredentials() {}

  static Caller of(HttpServletRequest request, ProcessEngine engine, boolean sessionAccepted) {
    IdentityService identityService = engine.getIdentityService();
    String header = request.getHeader("Authorization");
    Optional<String> userId;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      userId = basicUser(header.substring(6).trim(), identityService);
      if (userId.isEmpty()) {
        return Caller.INVALID;
      }
    } else {
      userId = sessionAccepted ? sessionUser(request, engine) : Optional.empty();
      if (userId.isEmpty()) {
        return Caller.NONE;
      }
    }
    // Groups are read fresh so that a membership change applies at once, as in the engine's own checks.
    List<String> groupIds = identityService.createGroupQuery().groupMember(userId.get()).list().stream()
        .map(Group::getId).toList();
    return new Caller(Outcome.USER, userId.get(), groupIds);
  }

  private static Optional<String> basicUser(String encoded, IdentityService identityService) {
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

  private static Optional<String> sessionUser(HttpServletRequest request, ProcessEngine engine) {
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
}
