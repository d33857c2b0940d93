package vn.gov.directives.organization;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The prod profile never runs with demo accounts (password "demo"): neither created nor left in the database. */
public final class ProductionGuard {

  public static final String PROD_PROFILE = "prod";
  static final String DEMO_USERS_PROPERTY = "app.organization.demo-users";

  private ProductionGuard() {}

  public static boolean isProduction(Environment environment) {
    return environment.acceptsProfiles(Profiles.of(PROD_PROFILE));
  }

  /** Checked before any bean is created, so a misconfigured production start fails at once. */
  public static BeanFactoryPostProcessor refuseDemoUsersFlag(Environment environment) {
    return beanFactory -> {
      if (isProduction(environment) && environment.getProperty(DEMO_USERS_PROPERTY, Boolean.class, false)) {
        throw new IllegalStateException("Hồ sơ 'prod' không được tạo người dùng demo: tắt " + DEMO_USERS_PROPERTY
            + " (the prod profile refuses to start with " + DEMO_USERS_PROPERTY + "=true)");
      }
    };
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
}
