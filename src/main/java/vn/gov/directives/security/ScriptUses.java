package vn.gov.directives.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Finds every place a BPMN model would run a script: a script task, a {@code camunda:script} (execution or task
 * listener, input/output parameter, connector), or a condition in a script language ({@code language} or
 * {@code camunda:resource} on a sequence-flow or event condition). Works on the engine's own parse of the XML.
 */
public final class ScriptUses {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** Camunda's extension namespace and the Activiti one the engine still accepts in its place. */
  static final Set<String> CAMUNDA_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /**
   * One script found.
   *
   * @param elementId the id of the BPMN element holding it (the nearest enclosing element with an id)
   * @param kind what the script is, e.g. "scriptTask", "camunda:script", "script condition (groovy)"
   */
  public record ScriptUse(String elementId, String kind, Element element) {

    public String describe() {
      return kind + " trong phần tử '" + elementId + "'";
    }
  }

  private ScriptUses() {}

  public static List<ScriptUse> find(Element root) {
    List<ScriptUse> found = new ArrayList<>();
    walk(root, root.attribute("id"), found);
    return found;
  }

  private static void walk(Element element, String enclosingId, List<ScriptUse> found) {
    String id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
    String tag = localName(element);
    if (BPMN_NS.equals(element.getUri()) && "scriptTask".equals(tag)) {
      found.add(new ScriptUse(id, "scriptTask", element));
    } else if (CAMUNDA_NS.contains(element.getUri()) && "script".equals(tag)) {
      found.add(new ScriptUse(id, "camunda:script (" + element.attribute("scriptFormat") + ")", element));
    } else if (BPMN_NS.equals(element.getUri()) && ("conditionExpression".equals(tag) || "condition".equals(tag))
        && isScriptCondition(element)) {
      String language = element.attribute("language");
      found.add(new ScriptUse(id, "script condition (" + (language == null ? "resource" : language) + ")", element));
    }
    for (Element child : element.elements()) {
      walk(child, id, found);
    }
  }

  /** A condition without {@code language} is a JUEL expression; with one (or an external resource) it is a script. */
  private static boolean isScriptCondition(Element condition) {
    String language = condition.attribute("language");
    return (language != null && !language.isBlank())
        || condition.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resource") != null;
  }

  private static String localName(Element element) {
    String tag = element.getTagName();
    int colon = tag.indexOf(':');
    return colon < 0 ? tag : tag.substring(colon + 1);
  }
}
