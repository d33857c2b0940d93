package vn.gov.directives.deployment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * Gives the engine's BPMN deployer a {@link PrecompiledSchemaBpmnParser} with the parse listeners the engine built
 * (Camunda's own, the reminders', the script lock-down's), in their order. After init, because the engine creates
 * its deployer and listeners there.
 */
public class PrecompiledSchemaPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BpmnDeployer deployer = configuration.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast).findFirst()
        .orElseThrow(() -> new ProcessEngineException("The engine has no BPMN deployer to give the parser to; "
            + "deployers: " + configuration.getDeployers().stream().map(Deployer::getClass).toList()));
    BpmnParser engineParser = deployer.getBpmnParser();
    PrecompiledSchemaBpmnParser parser = new PrecompiledSchemaBpmnParser(engineParser.getExpressionManager(),
        configuration.getBpmnParseFactory());
    parser.getParseListeners().addAll(engineParser.getParseListeners());
    deployer.setBpmnParser(parser);
  }
}
