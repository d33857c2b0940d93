package vn.gov.directives.organization;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.env.Environment;

/**
 * The administrator given from the environment ({@code APP_ADMIN_USER} / {@code APP_ADMIN_PASSWORD}, optionally
 * {@code APP_ADMIN_EMAIL}): created at start-up when missing, its password and e-mail set to the given ones when they
 * differ, and kept in {@code camunda-admin}. Required by the prod profile, optional elsewhere.
 */
public record AdminAccount(String userId, String password, String email) {

  static final String USER_PROPERTY = "app.admin.user";
  static final String PASSWORD_PROPERTY = "app.admin.password";
  static final String EMAIL_PROPERTY = "app.admin.email";

  public AdminAccount(String userId, String password) {
    this(userId, password, null);
  }

  static AdminAccount from(Environment environment) {
    return new AdminAccount(environment.getProperty(USER_PROPERTY), environment.getProperty(PASSWORD_PROPERTY),
        environment.getProperty(EMAIL_PROPERTY));
  }

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
      created.setEmail(emailOrNull());
      identityService.saveUser(created);
      report.changed("admin created " + id);
    } else {
      String givenEmail = emailOrNull();
      boolean passwordDiffers = !passwords.matches(user, password);
      boolean emailDiffers = givenEmail != null && !givenEmail.equals(user.getEmail());
      if (passwordDiffers) {
        user.setPassword(password);
        report.changed("admin password set " + id);
      }
      if (emailDiffers) {
        user.setEmail(givenEmail);
        report.changed("admin e-mail set " + id);
      }
      if (passwordDiffers || emailDiffers) {
        identityService.saveUser(user);
      }
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
      report.changed("membership " + id + " → " + Groups.CAMUNDA_ADMIN);
    }
    return report;
  }

  private String emailOrNull() {
    return email == null || email.isBlank() ? null : email.strip();
  }
}
