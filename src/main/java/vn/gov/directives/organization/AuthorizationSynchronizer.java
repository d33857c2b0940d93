package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Grants what each group needs, idempotently (missing permissions are added, nothing is revoked; the one global
 * grant on process definitions of earlier releases is replaced by group grants):
 *
 * <ul>
 *   <li>camunda-admin: ALL on every resource, as Camunda's own admin set-up does;
 *   <li>every agency group: Tasklist, and READ on all process definitions (names and diagrams). Tasks themselves are granted by the engine to a task's candidate groups;
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
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }
    for (String group : organization.agencyGroupIds()) {
      grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    }
    for (String group : followAllGroups()) {
      grants.add(new Grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
    }
    organization.startPermissions().forEach((processKey, groups) -> {
      for (String group : groups) {
        grants.add(new Grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
            Permissions.CREATE_INSTANCE));
        grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
      }
    });
    // Process names and diagrams are public knowledge: Tasklist shows them on every task and in its Diagram tab.
    // Granted to every group rather than globally: where REVOKE authorizations are checked (task queries always,
    // TaskQueryAuthorizationCheck; every check for a user an administrator has revoked something from), Camunda reads
    // every permission a global row lacks as a global REVOKE, and a global READ on all definitions then denied
    // TASK_WORK on them before the task's own grant was looked at — the user could complete no task
    for (String group : organization.agencyGroupIds()) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
    }
    for (String filterId : sharedFilterIds) {
      grants.add(new Grant(null, Resources.FILTER, filterId, Permissions.READ));
    }
    SyncReport report = new SyncReport();
    removeFormerGlobalDefinitionRead(report);
    List<Grant> rows = mergedByRow(grants);
    Map<String, Authorization> existing = existing(rows);
    for (Grant row : rows) {
      grant(report, row, existing.get(row.key()));
    }
    return report;
  }

  /**
   * Earlier releases granted READ on all process definitions to everybody (a global row); the groups now hold it
   * (see {@link #synchronize}). The global row is deleted only as the product created it — READ alone — so that an
   * administrator's own global grant is left alone.
   */
  private void removeFormerGlobalDefinitionRead(SyncReport report) {
    for (Authorization global : authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(ANY).list()) {
      if (global instanceof AuthorizationEntity entity && entity.getPermissions() == Permissions.READ.getValue()) {
        authorizationService.deleteAuthorization(global.getId());
        report.changed("authorization removed everyone ProcessDefinition:* (now granted to every group)");
      }
    }
  }

  /**
   * One grant per authorization row, with the permissions of every grant on it (e.g. CREATE on process instances
   * for every start permission of a group), in first-seen order: each row is then written once, which lets the
   * whole synchronisation run as one engine command (a row inserted and updated in the same command is refused).
   */
  static List<Grant> mergedByRow(List<Grant> grants) {
    Map<String, Grant> rows = new LinkedHashMap<>();
    for (Grant grant : grants) {
      rows.merge(grant.key(), grant, (first, next) -> {
        Set<Permission> permissions = new LinkedHashSet<>(List.of(first.permissions()));
        permissions.addAll(List.of(next.permissions()));
        return new Grant(first.groupId(), first.resource(), first.resourceId(),
            permissions.toArray(Permission[]::new));
      });
    }
    return new ArrayList<>(rows.values());
  }

  /** A group grant, or a global grant (every user) when {@code groupId} is null. */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {

    String key() {
      return key(groupId, resource.resourceType(), resourceId);
    }

    static String key(String groupId, int resourceType, String resourceId) {
      return (groupId == null ? "*global*" : groupId) + "|" + resourceType + "|" + resourceId;
    }

    int type() {
      return groupId == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT;
    }
  }

  /**
   * The authorizations the grants may already have, in one query per kind and resource type instead of one per
   * grant. Restricted to the grants' groups and, where they all name one, resource id: the engine itself keeps a
   * row per task and candidate group, which must not be read here.
   */
  private Map<String, Authorization> existing(List<Grant> grants) {
    Map<String, Authorization> found = new HashMap<>();
    Map<List<Integer>, List<Grant>> byKindAndType = new LinkedHashMap<>();
    for (Grant grant : grants) {
      byKindAndType.computeIfAbsent(List.of(grant.type(), grant.resource().resourceType()), k -> new ArrayList<>())
          .add(grant);
    }
    byKindAndType.forEach((kindAndType, sameKind) -> {
      Grant first = sameKind.get(0);
      AuthorizationQuery query = authorizationService.createAuthorizationQuery()
          .authorizationType(first.type())
          .resourceType(first.resource());
      if (first.groupId() != null) {
        query = query.groupIdIn(sameKind.stream().map(Grant::groupId).distinct().toArray(String[]::new));
      }
      Set<String> resourceIds = sameKind.stream().map(Grant::resourceId).collect(Collectors.toSet());
      if (resourceIds.size() == 1) {
        query = query.resourceId(first.resourceId());
      }
      for (Authorization authorization : query.list()) {
        found.putIfAbsent(Grant.key(authorization.getGroupId(), authorization.getResourceType(),
            authorization.getResourceId()), authorization);
      }
    });
    return found;
  }

  /** Creates or extends the grant's row; returns it as it now is. */
  private Authorization grant(SyncReport report, Grant grant, Authorization existing) {
    String groupId = grant.groupId();
    Resource resource = grant.resource();
    String resourceId = grant.resourceId();
    String what = (groupId == null ? "everyone" : groupId) + " " + resource.resourceName() + ":" + resourceId;
    if (existing == null) {
      Authorization[] created = new Authorization[1];
      boolean inserted = IdentitySynchronizer.insertTolerantly(() -> {
            Authorization authorization = authorizationService.createNewAuthorization(grant.type());
            if (groupId == null) {
              authorization.setUserId(ANY);
            } else {
              authorization.setGroupId(groupId);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : grant.permissions()) {
              authorization.addPermission(permission);
            }
            created[0] = authorizationService.saveAuthorization(authorization);
            return null;
          },
          () -> find(groupId, resource, resourceId) != null, "authorization " + what);
      if (inserted) {
        report.changed("authorization created " + what);
        return created[0];
      }
      existing = find(groupId, resource, resourceId);
    }
    Set<String> added = new LinkedHashSet<>();
    for (Permission permission : grant.permissions()) {
      if (!existing.isPermissionGranted(permission)) {
        existing.addPermission(permission);
        added.add(permission.getName());
      }
    }
    if (!added.isEmpty()) {
      existing = authorizationService.saveAuthorization(existing);
      report.changed("authorization extended " + what + " + " + added);
    }
    return existing;
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
