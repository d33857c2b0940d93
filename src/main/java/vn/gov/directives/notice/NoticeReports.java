package vn.gov.directives.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentFile;
import vn.gov.directives.document.DocumentFormat;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code noticeReports}: the Báo cáo tình hình thực hiện Thông báo, issued by the review office on the
 * follow-up process (so that {@code GET /api/documents?processInstanceId=<follow-up>} lists it) and e-mailed with
 * its files. Used by the timer event sub-process "Lập báo cáo định kỳ", by the closing step (final report) and by
 * {@code POST /api/notices/{id}/reports}.
 *
 * <p>The report is not numbered: it is produced by the system and nobody signs it; a number from the register is
 * taken only when a signed document is issued (Decree 30/2020, art. 15). The office prints the DOCX, has it signed
 * and registered when it wants to send it officially.
 */
@Component("noticeReports")
public class NoticeReports {

  public static final String LAST_REPORT_ID = "lastReportDocumentId";
  public static final String LAST_REPORT_MAILED_TO = "lastReportMailedTo";
  public static final String LAST_REPORT_NOT_MAILED = "lastReportNotMailed";
  public static final String FINAL_REPORT_ID = "finalReportDocumentId";

  private final NoticeRepository repository;
  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final ReportMailer mailer;
  private final String cycle;
  private final String publicBaseUrl;
  private final DueDateService dueDates;

  public NoticeReports(NoticeRepository repository, DocumentService documents, OrganizationDirectory organization,
      ReportMailer mailer, @Value("${app.notices.report-cycle:R/P7D}") String cycle,
      @Value("${app.public-base-url:}") String publicBaseUrl, DueDateService dueDates) {
    this.dueDates = dueDates;
    this.repository = repository;
    this.documents = documents;
    this.organization = organization;
    this.mailer = mailer;
    this.cycle = checkedCycle(cycle);
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  /** A generated report, the addresses it was e-mailed to and why it could not reach someone. */
  public record GeneratedReport(IssuedDocument document, List<DocumentFormat> formats, List<String> mailedTo,
      List<String> notMailed) {}

  /**
   * The timer cycle of "Lập báo cáo định kỳ" ({@code ${noticeReports.cycle}}): an ISO 8601 repeating interval
   * (default R/P7D, every 7 calendar days from registration; the engine's "cycle" calendar, unlike our "duration"
   * one, does not read P7D as working days) or a cron expression (evaluated in the server's time zone).
   */
  public String getCycle() {
    return cycle;
  }

  /** Refuses at start-up a cycle the engine could not schedule, rather than failing at each registration. */
  static String checkedCycle(String cycle) {
    if (cycle == null || cycle.isBlank()) {
      throw new IllegalArgumentException("app.notices.report-cycle: thiếu chu kỳ lập báo cáo (ví dụ R/P7D)");
    }
    try {
      if (new CycleBusinessCalendar().resolveDuedate(cycle.strip()) == null) {
        throw new IllegalArgumentException("no due date");
      }
    } catch (ProcessEngineException | IllegalArgumentException e) {
      throw new IllegalArgumentException("app.notices.report-cycle: chu kỳ '" + cycle + "' không hợp lệ; dùng khoảng "
          + "lặp ISO 8601 (R/P7D) hoặc biểu thức cron (" + e.getMessage() + ")", e);
    }
    return cycle.strip();
  }

  /** Gateway "Hôm nay là ngày làm việc?" of "Lập báo cáo định kỳ" ({@code ${noticeReports.onWorkingDay()}}). */
  public boolean onWorkingDay() {
    return ReportDays.postponedTo(VietnamTime.now(), dueDates.deadlines()).isEmpty();
  }

  /** Timer "Chờ đến ngày làm việc tiếp theo": the start of the next working day, Vietnam time. */
  public Date nextWorkingDayStart() {
    return ReportDays.postponedTo(VietnamTime.now(), dueDates.deadlines())
        .orElseGet(() -> Date.from(VietnamTime.now()));
  }

  /** "Lập báo cáo định kỳ": a progress report of the process's notice, e-mailed. */
  public void periodic(DelegateExecution execution) {
    GeneratedReport report = generate(noticeId(execution), false);
    record(execution, report);
  }

  /** The closing step: the Báo cáo kết quả thực hiện, e-mailed. */
  public void finalReport(DelegateExecution execution) {
    GeneratedReport report = generate(noticeId(execution), true);
    record(execution, report);
    execution.setVariable(FINAL_REPORT_ID, report.document().id());
  }

  /**
   * Issues and e-mails a report now, in the caller's transaction.
   *
   * @param finalReport true for the Báo cáo kết quả (every assignment done)
   * @throws IllegalArgumentException for an unknown notice
   */
  public GeneratedReport generate(String noticeId, boolean finalReport) {
    NoticeRecord notice = repository.find(noticeId).orElseThrow(() ->
        new IllegalArgumentException("Không tìm thấy thông báo " + noticeId + "."));
    if (notice.processInstanceId() == null) {
      throw new IllegalStateException("Thông báo " + notice.number() + " chưa có quy trình theo dõi.");
    }
    List<TrackedLead> leads = repository.leads(noticeId);
    Instant now = VietnamTime.now();
    Function<String, String> leadName = code -> organization.agency(code, notice.issuedOn()).shortName();
    Map<String, Object> values = NoticeReportContent.values(notice, leads, now, finalReport, leadName);
    IssuedDocument document = documents.issue(new DocumentRequest(notice.processInstanceId(),
        NoticeReportContent.TEMPLATE, organization.reviewOffice(), false, VietnamTime.today(), values));
    List<DocumentFormat> formats = documents.formats(document.id());
    List<DocumentFile> files = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (DocumentFormat format : formats) {
      documents.file(document.id(), format).ifPresent(files::add);
      urls.add(publicBaseUrl + "/api/documents/" + document.id() + "/" + format.extension());
    }
    ReportMailer.Recipients recipients = mailer.recipients(notice);
    String body = NoticeReportContent.mailBody(notice, leads, now, finalReport, leadName, urls,
        recipients.problems());
    List<String> mailedTo = mailer.send(recipients, NoticeReportContent.mailSubject(notice, finalReport), body, files);
    return new GeneratedReport(document, formats, mailedTo, recipients.problems());
  }

  private static void record(DelegateExecution execution, GeneratedReport report) {
    // kept on the follow-up process (Cockpit shows them): the last report and whom it did not reach
    execution.setVariable(LAST_REPORT_ID, report.document().id());
    execution.setVariable(LAST_REPORT_MAILED_TO, String.join(", ", report.mailedTo()));
    execution.setVariable(LAST_REPORT_NOT_MAILED, String.join("\n", report.notMailed()));
  }

  private static String noticeId(DelegateExecution execution) {
    return (String) execution.getVariable(NoticeFollowUp.NOTICE_ID);
  }
}
