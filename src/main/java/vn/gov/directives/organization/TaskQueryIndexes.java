package vn.gov.directives.organization;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables that the Tasklist filters, the job executor's acquisition and the product's document
 * lists need (README "PostgreSQL in production"), created at
 * start with {@code CREATE INDEX IF NOT EXISTS} (H2 and PostgreSQL) once the engine has created or checked its
 * schema. Not a Flyway migration: Flyway runs before the engine (the engine's plugins need the product's tables), so
 * on a fresh database Camunda's tables do not exist yet when the migrations run. {@code
 * app.database.task-query-indexes=false} leaves them to the database administrator (the SQL is in the README).
 * On PostgreSQL 14 and newer it also creates the planner statistics of {@link #plannerStatistics()} (same switch).
 */
@Component
public class TaskQueryIndexes implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryIndexes.class);

  /** One index on a Camunda table, and why the product needs it. */
  public record Index(String name, String table, String columns, String reason) {
    public String createSql() {
      return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + columns + ")";
    }
  }

  public static List<Index> indexes() {
    return List.of(
        new Index("APP_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_",
            "every authorization check selects USER_ID_ IN (user, '*') OR GROUP_ID_ IN (groups); Camunda indexes"
                + " GROUP_ID_ only, so PostgreSQL read the whole table (one row per task) on every check"),
        new Index("APP_IDX_TASK_DUE", "ACT_RU_TASK", "DUE_DATE_",
            "\"Quá hạn\" and \"Sắp đến hạn\" select on DUE_DATE_ and every filter sorts on it"),
        new Index("APP_IDX_IDENT_LNK_GROUP_TYPE", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_",
            "the filters select candidate links by GROUP_ID_ and TYPE_ and join on TASK_ID_: answered from the"
                + " index alone"),
        new Index("APP_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_",
            "every job acquisition selects DUEDATE_ IS NULL OR DUEDATE_ <= now; every open task keeps its future"
                + " reminder jobs, so without it each poll of each node read the whole job table"),
        new Index("APP_IDX_JOB_LOCK_EXP", "ACT_RU_JOB", "LOCK_EXP_TIME_",
            "the acquisition skips process instances with an exclusive job in progress (LOCK_EXP_TIME_ >= now);"
                + " when many jobs are due PostgreSQL checks that for all of them at once, by a scan of the"
                + " whole job table without it"),
        new Index("APP_IDX_HI_PROCINST_SUPER", "ACT_HI_PROCINST", "SUPER_PROCESS_INSTANCE_ID_",
            "a dossier's documents include those of the processes it called (ProcessTree.withDescendants, on"
                + " every document list and every issued report): without it each call read the"
                + " whole process history"));
  }

  /**
   * Extended statistics on Camunda's permission bits (PostgreSQL 14 and newer: statistics on expressions). Every
   * task query joins the reader's authorizations filtered by {@code PERMS_ & READ = READ} on tasks or {@code PERMS_ &
   * READ_TASK = READ_TASK} on process definitions; without statistics on those expressions PostgreSQL guesses that
   * 0.5 % of the rows match (5 rows for a group with 1,010 task authorizations), and plans the authorization join as
   * if it were free. With the row count right and the production server settings (README "PostgreSQL in
   * production"), "Quá hạn" probes Camunda's {@code RESOURCE_ID_} index once per task instead of comparing every task
   * with every authorization row of the group. A statistics object only informs the planner: no write costs, and
   * the rows a query returns cannot change. Not on H2, whose planner has no use for it.
   */
  public record PlannerStatistics(String name, String table, List<String> expressions, String reason) {
    public String createSql() {
      return "CREATE STATISTICS IF NOT EXISTS " + name + " ON " + String.join(", ", expressions) + " FROM " + table;
    }
  }

  public static List<PlannerStatistics> plannerStatistics() {
    return List.of(new PlannerStatistics("APP_STAT_AUTH_PERMS", "ACT_RU_AUTHORIZATION",
        List.of("(PERMS_ & " + Permissions.READ.getValue() + ")",
            "(PERMS_ & " + ProcessDefinitionPermissions.READ_TASK.getValue() + ")"),
        "task queries filter authorizations on PERMS_ & READ (tasks) and PERMS_ & READ_TASK (process definitions);"
            + " PostgreSQL estimated 0.5 % of a group's rows and planned the authorization join as free"));
  }

  /** PostgreSQL's first version with statistics on expressions. */
  static final int STATISTICS_ON_EXPRESSIONS_SINCE = 14;

  private final JdbcTemplate jdbc;
  private final boolean enabled;

  public TaskQueryIndexes(DataSource dataSource,
      @Value("${app.database.task-query-indexes:true}") boolean enabled) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      ensure();
    } else {
      LOG.info("Task query indexes left to the database administrator (app.database.task-query-indexes=false)");
    }
  }

  /** Creates the missing indexes; a second node creating the same index at the same moment is not an error. */
  public void ensure() {
    for (Index index : indexes()) {
      try {
        jdbc.execute(index.createSql());
      } catch (DataAccessException e) {
        if (!exists(index)) {
          throw e;
        }
        LOG.debug("Index {} was created by another node", index.name());
      }
    }
    DatabaseVersion database = databaseVersion();
    database.missingStatisticsWarning().ifPresent(LOG::warn);
    if (database.supportsStatisticsOnExpressions()) {
      for (PlannerStatistics statistics : plannerStatistics()) {
        if (!exists(statistics)) {
          try {
            jdbc.execute(statistics.createSql());
            // effective at once, not at the next automatic analyze
            jdbc.execute("ANALYZE " + statistics.table());
            LOG.info("Planner statistics {} created on {}", statistics.name(), statistics.table());
          } catch (DataAccessException e) {
            if (!exists(statistics)) {
              throw e;
            }
            LOG.debug("Statistics {} were created by another node", statistics.name());
          }
        }
      }
    }
  }

  /** PostgreSQL 14 or newer (statistics on expressions); false on H2 and older PostgreSQL. */
  public boolean supportsStatisticsOnExpressions() {
    return databaseVersion().supportsStatisticsOnExpressions();
  }

  /** The database product and major version, as the JDBC driver reports them. */
  record DatabaseVersion(String product, int major) {
    boolean supportsStatisticsOnExpressions() {
      return "PostgreSQL".equals(product) && major >= STATISTICS_ON_EXPRESSIONS_SINCE;
    }

    /**
     * On PostgreSQL older than 14 the planner statistics cannot be created: said once at start, so that an operator
     * knows the planner guesses the permission filters' selectivity. Nothing on H2 or newer PostgreSQL.
     */
    java.util.Optional<String> missingStatisticsWarning() {
      if (!"PostgreSQL".equals(product) || supportsStatisticsOnExpressions()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of("PostgreSQL " + major + ": the planner statistics on Camunda's permission bits"
          + " need PostgreSQL " + STATISTICS_ON_EXPRESSIONS_SINCE + " or newer and were not created: the planner"
          + " guesses how many authorization rows the task filters keep (README \"PostgreSQL in production\")");
    }
  }

  private DatabaseVersion databaseVersion() {
    return jdbc.execute((Connection connection) -> {
      DatabaseMetaData meta = connection.getMetaData();
      return new DatabaseVersion(meta.getDatabaseProductName(), meta.getDatabaseMajorVersion());
    });
  }

  /** Whether the statistics object exists (PostgreSQL folds the unquoted name to lower case). */
  public boolean exists(PlannerStatistics statistics) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Integer.class,
        statistics.name().toLowerCase(Locale.ROOT));
    return count != null && count > 0;
  }

  /** Whether the index exists (names as the database folds them: upper case on H2, lower case on PostgreSQL). */
  public boolean exists(Index index) {
    return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
      DatabaseMetaData meta = connection.getMetaData();
      for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
      }
      return false;
    }));
  }
}
