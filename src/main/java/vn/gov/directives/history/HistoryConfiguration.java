package vn.gov.directives.history;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the product's history level known to the engine, so that {@code camunda.bpm.history-level} (default
 * {@value LeanFullHistoryLevel#NAME}, README "PostgreSQL in production") may name it beside Camunda's own levels.
 */
@Configuration
public class HistoryConfiguration {

  @Bean
  ProcessEnginePlugin leanFullHistoryLevelPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
          configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new LeanFullHistoryLevel());
      }
    };
  }
}
