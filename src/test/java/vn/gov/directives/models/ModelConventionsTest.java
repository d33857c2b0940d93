package vn.gov.directives.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The team's model conventions, checked on every file in processes/ and forms/ without the engine: what a modeler
 * opening the diagram in Camunda Modeler and a clerk reading Tasklist would notice.
 */
class ModelConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final int TASKLIST_FORM_SCHEMA = 16;

  @TestFactory
  Stream<DynamicTest> everyDiagramFollowsTheConventions() throws IOException {
    Set<String> formIds = formIds();
    Set<String> processIds = new HashSet<>();
    List<Path> files = bpmnFiles();
    for (Path file : files) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> assertThat(problems(file, formIds, processIds)).as(file.toString()).isEmpty()));
  }

  @Test
  void everyFormIsRenderedByTasklist724() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> forms = formFiles();
    assertThat(forms).isNotEmpty();
    for (Path form : forms) {
      JsonNode root = json.readTree(Files.readString(form));
      assertThat(root.path("id").asText()).as(form + " id").isEqualTo(form.getFileName().toString().replace(".form", ""));
      assertThat(root.path("schemaVersion").asInt()).as(form + " schemaVersion").isBetween(1, TASKLIST_FORM_SCHEMA);
      assertThat(root.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(root.path("components")).as(form + " components").isNotEmpty();
      for (JsonNode component : root.path("components")) {
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        if (component.has("key")) {
          assertThat(label).as(form + " label of " + component.path("key")).isNotBlank();
          assertThat(label).as(form + " label in Vietnamese").matches(".*[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĂÂĐÊÔƠƯ].*|.*\\b(CNTT|LAN|Internet)\\b.*");
        }
      }
    }
  }

  private List<String> problems(Path file, Set<String> formIds, Set<String> processIds) {
    List<String> problems = new ArrayList<>();
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String expectedId = file.getFileName().toString().replace(".bpmn", "");
    var definitions = model.getDefinitions();
    if (!"Camunda Platform".equals(definitions.getDomElement().getAttribute(MODELER_NS, "executionPlatform"))) {
      problems.add("modeler:executionPlatform is not 'Camunda Platform'");
    }
    if (!"7.24.0".equals(definitions.getDomElement().getAttribute(MODELER_NS, "executionPlatformVersion"))) {
      problems.add("modeler:executionPlatformVersion is not 7.24.0");
    }
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    for (Process process : processes) {
      if (!process.getId().equals(expectedId)) {
        problems.add("process id " + process.getId() + " differs from the file name " + expectedId);
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("no camunda:historyTimeToLive");
      }
      if (process.getName() == null || process.getName().isBlank()) {
        problems.add("process has no name");
      }
    }
    Map<String, Bounds> shapes = new HashMap<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    for (FlowNode node : nodes) {
      if (!shapes.containsKey(node.getId())) {
        problems.add(node.getId() + " is not drawn");
      }
      if (!(node instanceof ParallelGateway) && (node.getName() == null || node.getName().isBlank())) {
        problems.add(node.getId() + " has no Vietnamese name");
      }
      if (node instanceof ScriptTask) {
        problems.add(node.getId() + " is a script task; use a delegate");
      }
      if (node instanceof UserTask task) {
        if (task.getCamundaFormRef() == null || !formIds.contains(task.getCamundaFormRef())) {
          problems.add(task.getId() + " refers to a missing form " + task.getCamundaFormRef());
        }
        if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
          problems.add(task.getId() + " has nobody to do it");
        }
        if (task.getCamundaDueDate() == null) {
          problems.add(task.getId() + " has no due date");
        }
      }
      if (node instanceof StartEvent start && start.getCamundaFormRef() != null
          && !formIds.contains(start.getCamundaFormRef())) {
        problems.add(start.getId() + " refers to a missing form " + start.getCamundaFormRef());
      }
      // an expression (e.g. ${noticeFollowUp.processKey(...)}) is resolved at run time, as check-models also allows
      if (node instanceof CallActivity call && !call.getCalledElement().contains("${")
          && !processIds.contains(call.getCalledElement())) {
        problems.add(call.getId() + " calls unknown process " + call.getCalledElement());
      }
      if (node instanceof ExclusiveGateway gateway && gateway.getOutgoing().size() > 1) {
        for (SequenceFlow flow : gateway.getOutgoing()) {
          if (flow.getName() == null || flow.getName().isBlank()) {
            problems.add("flow " + flow.getId() + " out of " + gateway.getId() + " has no name");
          }
          if (flow.getConditionExpression() == null && gateway.getDefault() != flow) {
            problems.add("flow " + flow.getId() + " out of " + gateway.getId() + " has no condition");
          }
        }
      }
    }
    model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> !edges.contains(flow.getId()))
        .forEach(flow -> problems.add("flow " + flow.getId() + " is not drawn"));
    List<FlowNode> drawn = nodes.stream().filter(n -> !(n instanceof BoundaryEvent) && shapes.containsKey(n.getId())).toList();
    for (int i = 0; i < drawn.size(); i++) {
      for (int j = i + 1; j < drawn.size(); j++) {
        // a shape drawn inside its expanded (event) sub-process is contained, not overlapping
        if (overlap(shapes.get(drawn.get(i).getId()), shapes.get(drawn.get(j).getId()))
            && !contains(drawn.get(i), drawn.get(j)) && !contains(drawn.get(j), drawn.get(i))) {
          problems.add(drawn.get(i).getId() + " overlaps " + drawn.get(j).getId());
        }
      }
    }
    return problems;
  }

  private static boolean contains(FlowNode outer, FlowNode inner) {
    for (var parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == outer) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    for (Path form : formFiles()) {
      ids.add(json.readTree(Files.readString(form)).path("id").asText());
    }
    return ids;
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.walk(FORMS)) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }
}
