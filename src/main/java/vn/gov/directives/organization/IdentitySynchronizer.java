package vn.gov.directives.organization;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Camunda's identity tables in line with the organisation: a group per agency and role, the admin group and,
 * in the demo profile, the demo users and their memberships. Idempotent, and safe when two nodes start at once: a
 * duplicate-key failure is accepted when the row the other node inserted is what we wanted.
 */
public class IdentitySynchronizer {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySynchronizer.class);

  public static final String ADMIN_GROUP_NAME = "Quản trị hệ thống";

  private final IdentityService identityService;
  private final ConfiguredOrganization organization;

  public IdentitySynchronizer(IdentityService identityService, ConfiguredOrganization organization) {
    this.identityService = identityService;
    this.organization = organization;
  }

  /** Group name shown in Admin and Tasklist, e.g. "Sở TT&TT - Chuyên viên". */
  public String groupName(String code, Role role) {
    return organization.currentOrLatest(code).shortName() + " - " + role.label();
  }

  public SyncReport synchronizeGroups() {
    SyncReport report = new SyncReport();
    // One query for what exists, then one command per change: a restart with nothing to change reads once.
    Map<String, Group> existing = new HashMap<>();
    identityService.createGroupQuery().list().forEach(group -> existing.put(group.getId(), group));
    ensureGroup(Groups.CAMUNDA_ADMIN, ADMIN_GROUP_NAME, Groups.GROUP_TYPE_SYSTEM, existing, report);
    for (String code : organization.codes()) {
      for (Role role : Role.values()) {
        ensureGroup(organization.group(code, role.suffix()), groupName(code, role), Groups.GROUP_TYPE_WORKFLOW,
            existing, report);
      }
    }
    return report;
  }

  /** Creates missing demo users (password only on creation), updates names/e-mails, aligns memberships. */
  public SyncReport synchronizeUsers(List<DemoUser> users) {
    SyncReport report = new SyncReport();
    if (users.isEmpty()) {
      return report;
    }
    Map<String, User> existing = new HashMap<>();
    identityService.createUserQuery().userIdIn(users.stream().map(DemoUser::id).toArray(String[]::new)).list()
        .forEach(user -> existing.put(user.getId(), user));
    for (DemoUser demo : users) {
      boolean created = ensureUser(demo, existing.get(demo.id()), report);
      Set<String> wanted = new LinkedHashSet<>(demo.groupIds());
      Set<String> current = created ? Set.of() : identityService.createGroupQuery().groupMember(demo.id()).list()
          .stream().map(Group::getId).collect(Collectors.toSet());
      for (String groupId : wanted) {
        if (!current.contains(groupId)) {
          insertTolerantly(() -> {
                identityService.createMembership(demo.id(), groupId);
                return null;
              },
              () -> identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() > 0,
              "membership " + demo.id() + " → " + groupId);
          report.changed("membership " + demo.id() + " → " + groupId);
        }
      }
      // A demo user moved to another group in demo-users.yaml leaves the old one.
      for (String groupId : current) {
        if (!wanted.contains(groupId)) {
          identityService.deleteMembership(demo.id(), groupId);
          report.changed("membership removed " + demo.id() + " → " + groupId);
        }
      }
    }
    return report;
  }

  private void ensureGroup(String id, String name, String type, Map<String, Group> existingGroups,
      SyncReport report) {
    Group existing = existingGroups.get(id);
    if (existing == null) {
      boolean inserted = insertTolerantly(() -> {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            return null;
          },
          () -> identityService.createGroupQuery().groupId(id).singleResult() != null, "group " + id);
      if (inserted) {
        report.changed("group created " + id);
        return;
      }
      existing = identityService.createGroupQuery().groupId(id).singleResult();
    }
    if (!Objects.equals(existing.getName(), name) || !Objects.equals(existing.getType(), type)) {
      Group group = existing;
      group.setName(name);
      group.setType(type);
      updateTolerantly(() -> identityService.saveGroup(group), () -> {
        Group now = identityService.createGroupQuery().groupId(id).singleResult();
        return now != null && Objects.equals(now.getName(), name) && Objects.equals(now.getType(), type);
      }, "group " + id);
      report.changed("group renamed " + id + " → " + name);
    }
  }

  /** Returns true when this call created the user (it then has no memberships yet). */
  private boolean ensureUser(DemoUser demo, User existing, SyncReport report) {
    if (existing == null) {
      boolean inserted = insertTolerantly(() -> {
            User user = identityService.newUser(demo.id());
            copy(demo, user);
            user.setPassword(demo.password());
            identityService.saveUser(user);
            return null;
          },
          () -> identityService.createUserQuery().userId(demo.id()).singleResult() != null, "user " + demo.id());
      if (inserted) {
        report.changed("user created " + demo.id());
        return true;
      }
      existing = identityService.createUserQuery().userId(demo.id()).singleResult();
    }
    if (!Objects.equals(existing.getFirstName(), demo.firstName())
        || !Objects.equals(existing.getLastName(), demo.lastName())
        || !Objects.equals(existing.getEmail(), demo.email())) {
      User user = existing;
      copy(demo, user);
      updateTolerantly(() -> identityService.saveUser(user), () -> false, "user " + demo.id());
      report.changed("user updated " + demo.id());
    }
    return false;
  }

  private static void copy(DemoUser demo, User user) {
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setEmail(demo.email());
  }

  /**
   * Runs an insert; when it fails because another node inserted the same row meanwhile (checked by {@code
   * nowPresent}), that is success too. Returns true when this call inserted the row.
   */
  static boolean insertTolerantly(Supplier<Void> insert, Supplier<Boolean> nowPresent, String what) {
    try {
      insert.get();
      return true;
    } catch (ProcessEngineException e) {
      if (Boolean.TRUE.equals(nowPresent.get())) {
        LOG.info("{} was created concurrently by another node; keeping it", what);
        return false;
      }
      throw e;
    }
  }

  private static void updateTolerantly(Runnable update, Supplier<Boolean> alreadyDone, String what) {
    try {
      update.run();
    } catch (ProcessEngineException e) {
      if (Boolean.TRUE.equals(alreadyDone.get())) {
        LOG.info("{} was updated concurrently by another node", what);
        return;
      }
      throw e;
    }
  }
}
