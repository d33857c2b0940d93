package vn.gov.directives.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine validates models against the BPMN schema compiled once: a model that breaks the schema or declares a
 * DOCTYPE is refused with the same errors as Camunda's own parser gives, and the engine's parse listeners still run.
 * The product's own models deploy through it in {@code DeploymentTest}.
 */
class PrecompiledSchemaBpmnParserTest {

  private static final List<String> PARSED = new ArrayList<>();
  private static ProcessEngine precompiled;
  private static ProcessEngine camunda;

  @BeforeAll
  static void engines() {
    precompiled = engine("precompiled", true);
    camunda = engine("camunda", false);
  }

  @AfterAll
  static void close() {
    precompiled.close();
    camunda.close();
  }

  @Test
  void theEnginesBpmnDeployerUsesTheParserWithTheEnginesListeners() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) precompiled.getProcessEngineConfiguration();
    BpmnDeployer deployer = configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
        .map(BpmnDeployer.class::cast).findFirst().orElseThrow();

    assertThat(deployer.getBpmnParser()).isInstanceOf(PrecompiledSchemaBpmnParser.class);
    assertThat(deployer.getBpmnParser().getParseListeners())
        .hasAtLeastOneElementOfType(RecordingListener.class)
        .hasSizeGreaterThan(1); // Camunda's own listeners (history, jobs) too
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown element | <bpmn:startEvent id='S'/><bpmn:notAnElement/> | cvc-complex-type.2.4.a | notAnElement",
      "wrong value type | <bpmn:startEvent id='S' isInterrupting='maybe'/> | cvc-attribute.3 | boolean"})
  void aModelThatBreaksTheSchemaIsRefusedWithCamundasOwnMessage(String what, String elements, String rule,
      String named) {
    String model = model("broken", elements);

    String refused = refusal(precompiled, model);

    assertThat(refused).contains(rule).contains(named);
    assertThat(refused).isEqualTo(refusal(camunda, model));
  }

  @Test
  void aModelDeclaringADoctypeIsRefusedAsBefore() {
    String model = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY x \"x\">]>"
        + model("broken", "<bpmn:startEvent id=\"Start\"/>").substring("<?xml version=\"1.0\"?>".length());

    String refused = refusal(precompiled, model);

    assertThat(refused).containsIgnoringCase("DOCTYPE");
    assertThat(refused).isEqualTo(refusal(camunda, model));
  }

  @Test
  void aValidModelDeploysAndTheEnginesParseListenersSeeIt() {
    String model = model("valid", "<bpmn:startEvent id=\"Start\"/>");
    PARSED.clear();

    assertThat(precompiled.getRepositoryService().createDeployment().addString("valid.bpmn", model).deployWithResult()
        .getDeployedProcessDefinitions()).hasSize(1);

    assertThat(PARSED).containsExactly("valid");
  }

  private static String refusal(ProcessEngine engine, String model) {
    Throwable thrown = catchThrowable(() ->
        engine.getRepositoryService().createDeployment().addString("broken.bpmn", model).deploy());
    assertThat(thrown).as(engine.getName()).isInstanceOf(ProcessEngineException.class);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("broken").count())
        .as("nothing deployed").isZero();
    // the message names the resource and each error with its line and column
    return thrown.getMessage();
  }

  private static String model(String processId, String elements) {
    return "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions\""
        + " targetNamespace=\"http://example.org\"><bpmn:process id=\"" + processId + "\" isExecutable=\"true\""
        + " camunda:historyTimeToLive=\"P1D\">" + elements + "</bpmn:process></bpmn:definitions>";
  }

  private static ProcessEngine engine(String name, boolean withPlugin) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:schema-" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setCustomPreBPMNParseListeners(new ArrayList<>(List.<BpmnParseListener>of(new RecordingListener())));
    if (withPlugin) {
      configuration.getProcessEnginePlugins().add(new PrecompiledSchemaPlugin());
    }
    return configuration.buildProcessEngine();
  }

  private static final class RecordingListener extends AbstractBpmnParseListener {
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      PARSED.add(processDefinition.getKey());
    }
  }
}
