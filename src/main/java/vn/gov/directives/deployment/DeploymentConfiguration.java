package vn.gov.directives.deployment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the engine reads the models it deploys. */
@Configuration
public class DeploymentConfiguration {

  /** Static: an engine plugin must exist before the engine. */
  @Bean
  static PrecompiledSchemaPlugin precompiledSchemaPlugin() {
    return new PrecompiledSchemaPlugin();
  }
}
