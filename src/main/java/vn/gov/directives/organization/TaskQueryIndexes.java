package vn.gov.directives.organization;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Placeholder, filled after measuring. */
public class TaskQueryIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryIndexes.class);

  /** One index on a Camunda table, and why the product needs it. */
  public record Index(String name, String table, String columns, String reason) {
    public String createSql() {
      return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + columns + ")";
    }
  }

  public static List<Index> indexes() {
    return List.of();
  }

  private final JdbcTemplate jdbc;

  public TaskQueryIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void ensure() {
    for (Index index : indexes()) {
      jdbc.execute(index.createSql());
      LOG.debug("index {} present", index.name());
    }
  }
}
