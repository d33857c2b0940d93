package vn.gov.directives.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * A database moves between Camunda's full and the product's full-lean without an operator's SQL: an earlier release's
 * database starts at full-lean, and APP_HISTORY_LEVEL=full brings it back; every other change stays refused.
 */
class HistoryLevelPluginTest {

  private static final String URL = "jdbc:h2:mem:history-level-plugin;DB_CLOSE_DELAY=-1;MODE=LEGACY";
  private int engines;

  @Test
  void anEarlierReleasesFullDatabaseStartsAtFullLeanAndGoesBackToFull() {
    start("full", List.of()).close(); // as the release before full-lean created it
    assertThat(storedLevel(start("full-lean", List.of(new HistoryLevelPlugin())))).isEqualTo(LeanFullHistoryLevel.ID);
    assertThat(storedLevel(start("full", List.of(new HistoryLevelPlugin())))).isEqualTo(3);
  }

  @Test
  void withoutThePluginCamundaRefusesTheChange_andOtherLevelsStayRefused() {
    String url = URL.replace("history-level-plugin", "history-level-refused");
    start(url, "full", List.of()).close();
    assertThatThrownBy(() -> start(url, "audit", List.of(new HistoryLevelPlugin())))
        .hasMessageContaining("historyLevel mismatch");
    ProcessEnginePlugin onlyRegistered = new HistoryLevelPlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        // the level is known to the engine, the database is not aligned
      }
    };
    assertThatThrownBy(() -> start(url, "full-lean", List.of(onlyRegistered)))
        .hasMessageContaining("historyLevel mismatch");
    // the database still says full
    assertThat(storedLevel(start(url, "full", List.of(new HistoryLevelPlugin())))).isEqualTo(3);
  }

  @Test
  void aFreshDatabaseGetsTheConfiguredLevel() {
    String url = URL.replace("history-level-plugin", "history-level-fresh");
    assertThat(storedLevel(start(url, "full-lean", List.of(new HistoryLevelPlugin()))))
        .isEqualTo(LeanFullHistoryLevel.ID);
  }

  private ProcessEngine start(String history, List<ProcessEnginePlugin> plugins) {
    return start(URL, history, plugins);
  }

  private ProcessEngine start(String url, String history, List<ProcessEnginePlugin> plugins) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(history)
        .setJobExecutorActivate(false)
        .setProcessEngineName("history-level-plugin-" + engines++);
    configuration.setMetricsEnabled(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
    if (history.equals("full-lean") && plugins.isEmpty()) {
      throw new IllegalArgumentException("full-lean needs the plugin to be known");
    }
    return configuration.buildProcessEngine();
  }

  /** The level the database stores, read through the engine that just started on it; the engine is closed. */
  private static int storedLevel(ProcessEngine engine) {
    try {
      return Integer.parseInt(engine.getManagementService().getProperties().get("historyLevel"));
    } finally {
      engine.close();
    }
  }
}
