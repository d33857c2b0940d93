package vn.gov.directives.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's identity, shared with the engine so that the job log says which node ran each job. */
@Configuration
public class ClusterConfiguration {

  @Bean
  NodeIdentity nodeIdentity(@Value("${app.node-id:}") String configured) {
    return NodeIdentity.of(configured);
  }

  @Bean
  ProcessEnginePlugin nodeHostnamePlugin(NodeIdentity node) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // ACT_HI_JOB_LOG.HOSTNAME_ and the metrics name this node instead of the machine's IP (same for 2 nodes)
        configuration.setHostname(node.id());
      }
    };
  }
}
