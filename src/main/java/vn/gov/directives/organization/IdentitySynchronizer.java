package vn.gov.directives.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
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
    ensureGroup(Groups.CAMUNDA_ADMIN, ADMIN_GROUP_NAME, Groups.GROUP_TYPE_SYSTEM, report);
    for (String code : organization.codes()) {
      for (Role role : Role.values()) {
        ensureGroup(organization.group(code, role.suffix()), groupName(code, role), Groups.GROUP_TYPE_WORKFLOW, report);
      }
    }
    return report;
  }

  /** Creates missing demo users (password only on creation), updates names/e-mails, aligns memberships. */
  public SyncReport synchronizeUsers(List<DemoUser> users) {
    SyncReport report = new SyncReport();
    for (DemoUser demo : users) {
      ensureUser(demo, report);
      Set<String> wanted = new HashSet<>(demo.groupIds());
      for (String groupId : demo.groupIds()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
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
      for (Group group : identityService.createGroupQuery().groupMember(demo.id()).list()) {
        if (!wanted.contains(group.getId())) {
          identityService.deleteMembership(demo.id(), group.getId());
          report.changed("membership removed " + demo.id() + " → " + group.getId());
        }
      }
    }
    return report;
  }

  private void ensureGroup(String id, String name, String type, SyncReport report) {
    Group existing = identityService.createGroupQuery().groupId(id).singleResult();
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

  private void ensureUser(DemoUser demo, SyncReport report) {
    User existing = identityService.createUserQuery().userId(demo.id()).singleResult();
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
        return;
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
