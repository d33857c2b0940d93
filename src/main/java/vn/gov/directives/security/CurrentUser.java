package vn.gov.directives.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user of the current request, as set by {@link ApiAuthenticationFilter} in Camunda's identity service.
 * Controllers under {@code /api} may declare a {@code CurrentUser} parameter, or call {@link #require}.
 */
public record CurrentUser(String userId, List<String> groupIds) {

  public CurrentUser {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  /** The authenticated user, or {@link UnauthenticatedException} (→ 401). */
  public static CurrentUser require(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new UnauthenticatedException(ApiAuthenticationFilter.MISSING);
    }
    return new CurrentUser(authentication.getUserId(), authentication.getGroupIds());
  }

  public boolean isAdmin() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean memberOf(String groupId) {
    return groupIds.contains(groupId);
  }
}
