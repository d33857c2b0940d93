package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    Path jar = JarNode.packagedJar();
    Path classesLoaded = LOGS.resolve("demo-classes.log");
    Files.deleteIfExists(classesLoaded);
    try (JarNode node = JarNode.start("demo", jar, List.of(
        "--spring.profiles.active=demo", "--spring.datasource.url=" + h2()),
        Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classesLoaded), LOGS, "demo", "demo")) {
      node.awaitReady(Duration.ofMinutes(5));

      // pom.xml declares first the jars most start-up classes come from (README "Start-up: class-path order"): the
      // launcher searches the nested jars one after another for each class. In Maven's default order, the classes
      // this test has the node load were found after 55 other jars on average; in the declared order, after 27
      double jarsSearchedInVain = ClassPathOrder.meanJarsSearchedBefore(jar, classesLoaded);
      assertThat(jarsSearchedInVain).as("jars searched in vain per class loaded").isLessThan(35);
      // the engine's MyBatis mappings were read through the product's XPath, found by the launcher's class loader
      // in the jar's service file (README "Start-up: MyBatis's XPath")
      assertThat(Files.readString(classesLoaded)).contains(ChildStepXPath.class.getName() + " ");

      assertThat(node.log()).contains("Starting AOT-processed Application");
      // the 11 models of processes/, read through the product's parser plugin and deployment patterns
      assertThat(node.get("/engine-rest/process-definition/count?latestVersion=true").path("count").asInt())
          .isEqualTo(11);
      assertThat(node.get("/engine-rest/engine").get(0).path("name").asText()).isEqualTo("default");
      // the organisation's Vietnamese filters and notice 295's work, registered after start by the demo loader
      assertThat(node.get("/engine-rest/filter?resourceType=Task").findValuesAsText("name")).contains("Việc của tôi");
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
          .until(() -> node.get("/engine-rest/task/count").path("count").asInt() > 0);
      // health turns UP (from 503) once the job executor runs; the engine's own check is there (the starter's part)
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
          .until(() -> "UP".equals(node.get("/actuator/health").path("status").asText()));
      assertThat(node.get("/actuator/health").path("components").has("processEngine")).isTrue();
    }
  }

  @Test
  void aStarterSwitchTheBuildDidNotFollowIsRefusedBeforeAnythingIsWritten() throws Exception {
    assertRefusedBeforeAnyDatabase("refused",
        List.of("--camunda.bpm.admin-user.id=quantri", "--camunda.bpm.admin-user.password=Quan-Tri-2019!"),
        "Cấu hình khác với bản build, từ chối khởi động",
        "camunda.bpm.admin-user.id=quantri: bản build không có bean 'createAdminUserConfiguration'",
        "APP_ADMIN_USER / APP_ADMIN_PASSWORD / APP_ADMIN_EMAIL", "-Dspring.aot.enabled=false");
  }

  /** A profile is still read at start: the prod profile's own checks run in a jar built without it. */
  @Test
  void theProdProfileGivenAtStartStillRefusesDemoUsers() throws Exception {
    assertRefusedBeforeAnyDatabase("prod-demo", List.of("--spring.profiles.active=prod,demo"),
        "Starting AOT-processed Application", "Hồ sơ 'prod' từ chối khởi động", "không được tạo người dùng demo",
        "APP_ADMIN_USER");
  }

  /** The jar exits non-zero, saying why, before its data source is made: no database, nothing half-created. */
  private void assertRefusedBeforeAnyDatabase(String id, List<String> args, String... logged) throws Exception {
    List<String> arguments = new ArrayList<>(args);
    arguments.add("--spring.datasource.url=" + h2());
    try (JarNode node = JarNode.start(id, JarNode.packagedJar(), arguments, Map.of(), LOGS, "demo", "demo")) {

      assertThat(node.awaitExit(Duration.ofMinutes(3))).isNotZero();

      assertThat(node.log()).contains(logged);
      try (var files = Files.list(work)) {
        assertThat(files).isEmpty();
      }
    }
  }

  private String h2() {
    return "jdbc:h2:file:" + work.resolve("directives") + ";MODE=LEGACY;NON_KEYWORDS=VALUE";
  }
}
