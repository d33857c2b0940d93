package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The prod profile never runs with known credentials: no demo account (created or left in the database), no user
 * whose password is one of the demo or factory passwords, and an administrator whose password comes from the
 * environment and satisfies the password policy.
 */
public final class ProductionGuard {

  public static final String PROD_PROFILE = "prod";
  static final String DEMO_USERS_PROPERTY = "app.organization.demo-users";

  /** Passwords anybody can guess: the demo users' and the usual factory defaults (Camunda's demo/demo included). */
  static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("demo", "admin", "camunda", "password", "123456");

  private ProductionGuard() {}

  public static boolean isProduction(Environment environment) {
    return environment.acceptsProfiles(Profiles.of(PROD_PROFILE));
  }

  /** Checked before any bean is created, so a misconfigured production start fails at once, listing every problem. */
  public static BeanFactoryPostProcessor refuseUnsafeConfiguration(Environment environment) {
    return beanFactory -> {
      if (!isProduction(environment)) {
        return;
      }
      List<String> problems = configurationProblems(environment.getProperty(DEMO_USERS_PROPERTY, Boolean.class, false),
          AdminAccount.from(environment));
      if (!problems.isEmpty()) {
        throw new IllegalStateException("Hồ sơ 'prod' từ chối khởi động: " + String.join("; ", problems));
      }
    };
  }

  static List<String> configurationProblems(boolean demoUsers, AdminAccount admin) {
    List<String> problems = new ArrayList<>();
    if (demoUsers) {
      problems.add("không được tạo người dùng demo: tắt " + DEMO_USERS_PROPERTY + " (the prod profile refuses to "
          + "start with " + DEMO_USERS_PROPERTY + "=true)");
    }
    if (admin.userId() == null || admin.userId().isBlank()) {
      problems.add("thiếu tài khoản quản trị: đặt biến môi trường APP_ADMIN_USER (admin user not given from the "
          + "environment)");
    }
    if (admin.password() == null || admin.password().isBlank()) {
      problems.add("thiếu mật khẩu quản trị: đặt biến môi trường APP_ADMIN_PASSWORD (admin password not given from "
          + "the environment)");
    } else {
      if (WELL_KNOWN_PASSWORDS.contains(admin.password().toLowerCase(java.util.Locale.ROOT))) {
        problems.add("mật khẩu quản trị là mật khẩu mặc định/demo (the admin password is a well-known one)");
      }
      List<String> policy = StoredPasswords.policyViolations(admin.password(), admin.userId());
      if (!policy.isEmpty()) {
        problems.add("mật khẩu quản trị chưa đạt chính sách mật khẩu, cần " + String.join(", ", policy)
            + " (the admin password does not meet the password policy)");
      }
    }
    return problems;
  }

  /** Fails when any demo account exists in the database. */
  public static void refuseExistingDemoUsers(IdentityService identityService, List<DemoUser> demoUsers) {
    List<String> present = demoUsers.stream().map(DemoUser::id)
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0)
        .toList();
    if (!present.isEmpty()) {
      throw new IllegalStateException("Hồ sơ 'prod' từ chối khởi động: cơ sở dữ liệu còn người dùng demo " + present
          + " (mật khẩu 'demo'); hãy xóa họ trong Camunda Admin (the prod profile refuses to start while demo users "
          + "exist in the database)");
    }
  }

  /**
   * Fails when any user's password is a demo or factory password. The administrator given from the environment is
   * left out: its password is about to be replaced by the given one.
   */
  public static void refuseDemoPasswords(IdentityService identityService, StoredPasswords passwords,
      List<DemoUser> demoUsers, String exceptUserId) {
    Set<String> candidates = new LinkedHashSet<>(WELL_KNOWN_PASSWORDS);
    demoUsers.forEach(user -> candidates.add(user.password()));
    List<String> guessable = new ArrayList<>();
    for (User user : identityService.createUserQuery().list()) {
      if (user.getId().equals(exceptUserId)) {
        continue;
      }
      if (candidates.stream().anyMatch(candidate -> passwords.matches(user, candidate))) {
        guessable.add(user.getId());
      }
    }
    if (!guessable.isEmpty()) {
      throw new IllegalStateException("Hồ sơ 'prod' từ chối khởi động: người dùng " + guessable + " có mật khẩu "
          + "demo/mặc định; hãy đổi mật khẩu của họ trong Camunda Admin (the prod profile refuses to start while a "
          + "user has a demo password)");
    }
  }
}
