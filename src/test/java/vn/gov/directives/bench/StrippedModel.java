package vn.gov.directives.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import vn.gov.directives.reminder.NoDeadlineReminderDeclaration;

/**
 * The engine's own cost of a process: the real BPMN file read and stripped, every time, of its listeners, timers
 * (assignment-generic has none left), delegates, and due dates with the reminders they bring, so the baseline
 * follows the model as it changes. Bean expressions in candidate groups become process variables; a bean expression
 * it does not know fails the benchmark rather than silently measuring less.
 */
public final class StrippedModel {

  private StrippedModel() {}

  /**
   * @param groupVariables candidate-group expression → variable holding the same groups, e.g.
   *     "${organization.specialists(leadAgency)}" → "specialistGroup"
   */
  public static BpmnModelInstance of(Path bpmn, String newProcessId, Map<String, String> groupVariables) {
    return of(bpmn, newProcessId, groupVariables, EnumSet.allOf(Part.class));
  }

  /** What can be stripped; the benchmark strips one part at a time to see what each costs. */
  public enum Part { LISTENERS, TIMERS, DELEGATES, DUE_DATES }

  public static BpmnModelInstance of(Path bpmn, String newProcessId, Map<String, String> groupVariables,
      Set<Part> parts) {
    BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
    if (parts.contains(Part.LISTENERS)) {
      remove(model.getModelElementsByType(CamundaExecutionListener.class));
      remove(model.getModelElementsByType(CamundaTaskListener.class));
    }
    if (parts.contains(Part.TIMERS)) {
      stripTimers(model, bpmn);
    }
    if (parts.contains(Part.DELEGATES)) {
      stripDelegates(model, groupVariables);
    }
    if (parts.contains(Part.DUE_DATES)) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        // due dates come from beans; without one a task gets no reminder jobs either
        task.removeAttributeNs(CAMUNDA, "dueDate");
        task.removeAttributeNs(CAMUNDA, "followUpDate");
      }
      // nor the periodic reminder of work without deadline, which a task declares by an extension property
      remove(model.getModelElementsByType(CamundaProperty.class).stream()
          .filter(property -> NoDeadlineReminderDeclaration.PROPERTY.equals(property.getCamundaName())).toList());
      for (CamundaProperties properties : new ArrayList<>(model.getModelElementsByType(CamundaProperties.class))) {
        if (properties.getCamundaProperties().isEmpty()) {
          properties.getParentElement().removeChildElement(properties);
        }
      }
    }
    for (ExtensionElements element : new ArrayList<>(model.getModelElementsByType(ExtensionElements.class))) {
      if (element.getDomElement().getChildElements().isEmpty()) {
        element.getParentElement().removeChildElement(element);
      }
    }
    // the engine does not need the diagram, and it would point at removed elements
    remove(model.getModelElementsByType(BpmnDiagram.class));
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(newProcessId);
    process.setName(process.getName() + " (stripped of " + parts + ")");
    Bpmn.validateModel(model);
    return model;
  }

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static void stripTimers(BpmnModelInstance model, Path bpmn) {
    // boundary timers go, and with them what only they lead to
    for (BoundaryEvent boundary : new ArrayList<>(model.getModelElementsByType(BoundaryEvent.class))) {
      if (!boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        removeNode(boundary);
      }
    }
    boolean removed = true;
    while (removed) {
      removed = false;
      for (FlowNode node : new ArrayList<>(model.getModelElementsByType(FlowNode.class))) {
        if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && node.getIncoming().isEmpty()) {
          removeNode(node);
          removed = true;
        }
      }
    }
    if (!model.getModelElementsByType(TimerEventDefinition.class).isEmpty()) {
      throw new IllegalStateException("a timer that is not a boundary event is left in " + bpmn);
    }
  }

  private static void stripDelegates(BpmnModelInstance model, Map<String, String> groupVariables) {
    // service tasks do nothing, in the caller's transaction: an asynchronous continuation exists only to move a
    // delegate's work out of the user's click, so it goes with the delegate and its job counts as the real model's
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.removeAttributeNs(CAMUNDA, "delegateExpression");
      task.removeAttributeNs(CAMUNDA, "class");
      task.removeAttributeNs(CAMUNDA, "asyncBefore");
      task.removeAttributeNs(CAMUNDA, "asyncAfter");
      task.setCamundaExpression("${null}");
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      if (groups != null && groups.contains("${")) {
        String variable = groupVariables.get(groups);
        if (variable == null) {
          throw new IllegalStateException("unknown candidate groups " + groups + " on " + task.getId()
              + ": map it to a variable in the benchmark");
        }
        task.setCamundaCandidateGroups("${" + variable + "}");
      }
    }
  }

  private static void removeNode(FlowNode node) {
    List<SequenceFlow> flows = new ArrayList<>(node.getOutgoing());
    flows.addAll(node.getIncoming());
    for (SequenceFlow flow : flows) {
      flow.getTarget().getIncoming().remove(flow);
      flow.getSource().getOutgoing().remove(flow);
      flow.getParentElement().removeChildElement(flow);
    }
    node.getParentElement().removeChildElement(node);
  }

  private static void remove(java.util.Collection<? extends ModelElementInstance> elements) {
    for (ModelElementInstance element : new ArrayList<>(elements)) {
      element.getParentElement().removeChildElement(element);
    }
  }
}
