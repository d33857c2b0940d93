package vn.gov.directives.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Closes the survey: every surveyed agency is listed, those that did not answer as "Không báo cáo", and the Báo
 * cáo kết quả rà soát is generated for the drafting step.
 */
@Component("surveySummary")
public class SurveySummaryDelegate implements JavaDelegate {

  static final String ANSWERED = "Đã báo cáo";
  static final String SILENT = "Không báo cáo";

  private final SurveyResponseRepository responses;
  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final DocumentLinks links;

  public SurveySummaryDelegate(SurveyResponseRepository responses, DocumentService documents,
      OrganizationDirectory organization, DocumentLinks links) {
    this.responses = responses;
    this.documents = documents;
    this.organization = organization;
    this.links = links;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<String> surveyed = (List<String>) execution.getVariable("surveyAgencies");
    Map<String, SurveyResponse> answers = responses.findByProcessInstance(execution.getProcessInstanceId()).stream()
        .collect(Collectors.toMap(SurveyResponse::agencyCode, Function.identity()));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    for (String code : surveyed) {
      String name = organization.agency(code).name();
      SurveyResponse answer = answers.get(code);
      rows.add(row(name, answer));
      if (answer == null) {
        silent.add(code);
      }
    }
    int responded = surveyed.size() - silent.size();
    execution.setVariable("respondedCount", responded);
    execution.setVariable("silentCount", silent.size());
    execution.setVariable("silentAgencies", new ArrayList<>(silent));
    execution.setVariable("surveySummaryText", summary(surveyed.size(), responded, silent));

    Map<String, Object> values = PlanValues.of(execution);
    values.put("surveyDueDate", java.time.LocalDate.parse((String) execution.getVariable("surveyDueDate")));
    values.put("reports", rows);
    documents.issue(new DocumentRequest(execution.getProcessInstanceId(), "bao-cao-ket-qua-ra-soat",
        (String) execution.getVariable("leadAgency"), false, VietnamTime.today(), values));
    links.refresh(execution);
  }

  private String summary(int surveyed, int responded, List<String> silent) {
    String text = responded + "/" + surveyed + " cơ quan, đơn vị đã gửi báo cáo thực trạng";
    if (silent.isEmpty()) {
      return text + ".";
    }
    return text + "; không báo cáo: " + silent.stream().map(code -> organization.agency(code).shortName())
        .collect(Collectors.joining(", ")) + ".";
  }

  static Map<String, Object> row(String agencyName, SurveyResponse answer) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("agencyName", agencyName);
    row.put("status", answer == null ? SILENT : ANSWERED);
    row.put("computers", answer == null ? "" : Integer.toString(answer.computers()));
    row.put("servers", answer == null ? "" : Integer.toString(answer.servers()));
    row.put("network", answer == null ? "" : answer.network());
    row.put("itStaff", answer == null ? "" : Integer.toString(answer.itStaff()));
    row.put("eOffice", answer == null ? "" : answer.eOffice() ? "Có" : "Chưa");
    row.put("signedShare", answer == null ? "" : answer.signedShare() + "%");
    row.put("onlineServices", answer == null ? "" : Integer.toString(answer.onlineServices()));
    row.put("serviceQuality", answer == null ? "" : answer.serviceQuality());
    row.put("proposals", answer == null ? "" : answer.proposals());
    return row;
  }
}
