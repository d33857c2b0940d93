package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.directives.Application;
import vn.gov.directives.organization.AdminAccount;
import vn.gov.directives.organization.StoredPasswords;

/**
 * The prod profile started for real (H2 in memory, its own engine name, a random port): what it refuses before
 * starting, and what a production server looks like once started.
 */
class ProductionProfileTest {

  static final String DB = "jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE";
  static final String ADMIN = "quantri";
  static final String ADMIN_PASSWORD = "Quan-Tri-2019!";

  @Test
  void refusesToStartWithoutAnAdminFromTheEnvironmentOrWithADemoOne() {
    assertThatThrownBy(() -> start("prodnoadmin", "--app.admin.user=", "--app.admin.password="))
        .hasStackTraceContaining("Hồ sơ 'prod' từ chối khởi động")
        .hasStackTraceContaining("APP_ADMIN_USER")
        .hasStackTraceContaining("APP_ADMIN_PASSWORD");
    assertThatThrownBy(() -> start("proddemoadmin", "--app.admin.user=" + ADMIN, "--app.admin.password=demo"))
        .hasStackTraceContaining("mật khẩu quản trị là mật khẩu mặc định/demo")
        .hasStackTraceContaining("chưa đạt chính sách mật khẩu");
  }

  @Test
  void startsWithTheEnvironmentsAdmin_enforcesThePasswordPolicy_securesCookies_andRefusesADemoPasswordLater()
      throws Exception {
    try (ConfigurableApplicationContext context = start("prodok",
        "--app.admin.user=" + ADMIN, "--app.admin.password=" + ADMIN_PASSWORD)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      IdentityService identity = engine.getIdentityService();
      HttpCalls http = new HttpCalls(((ServletWebServerApplicationContext) context).getWebServer().getPort());
      String rest = "/engine-rest/engine/prodok";

      // the only user is the environment's admin; no demo user was created
      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(ADMIN);
      assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count()).isOne();
      assertThat(http.get(rest + "/user", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
      assertThat(http.get(rest + "/user", "demo", "demo").statusCode()).isEqualTo(401);

      // password policy: a weak password is refused through the REST API, a strong one accepted
      HttpResponse<String> weak = http.post(rest + "/user/create", ADMIN, ADMIN_PASSWORD,
          "{\"profile\":{\"id\":\"weak-cv\",\"firstName\":\"A\",\"lastName\":\"B\"},\"credentials\":{\"password\":\"demo\"}}");
      assertThat(weak.statusCode()).as(weak.body()).isBetween(400, 500);
      assertThat(weak.body()).containsIgnoringCase("password").containsIgnoringCase("policy");
      assertThat(identity.createUserQuery().userId("weak-cv").count()).isZero();
      HttpResponse<String> strong = http.post(rest + "/user/create", ADMIN, ADMIN_PASSWORD,
          "{\"profile\":{\"id\":\"strong-cv\",\"firstName\":\"A\",\"lastName\":\"B\"},"
              + "\"credentials\":{\"password\":\"Chuyen-Vien-2019!\"}}");
      assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);

      // the webapps' session and CSRF cookies are Secure, HttpOnly and SameSite in production
      HttpCalls.WebSession session = http.login("prodok", "tasklist", ADMIN, ADMIN_PASSWORD);
      assertThat(session.loginResponse().statusCode()).isEqualTo(200);
      assertThat(HttpCalls.setCookie(session.loginResponse(), "JSESSIONID"))
          .contains("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
      assertThat(session.loginResponse().headers().firstValue("Strict-Transport-Security")).isPresent();
      HttpResponse<String> loginPage = http.get("/camunda/app/tasklist/prodok/", null);
      assertThat(HttpCalls.setCookie(loginPage, "XSRF-TOKEN")).contains("Secure").containsIgnoringCase("SameSite=Lax");

      // the admin's password follows the environment at the next start, and only changes when it differs
      StoredPasswords passwords = new StoredPasswords(engine);
      assertThat(new AdminAccount(ADMIN, "Mat-Khau-Moi-2020!").ensure(identity, passwords).changes())
          .containsExactly("admin password set " + ADMIN);
      assertThat(passwords.matches(identity.createUserQuery().userId(ADMIN).singleResult(), "Mat-Khau-Moi-2020!"))
          .isTrue();
      assertThat(new AdminAccount(ADMIN, "Mat-Khau-Moi-2020!").ensure(identity, passwords).isEmpty()).isTrue();
      // its e-mail follows APP_ADMIN_EMAIL the same way, the password left as it is
      AdminAccount withEmail = new AdminAccount(ADMIN, "Mat-Khau-Moi-2020!", " quantri@binhdinh.gov.vn ");
      assertThat(withEmail.ensure(identity, passwords).changes()).containsExactly("admin e-mail set " + ADMIN);
      User admin = identity.createUserQuery().userId(ADMIN).singleResult();
      assertThat(admin.getEmail()).isEqualTo("quantri@binhdinh.gov.vn");
      assertThat(passwords.matches(admin, "Mat-Khau-Moi-2020!")).isTrue();
      assertThat(withEmail.ensure(identity, passwords).isEmpty()).isTrue();

      // a user left with a demo password (created before the policy was on) stops the next production start
      var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
      configuration.setEnablePasswordPolicy(false);
      User legacy = identity.newUser("legacy-vt");
      legacy.setPassword("demo");
      identity.saveUser(legacy);
      configuration.setEnablePasswordPolicy(true);
      long users = identity.createUserQuery().count();
      assertThatThrownBy(() -> start("prodagain", "--app.admin.user=" + ADMIN,
              "--app.admin.password=" + ADMIN_PASSWORD))
          .hasStackTraceContaining("[legacy-vt] có mật khẩu demo/mặc định")
          .hasStackTraceContaining("refuses to start while a user has a demo password");
      assertThat(identity.createUserQuery().count()).isEqualTo(users);
      // comparing hashes is not a login: the check counted no failed attempt against anybody
      assertThat(identity.createUserQuery().list()).allSatisfy(user ->
          assertThat(((org.camunda.bpm.engine.impl.persistence.entity.UserEntity) user).getAttempts()).isZero());
    }
  }

  private static ConfigurableApplicationContext start(String engineName, String... extra) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + DB, "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engineName, "--camunda.bpm.job-execution.enabled=false"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(Application.class).profiles("prod").run(args.toArray(String[]::new));
  }
}
