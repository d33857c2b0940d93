package vn.gov.directives.security;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import vn.gov.directives.security.ScriptUses.ScriptUse;

/**
 * Refuses a BPMN deployment that holds any script (see {@link ScriptUses}): whoever may deploy must not be able to
 * run code on the server through a model. The whole deployment fails, so nothing of it is stored.
 */
public class ScriptRefusingParseListener extends AbstractBpmnParseListener {

  static final String MESSAGE = "Không được triển khai mô hình chứa mã kịch bản (script): ";

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    List<ScriptUse> uses = ScriptUses.find(rootElement);
    if (!uses.isEmpty()) {
      throw new BpmnParseException(MESSAGE + uses.stream().map(ScriptUse::describe).collect(Collectors.joining("; "))
          + ". Hãy dùng service task với delegateExpression (scripts are disabled on this server)",
          uses.get(0).element());
    }
  }
}
