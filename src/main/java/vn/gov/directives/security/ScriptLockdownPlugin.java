package vn.gov.directives.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Closes what Camunda 7 leaves open to whoever can deploy or query: no script engine, no model holding a script,
 * no script loaded from outside the deployment, no expression evaluated from a REST query's parameters.
 * Stored queries (the Tasklist filters, creatable by admins only) keep their expressions: the shared filters use
 * {@code ${currentUser()}} and the working-day functions.
 */
public class ScriptLockdownPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setScriptEngineResolver(new RefusingScriptEngineResolver());
    configuration.setEnableScriptEngineCaching(false);
    configuration.setEnableScriptEngineLoadExternalResources(false);
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);
    configuration.setEnableExpressionsInAdhocQueries(false);
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new ScriptRefusingParseListener());
  }
}
