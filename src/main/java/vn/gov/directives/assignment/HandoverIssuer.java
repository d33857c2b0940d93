package vn.gov.directives.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;

/**
 * Bean {@code handover} of assignment-handover: the receiving side is the lead agency, the handing-over side the
 * first partner. Checks each side's checklist, issues the Biên bản bàn giao (template bien-ban-ban-giao, numbered by
 * the receiving side) and decides, after both confirmations, which checklists must be redone.
 */
@Component("handover")
public class HandoverIssuer {

  public static final String TEMPLATE = "bien-ban-ban-giao";

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final DocumentLinks links;

  public HandoverIssuer(DocumentService documents, OrganizationDirectory organization, DocumentLinks links) {
    this.documents = documents;
    this.organization = organization;
    this.links = links;
  }

  /** Start listener: names both sides and opens both checklists. */
  public void start(DelegateExecution execution) {
    List<String> partners = ProposalConsultation.partners(execution);
    if (partners.isEmpty() || !organization.exists(partners.get(0))) {
      throw new IllegalArgumentException("Không thể bắt đầu bàn giao: cần cơ quan bàn giao là cơ quan phối hợp đầu "
          + "tiên (biến partners), có trong danh sách cơ quan; nhận được " + partners + ".");
    }
    execution.setVariable("handingAgency", partners.get(0));
    execution.setVariable("handingAgencyName", organization.agency(partners.get(0)).name());
    execution.setVariable("receivingChecklistNeeded", true);
    execution.setVariable("handingChecklistNeeded", true);
  }

  /** Complete listener of a checklist task ({@code side} receiving or handing). */
  public void checkChecklist(DelegateTask task, String side) {
    List<String> problems = HandoverChecklist.problems(side, task::getVariable);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
  }

  /** "Lập Biên bản bàn giao"; clears the previous round's confirmations. */
  public void issueRecord(DelegateExecution execution) {
    String receiving = text(execution, "leadAgency");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("assignmentTitle", text(execution, "assignmentTitle"));
    values.put("noticeNumber", text(execution, "noticeNumber"));
    values.put("noticeDateText", text(execution, "noticeDateText"));
    values.put("handingAgencyName", text(execution, "handingAgencyName"));
    values.put("receivingAgencyName", organization.agency(receiving).name());
    values.put("handedOverOnLong", VietnamTime.vietnameseDate(VietnamTime.today()));
    for (String side : List.of(HandoverChecklist.HANDING, HandoverChecklist.RECEIVING)) {
      values.put(side + "RepresentativeName", text(execution, side + "_representativeName"));
      values.put(side + "RepresentativeTitle", text(execution, side + "_representativeTitle"));
    }
    values.put("items", HandoverChecklist.rows(execution::getVariable));
    values.put("representatives", List.of(Map.of(
        "handing", text(execution, "handing_representativeTitle") + " " + text(execution, "handing_representativeName"),
        "receiving", text(execution, "receiving_representativeTitle") + " "
            + text(execution, "receiving_representativeName"))));
    IssuedDocument record = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), TEMPLATE, receiving,
        true, VietnamTime.today(), values));
    execution.setVariable("handoverRecordDocumentId", record.id());
    execution.setVariable("handoverRecordNumber", record.number());
    execution.setVariable("receivingConfirmation", null);
    execution.setVariable("handingConfirmation", null);
    links.refresh(execution);
  }

  /** After both answers: a side that refused redoes its checklist. */
  public void afterConfirmations(DelegateExecution execution) {
    execution.setVariable("receivingChecklistNeeded", "refuse".equals(execution.getVariable("receivingConfirmation")));
    execution.setVariable("handingChecklistNeeded", "refuse".equals(execution.getVariable("handingConfirmation")));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
