package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prod profile's configuration checks, without Spring or the engine. */
class ProductionGuardTest {

  @Test
  void aStrongAdminFromTheEnvironmentAndNoDemoUsersPass() {
    assertThat(ProductionGuard.configurationProblems(false, new AdminAccount("quantri", "Quan-Tri-2019!"))).isEmpty();
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThat(ProductionGuard.configurationProblems(true, new AdminAccount(null, "")))
        .hasSize(3)
        .anySatisfy(problem -> assertThat(problem).contains("app.organization.demo-users"))
        .anySatisfy(problem -> assertThat(problem).contains("APP_ADMIN_USER"))
        .anySatisfy(problem -> assertThat(problem).contains("APP_ADMIN_PASSWORD"));
  }

  @Test
  void aDemoOrFactoryAdminPasswordIsRefusedWhateverItsCase() {
    for (String password : new String[] {"demo", "Demo", "camunda", "ADMIN"}) {
      assertThat(ProductionGuard.configurationProblems(false, new AdminAccount("quantri", password)))
          .as(password).anySatisfy(problem -> assertThat(problem).contains("mật khẩu mặc định/demo"));
    }
  }

  @Test
  void aWeakAdminPasswordNamesWhatItLacks() {
    assertThat(ProductionGuard.configurationProblems(false, new AdminAccount("quantri", "binhdinh")))
        .singleElement().asString()
        .contains("chưa đạt chính sách mật khẩu")
        .contains("ít nhất 10 ký tự").contains("ít nhất 1 chữ hoa").contains("ít nhất 1 chữ số")
        .contains("ít nhất 1 ký tự đặc biệt").doesNotContain("chữ thường");
    assertThat(StoredPasswords.policyViolations("Quan-Tri-2019!", "quantri")).isEmpty();
    assertThat(StoredPasswords.policyViolations("Quantri-2019!", "quantri"))
        .containsExactly("không chứa tên đăng nhập, họ tên hay e-mail");
  }
}
