package vn.gov.directives.organization;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
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
                + " every document list and every assignment's start and report): without it each call read the"
                + " whole process history"));
  }

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
