package vn.gov.directives.publishing;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda Connect for the portal publication, with the http-connector's client built on first use. */
@Configuration
public class ConnectConfiguration {

  /** The name makes the starter's own Connect plugin ({@code @ConditionalOnMissingBean}) stand back. */
  @Bean
  ProcessEnginePlugin connectProcessEnginePlugin() {
    return new LazyHttpConnectPlugin();
  }
}
