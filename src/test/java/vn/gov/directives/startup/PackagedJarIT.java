package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.directives.support.JarNode;

/**
 * The packaged jar as an operator starts it ({@code java -jar}): from the bean definitions worked out by the build
 * (README "Start-up: bean definitions from the build"). The other tests run from class folders, where Spring works them
 * out at start; ClusterIT runs the jar on PostgreSQL under load.
 */
class PackagedJarIT {

  private static final Path LOGS = Path.of("target", "packaged-jar-it");

  @TempDir Path work;

  @Test
  void theDemoStartsFromTheBuildsDefinitions_deploysEverything_andServesTasklistRestAndHealth() throws Exception {
    try (JarNode node = JarNode.start("demo", JarNode.packagedJar(), List.of(
        "--spring.profiles.active=demo", "--spring.datasource.url=" + h2()), Map.of(), LOGS, "demo", "demo")) {
      node.awaitReady(Duration.ofMinutes(5));

      assertThat(node.log()).contains("Starting AOT-processed Application");
      // the 11 models of processes/, read through the product's parser plugin and deployment patterns
      assertThat(node.get("/engine-rest/process-definition/count?latestVersion=true").path("count").asInt())
          .isEqualTo(11);
      assertThat(node.get("/engine-rest/engine").get(0).path("name").asText()).isEqualTo("default");
      // the organisation's Vietnamese filters and notice 295's work, registered after start by the demo loader
      assertThat(node.get("/engine-rest/filter?resourceType=Task").findValuesAsText("name")).contains("Việc của tôi");
      awaitUntil(() -> node.get("/engine-rest/task/count").path("count").asInt() > 0, node);
      // health turns UP once the job executor runs; the engine's own check is there (the starter's actuator part)
      awaitUntil(() -> "UP".equals(node.get("/actuator/health").path("status").asText()), node);
      assertThat(node.get("/actuator/health").path("components").has("processEngine")).isTrue();
    }
  }

  @Test
  void aStarterSwitchTheBuildDidNotFollowIsRefusedBeforeAnythingIsWritten() throws Exception {
    try (JarNode node = JarNode.start("refused", JarNode.packagedJar(), List.of(
        "--spring.datasource.url=" + h2(), "--camunda.bpm.admin-user.id=quantri",
        "--camunda.bpm.admin-user.password=Quan-Tri-2019!"), Map.of(), LOGS, "quantri", "Quan-Tri-2019!")) {

      assertThat(node.awaitExit(Duration.ofMinutes(3))).isNotZero();

      assertThat(node.log()).contains("Cấu hình khác với bản build, từ chối khởi động",
          "camunda.bpm.admin-user.id=quantri: bản build không có bean 'createAdminUserConfiguration'",
          "APP_ADMIN_USER / APP_ADMIN_PASSWORD / APP_ADMIN_EMAIL", "-Dspring.aot.enabled=false");
      // refused before the data source was made: no database, no half-created administrator
      try (var files = Files.list(work)) {
        assertThat(files).isEmpty();
      }
    }
  }

  /** A profile is still read at start: the prod profile's own checks run in a jar built without it. */
  @Test
  void theProdProfileGivenAtStartStillRefusesDemoUsers() throws Exception {
    try (JarNode node = JarNode.start("prod-demo", JarNode.packagedJar(), List.of(
        "--spring.profiles.active=prod,demo", "--spring.datasource.url=" + h2()), Map.of(), LOGS, "demo", "demo")) {

      assertThat(node.awaitExit(Duration.ofMinutes(3))).isNotZero();

      assertThat(node.log()).contains("Starting AOT-processed Application", "Hồ sơ 'prod' từ chối khởi động",
          "không được tạo người dùng demo", "APP_ADMIN_USER");
      try (var files = Files.list(work)) {
        assertThat(files).isEmpty();
      }
    }
  }

  private String h2() {
    return "jdbc:h2:file:" + work.resolve("directives") + ";MODE=LEGACY;NON_KEYWORDS=VALUE";
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitUntil(Check check, JarNode node) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!check.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 2 minutes; log:\n" + node.tail());
      }
      Thread.sleep(500);
    }
  }
}
