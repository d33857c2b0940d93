package vn.gov.directives.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the product's history level {@value LeanFullHistoryLevel#NAME} and lets an existing database follow the
 * configured level when it moves between Camunda's {@code full} and {@value LeanFullHistoryLevel#NAME}.
 *
 * <p>Camunda stores the level at the first start and refuses to start when the configuration later names another.
 * Between these two levels nothing is lost or left half-written: the tables are the same and full-lean writes a
 * subset of full's events. So a database of an earlier release (stored {@code full}), or one an operator switches back
 * with {@code APP_HISTORY_LEVEL=full}, is updated just before the engine's own check. Any other change (to
 * {@code audit}, {@code activity}, {@code none}) is still refused by Camunda.
 */
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelPlugin.class);

  static final Set<Integer> INTERCHANGEABLE = Set.of(HistoryLevel.HISTORY_LEVEL_FULL.getId(), LeanFullHistoryLevel.ID);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new LeanFullHistoryLevel());
  }

  /** Runs after the configured level is resolved and before the engine compares it with the database's. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel configured = configuration.getHistoryLevel();
    try {
      align(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), configured.getId())
          .ifPresent(before -> LOG.warn("History level of the existing database changed from {} to {} ({}): what is"
              + " already recorded is kept; README \"History level\"", before, configured.getId(),
              configured.getName()));
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot bring the database's history level to " + configured.getName() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * @return the level id the database had, when it was changed to {@code configured}; empty when nothing changed (no
   *     Camunda schema yet, the same level, or a change between other levels, which Camunda then refuses)
   */
  static Optional<Integer> align(DataSource dataSource, String tablePrefix, int configured) throws SQLException {
    if (!INTERCHANGEABLE.contains(configured)) {
      return Optional.empty();
    }
    String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int stored;
      try (PreparedStatement select =
               connection.prepareStatement("SELECT VALUE_ FROM " + table + " WHERE NAME_ = 'historyLevel'");
           ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        stored = Integer.parseInt(row.getString(1).trim());
      } catch (SQLException e) {
        if (!isMissingTable(e)) {
          throw e;
        }
        // first start: the engine creates its schema and stores the configured level
        if (!autoCommit) {
          connection.rollback();
        }
        return Optional.empty();
      }
      if (stored == configured || !INTERCHANGEABLE.contains(stored)) {
        return Optional.empty();
      }
      int changed;
      // guarded by the old value: nodes starting together change it once
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
          + " SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
        update.setString(1, String.valueOf(configured));
        update.setString(2, String.valueOf(stored));
        changed = update.executeUpdate();
      }
      if (!autoCommit) {
        connection.commit();
      }
      return changed == 1 ? Optional.of(stored) : Optional.empty();
    }
  }

  /** PostgreSQL 42P01, H2 42S02 / 42S04 (42102 / 42104). */
  private static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("42P01") || state.equals("42S02") || state.equals("42S04")
        || state.equals("42102") || state.equals("42104"));
  }
}
