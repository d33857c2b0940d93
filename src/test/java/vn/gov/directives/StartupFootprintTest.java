package vn.gov.directives;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import vn.gov.directives.publishing.LazyHttpConnectPlugin;
import vn.gov.directives.publishing.LazyHttpConnector;
import vn.gov.directives.startup.BuildTimeSwitches;

/**
 * What the start-up leaves out (README "Benchmark", start-up) and what it must keep: the operators' health checks
 * and metrics are all there; the unused WebSocket, SSL-bundle and client-observation set-ups are not; Connect's
 * http-connector is Camunda's, with its HTTP client built on first use. Same configuration as DeploymentTest, so
 * both share one application context.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class StartupFootprintTest {

  @Autowired ApplicationContext context;
  @Autowired HealthContributorRegistry health;
  @Autowired MeterRegistry meters;

  @Test
  void healthKeepsEveryCheckTheLoadBalancerAndOperatorsSee() {
    // jobExecutor joins these where the job executor runs (not in this test context)
    assertThat(health.stream().map(contributor -> contributor.getName()))
        .contains("db", "diskSpace", "processEngine", "ping")
        .doesNotContain("ssl", "mail");
  }

  @Test
  void metricsKeepJvmHttpPoolAndProcessMeters() {
    assertThat(meters.getMeters().stream().map(meter -> meter.getId().getName()).distinct())
        .contains("jvm.memory.used", "jvm.gc.max.data.size", "jvm.threads.live", "process.cpu.usage", "hikaricp.connections",
            "logback.events", "application.started.time");
    assertThat(context.containsBean("metricsEndpoint")).isTrue();
    assertThat(context.containsBean("healthEndpoint")).isTrue();
  }

  /**
   * Spring decided these conditions here at start, from this context's settings (the job executor off): the switches
   * a start from the build's bean definitions checks must name the same beans and decide the same way, or an upgrade
   * of the starter renamed one. Each switch, set here or not: a start compares only those given a value, any of them.
   */
  @Test
  void theBuildTimeSwitchesDecideAsSpringsOwnConditions() {
    assertThat(BuildTimeSwitches.CAMUNDA_STARTER).allSatisfy(each ->
        assertThat(context.containsBeanDefinition(each.beanName()))
            .as("%s decides bean %s", each.property(), each.beanName())
            .isEqualTo(each.matches(context.getEnvironment())));
    assertThat(context.containsBeanDefinition("jobExecutorStartingEventListener")).isFalse();
    assertThat(context.containsBeanDefinition("strongUuidGenerator")).isTrue();
  }

  @Test
  void unusedSetUpsAreNotStarted() {
    assertThat(context.containsBean("websocketServletWebServerCustomizer")).isFalse();
    assertThat(context.containsBean("sslHealthIndicator")).isFalse();
    assertThat(context.getBeanNamesForType(
        org.springframework.boot.actuate.autoconfigure.metrics.task.TaskExecutorMetricsAutoConfiguration.class))
        .isEmpty();
  }

  @Test
  void theHttpConnectorIsCamundasWithTheLazyClient() {
    assertThat(context.getBean("connectProcessEnginePlugin")).isInstanceOf(LazyHttpConnectPlugin.class);
    assertThat((Object) Connectors.getConnector(HttpConnector.ID)).isInstanceOf(LazyHttpConnector.class);
  }
}
