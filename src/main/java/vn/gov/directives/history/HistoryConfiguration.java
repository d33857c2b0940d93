package vn.gov.directives.history;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the product's history level known to the engine, so that {@code camunda.bpm.history-level} (default
 * {@value LeanFullHistoryLevel#NAME}, README "PostgreSQL in production") may name it beside Camunda's own levels, and
 * lets a database move between {@code full} and it ({@link HistoryLevelPlugin}).
 */
@Configuration
public class HistoryConfiguration {

  @Bean
  ProcessEnginePlugin historyLevelPlugin() {
    return new HistoryLevelPlugin();
  }
}
