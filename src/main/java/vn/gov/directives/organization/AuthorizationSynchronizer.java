package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Grants what each group needs, idempotently (missing permissions are added, nothing is revoked):
 *
 * <ul>
 *   <li>camunda-admin: ALL on every resource, as Camunda's own admin set-up does;
 *   <li>every agency group: Tasklist. Tasks themselves are granted by the engine to a task's candidate groups;
 *       there is no global task grant, so an agency sees only its own tasks;
 *   <li>every group of the committee and of its review office: Cockpit, READ and READ_HISTORY on all process
 *       definitions, READ on all process instances (they follow every case);
 *   <li>start permissions: READ and CREATE_INSTANCE on the definition, CREATE on process instances;
 *   <li>the shared Tasklist filters: READ for everybody (a global grant, which is how Tasklist shares a filter).
 * </ul>
 */
public class AuthorizationSynchronizer {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String ANY = Authorization.ANY;

  private final AuthorizationService authorizationService;
  private final ConfiguredOrganization organization;

  public AuthorizationSynchronizer(AuthorizationService authorizationService, ConfiguredOrganization organization) {
    this.authorizationService = authorizationService;
    this.organization = organization;
  }

  /** The groups that follow every process instance: all groups of the committee and of its review office. */
  public List<String> followAllGroups() {
    List<String> groups = new ArrayList<>();
    for (String code : List.of(organization.committee(), organization.reviewOffice())) {
      for (Role role : Role.values()) {
        groups.add(organization.group(code, role.suffix()));
      }
    }
    return groups;
  }

  public SyncReport synchronize(Collection<String> sharedFilterIds) {
    SyncReport report = new SyncReport();
    for (Resources resource : Resources.values()) {
      grant(report, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : organization.agencyGroupIds()) {
      grant(report, group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    }
    for (String group : followAllGroups()) {
      grant(report, group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
      grant(report, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(report, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }
    organization.startPermissions().forEach((processKey, groups) -> {
      for (String group : groups) {
        grant(report, group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(report, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
    });
    // Process names and diagrams are public knowledge: Tasklist shows them on every task and in its Diagram tab
    grant(report, null, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    for (String filterId : sharedFilterIds) {
      grant(report, null, Resources.FILTER, filterId, Permissions.READ);
    }
    return report;
  }

  /** Group grant, or a global grant (every user) when {@code groupId} is null. */
  private void grant(SyncReport report, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    String what = (groupId == null ? "everyone" : groupId) + " " + resource.resourceName() + ":" + resourceId;
    Authorization existing = find(groupId, resource, resourceId);
    if (existing == null) {
      boolean inserted = IdentitySynchronizer.insertTolerantly(() -> {
            Authorization authorization = authorizationService.createNewAuthorization(
                groupId == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
            if (groupId == null) {
              authorization.setUserId(ANY);
            } else {
              authorization.setGroupId(groupId);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
              authorization.addPermission(permission);
            }
            authorizationService.saveAuthorization(authorization);
            return null;
          },
          () -> find(groupId, resource, resourceId) != null, "authorization " + what);
      if (inserted) {
        report.changed("authorization created " + what);
        return;
      }
      existing = find(groupId, resource, resourceId);
    }
    Set<String> added = new LinkedHashSet<>();
    for (Permission permission : permissions) {
      if (!existing.isPermissionGranted(permission)) {
        existing.addPermission(permission);
        added.add(permission.getName());
      }
    }
    if (!added.isEmpty()) {
      authorizationService.saveAuthorization(existing);
      report.changed("authorization extended " + what + " + " + added);
    }
  }

  private Authorization find(String groupId, Resource resource, String resourceId) {
    AuthorizationQuery query = authorizationService.createAuthorizationQuery()
        .resourceType(resource)
        .resourceId(resourceId);
    query = groupId == null
        ? query.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        : query.authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId);
    List<Authorization> found = query.list();
    return found.isEmpty() ? null : found.get(0);
  }
}
