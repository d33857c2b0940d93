package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a fresh database (H2; PostgreSQL with -Dtest.database=postgres) the application starts with the indexes the
 * Tasklist filters need on Camunda's tables. Same configuration as DeploymentTest, so Spring reuses its context.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class TaskQueryIndexesTest {

  @Autowired TaskQueryIndexes indexes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFreshDatabaseHasTheTaskQueryIndexesAndASecondRunChangesNothing() {
    assertThat(TaskQueryIndexes.indexes()).isNotEmpty()
        .allSatisfy(index -> assertThat(indexes.exists(index)).as(index.name()).isTrue());
    indexes.ensure();
    assertThat(TaskQueryIndexes.indexes()).allSatisfy(index -> assertThat(indexes.exists(index)).isTrue());
  }

  @Test
  void onPostgresqlThePlannerStatisticsOnThePermissionBitsExistAndASecondRunChangesNothing() {
    boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
        .equals("PostgreSQL");
    assertThat(indexes.supportsStatisticsOnExpressions()).isEqualTo(postgres);
    org.junit.jupiter.api.Assumptions.assumeTrue(postgres, "planner statistics are PostgreSQL's");
    assertThat(TaskQueryIndexes.plannerStatistics()).isNotEmpty()
        .allSatisfy(statistics -> assertThat(indexes.exists(statistics)).as(statistics.name()).isTrue());
    // on the expressions the task queries filter by: PERMS_ & READ (2) and PERMS_ & READ_TASK (64)
    String definition = jdbc.queryForObject(
        "SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext WHERE stxname = 'app_stat_auth_perms'",
        String.class);
    assertThat(definition).contains("perms_ & 2").contains("perms_ & 64").contains("act_ru_authorization");
    indexes.ensure();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'app_stat_auth_perms'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void flywayRunsBeforeCamundaCreatesItsSchemaSoTheIndexesCannotBeAMigration() {
    // why TaskQueryIndexes runs after the engine and is not a V… migration: on a fresh database the product's
    // migrations are applied before Camunda creates its tables (the engine's plugins need the product's tables)
    Timestamp firstMigration = jdbc.queryForObject(
        "SELECT MIN(\"installed_on\") FROM \"product_schema_history\" WHERE \"version\" = '1'", Timestamp.class);
    Timestamp camundaSchema = jdbc.queryForObject(
        "SELECT TIMESTAMP_ FROM ACT_GE_SCHEMA_LOG WHERE ID_ = '0'", Timestamp.class);
    assertThat(firstMigration).isBeforeOrEqualTo(camundaSchema);
  }

  @Test
  void olderPostgresIsToldAtStartThatThePlannerStatisticsAreMissing_nothingElsewhere() {
    assertThat(new TaskQueryIndexes.DatabaseVersion("PostgreSQL", 13).missingStatisticsWarning())
        .hasValueSatisfying(warning -> assertThat(warning)
        .startsWith("PostgreSQL 13: the planner statistics").contains("PostgreSQL 14 or newer", "were not created"));
    assertThat(new TaskQueryIndexes.DatabaseVersion("PostgreSQL", 14).missingStatisticsWarning()).isEmpty();
    assertThat(new TaskQueryIndexes.DatabaseVersion("PostgreSQL", 17).missingStatisticsWarning()).isEmpty();
    assertThat(new TaskQueryIndexes.DatabaseVersion("H2", 2).missingStatisticsWarning()).isEmpty();
  }
}
