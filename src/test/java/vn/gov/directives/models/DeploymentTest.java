package vn.gov.directives.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.gov.directives.deployment.PrecompiledSchemaBpmnParser;

/** The application starts and deploys every BPMN, DMN and form from processes/ and forms/; every formRef resolves. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class DeploymentTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void everyModelIsDeployedAndEveryFormRefResolves() throws IOException {
    assertThat(engineConfiguration.getDeployers()).filteredOn(BpmnDeployer.class::isInstance)
        .singleElement().extracting(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
        .as("the models below are parsed against the precompiled schema")
        .isInstanceOf(PrecompiledSchemaBpmnParser.class);
    List<String> bpmnIds = fileIds("processes", ".bpmn");
    List<String> deployedKeys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList();
    assertThat(deployedKeys).containsAll(bpmnIds);

    List<String> formIds = fileIds("forms", ".form");
    // The engine's own lookup of formRef bindings "latest": the form definitions it registered from the .form files
    List<String> deployedForms = formIds.stream().filter(key -> engineConfiguration.getCommandExecutorTxRequired()
        .execute(context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)) != null).toList();
    assertThat(deployedForms).containsExactlyInAnyOrderElementsOf(formIds);

    assertThat(fileIds("processes", ".dmn")).allSatisfy(key ->
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isPositive());

    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      Stream.concat(model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
              model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
          .filter(ref -> ref != null)
          .forEach(ref -> assertThat(deployedForms).as(definition.getKey() + " formRef").contains(ref));
    }
  }

  @Test
  void startFormIsTheDeployedCamundaForm() {
    ProcessDefinition plan = repositoryService.createProcessDefinitionQuery().processDefinitionKey("plan-approval")
        .latestVersion().singleResult();
    assertThat(plan.getName()).isEqualTo("Xây dựng Kế hoạch ứng dụng CNTT");
    assertThat(plan.isStartableInTasklist()).isTrue();
    ProcessDefinition review = repositoryService.createProcessDefinitionQuery().processDefinitionKey("submission-review")
        .latestVersion().singleResult();
    assertThat(review.isStartableInTasklist()).as("only called, never started by hand").isFalse();
  }

  private static List<String> fileIds(String folder, String extension) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(folder))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(extension))
          .map(n -> n.substring(0, n.length() - extension.length())).sorted().toList();
    }
  }
}
