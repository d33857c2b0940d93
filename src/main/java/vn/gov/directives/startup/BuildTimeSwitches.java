package vn.gov.directives.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.core.env.PropertyResolver;

/**
 * Settings that decide whether a bean exists at all ({@code @ConditionalOnProperty}). A start from the build's bean
 * definitions took that decision when the jar was built, from application.yaml without a profile; a different value
 * given at start (command line, environment, a profile's file) would be silently ignored. So such a start refuses a
 * value that the build did not follow, naming the setting and what to do instead. The list holds the Camunda
 * starter's switches (its {@code @ConditionalOnProperty} conditions in 7.24); values that only configure an existing
 * bean, such as {@code camunda.bpm.job-execution.lock-time-in-millis}, are read at start as always.
 */
public final class BuildTimeSwitches {

  /**
   * One {@code @ConditionalOnProperty}: the bean exists when the property has {@code havingValue} (any value but
   * "false" when empty), or is missing and {@code matchIfMissing}.
   */
  public record Switch(String property, String havingValue, boolean matchIfMissing, String beanName, String instead) {

    public boolean matches(PropertyResolver environment) {
      return matches(environment.getProperty(property));
    }

    boolean matches(String value) {
      if (value == null) {
        return matchIfMissing;
      }
      return havingValue.isEmpty() ? !"false".equalsIgnoreCase(value) : havingValue.equalsIgnoreCase(value);
    }
  }

  private static final String START_WITHOUT = "start with -Dspring.aot.enabled=false";

  public static final List<Switch> CAMUNDA_STARTER = List.of(
      new Switch("camunda.bpm.admin-user.id", "", false, "createAdminUserConfiguration",
          "use APP_ADMIN_USER / APP_ADMIN_PASSWORD / APP_ADMIN_EMAIL, or " + START_WITHOUT),
      new Switch("camunda.bpm.filter.create", "", false, "createFilterConfiguration",
          "the product creates its own Vietnamese filters; or " + START_WITHOUT),
      new Switch("camunda.bpm.job-execution.enabled", "true", true, "jobExecutorStartingEventListener", START_WITHOUT),
      new Switch("camunda.bpm.id-generator", "strong", true, "strongUuidGenerator", START_WITHOUT),
      new Switch("camunda.bpm.id-generator", "prefixed", false, "prefixedUuidGenerator", START_WITHOUT),
      new Switch("camunda.bpm.history-level", "auto", false, "historyLevelAutoHandlingConfiguration", START_WITHOUT),
      new Switch("camunda.bpm.webapp.enabled", "", true,
          "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration", START_WITHOUT),
      new Switch("management.health.camunda.enabled", "", true,
          "org.camunda.bpm.spring.boot.starter.CamundaBpmActuatorConfiguration", START_WITHOUT));

  private BuildTimeSwitches() {}

  /**
   * One line per switch given a value at start that the build decided otherwise on; empty when all agree. A switch
   * no source sets at start was not set for the build either (it read the same application.yaml), so the build's
   * decision on it is the one a start would take: a bean missing then is missing for another of its conditions (a
   * class not on the class path, as the actuator's health configuration without Spring Boot Actuator), not for the
   * setting.
   */
  public static List<String> disagreements(List<Switch> switches, PropertyResolver environment,
      Predicate<String> beanDefined) {
    List<String> problems = new ArrayList<>();
    for (Switch each : switches) {
      String value = environment.getProperty(each.property());
      if (value == null) {
        continue;
      }
      boolean wanted = each.matches(value);
      if (wanted != beanDefined.test(each.beanName())) {
        problems.add(each.property() + "=" + value + ": bản build " + (wanted ? "không có" : "đã có") + " bean '"
            + each.beanName() + "' (the build decided " + (wanted ? "without" : "with") + " it); " + each.instead());
      }
    }
    return problems;
  }
}
