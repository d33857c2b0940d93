package vn.gov.directives.organization;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;

/**
 * The administrator given from the environment ({@code APP_ADMIN_USER} / {@code APP_ADMIN_PASSWORD}): created at
 * start-up when missing, its password set to the given one when it differs, and kept in {@code camunda-admin}.
 * Required by the prod profile, optional elsewhere.
 */
public record AdminAccount(String userId, String password) {

  static final String USER_PROPERTY = "app.admin.user";
  static final String PASSWORD_PROPERTY = "app.admin.password";

  public boolean configured() {
    return userId != null && !userId.isBlank() && password != null && !password.isBlank();
  }

  /** Brings the account in line; returns what changed (for the start-up report). */
  public SyncReport ensure(IdentityService identityService, StoredPasswords passwords) {
    SyncReport report = new SyncReport();
    if (!configured()) {
      return report;
    }
    String id = userId.strip();
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      User created = identityService.newUser(id);
      created.setFirstName("Quản trị");
      created.setLastName("hệ thống");
      created.setPassword(password);
      identityService.saveUser(created);
      report.changed("admin created " + id);
    } else if (!passwords.matches(user, password)) {
      user.setPassword(password);
      identityService.saveUser(user);
      report.changed("admin password set " + id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
      report.changed("membership " + id + " → " + Groups.CAMUNDA_ADMIN);
    }
    return report;
  }
}
