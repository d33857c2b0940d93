package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BuildTimeSwitchesTest {

  /** The beans of the build: application.yaml without a profile (job executor on, no starter admin or filter). */
  private static final Set<String> BUILT = Set.of("jobExecutorStartingEventListener", "strongUuidGenerator",
      "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
      "org.camunda.bpm.spring.boot.starter.CamundaBpmActuatorConfiguration");

  @Test
  void theSettingsTheBuildWasMadeWithAgree() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.job-execution.enabled", "TRUE")
        .withProperty("camunda.bpm.job-execution.lock-time-in-millis", "15000")
        .withProperty("camunda.bpm.history-level", "full-lean");

    assertThat(BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER, environment, BUILT::contains))
        .isEmpty();
  }

  /**
   * A jar built without Spring Boot Actuator has no Camunda health configuration although nothing switched it off: it
   * starts. Switching it off at start in a jar that has it is still refused.
   */
  @Test
  void aBeanMissingForAnotherOfItsConditionsIsNoDisagreement_aValueGivenAtStartStillIs() {
    Set<String> builtWithoutActuator = new HashSet<>(BUILT);
    builtWithoutActuator.remove("org.camunda.bpm.spring.boot.starter.CamundaBpmActuatorConfiguration");

    assertThat(BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER, new MockEnvironment(),
        builtWithoutActuator::contains)).isEmpty();
    assertThat(BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER,
        new MockEnvironment().withProperty("management.health.camunda.enabled", "false"), BUILT::contains))
        .singleElement().asString()
        .startsWith("management.health.camunda.enabled=false: bản build đã có bean"
            + " 'org.camunda.bpm.spring.boot.starter.CamundaBpmActuatorConfiguration' (the build decided with it)");
  }

  @Test
  void theStartersAdministratorCannotBeAddedAtStart_andTheMessageSaysWhatToUse() {
    MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "cluster-admin");

    assertThat(BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER, environment, BUILT::contains))
        .singleElement().asString()
        .startsWith("camunda.bpm.admin-user.id=cluster-admin: bản build không có bean 'createAdminUserConfiguration'")
        .contains("APP_ADMIN_USER / APP_ADMIN_PASSWORD / APP_ADMIN_EMAIL", "-Dspring.aot.enabled=false");
  }

  @Test
  void aNodeWithoutJobExecutorIsRefused_ratherThanRunningJobsAnyway() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.job-execution.enabled", "false")
        .withProperty("camunda.bpm.id-generator", "prefixed");

    assertThat(BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER, environment, BUILT::contains))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("camunda.bpm.job-execution.enabled=false: bản build đã có"
            + " bean 'jobExecutorStartingEventListener' (the build decided with it)"))
        .anySatisfy(line -> assertThat(line).startsWith("camunda.bpm.id-generator=prefixed: bản build đã có bean"
            + " 'strongUuidGenerator'"))
        .anySatisfy(line -> assertThat(line).startsWith("camunda.bpm.id-generator=prefixed: bản build không có bean"
            + " 'prefixedUuidGenerator'"));
  }
}
