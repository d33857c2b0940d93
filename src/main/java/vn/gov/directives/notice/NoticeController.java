package vn.gov.directives.notice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.mail.MailException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.document.IssuedDocument;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.security.CurrentUser;

/**
 * {@code /api/notices}: registration by other systems, the list of notices and the progress of one. The body is
 * read as bytes and parsed by {@link NoticeParser} (strict UTF-8, then strict JSON), so that every problem is
 * reported, not only the first.
 */
@RestController
@RequestMapping("/api/notices")
public class NoticeController {

  private final NoticeRegistry registry;
  private final NoticeRepository repository;
  private final OrganizationDirectory organization;
  private final NoticeParser parser;
  private final NoticeReports reports;
  private final IdentityService identity;
  private final TransactionTemplate transactions;

  public NoticeController(NoticeRegistry registry, NoticeRepository repository, OrganizationDirectory organization,
      NoticeReports reports, IdentityService identity, PlatformTransactionManager transactionManager) {
    this.registry = registry;
    this.repository = repository;
    this.organization = organization;
    this.parser = new NoticeParser(organization::exists);
    this.reports = reports;
    this.identity = identity;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @PostMapping
  public ResponseEntity<?> register(@RequestBody(required = false) byte[] body, CurrentUser user) {
    if (!mayRegister(user)) {
      return error(HttpStatus.FORBIDDEN, "", "Chỉ người dùng Văn phòng UBND tỉnh hoặc quản trị viên được đăng ký "
          + "thông báo kết luận (only the committee's office and admins may register notices).");
    }
    try {
      NoticeRegistry.Registration registration = registry.register(parser.parse(body), user.userId());
      return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(registration);
    } catch (InvalidNoticeException e) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", e.errors()));
    } catch (DuplicateNoticeException e) {
      return error(HttpStatus.CONFLICT, "number", e.getMessage());
    } catch (BadUserRequestException e) {
      // a called process refused its start data (e.g. plan-approval's own checks): nothing was kept
      return error(HttpStatus.BAD_REQUEST, "", e.getMessage());
    }
  }

  /** Members of any group of the review office (VPUBND-chuyen-vien, VPUBND-lanh-dao, ...) and admins. */
  boolean mayRegister(CurrentUser user) {
    return NoticeManagers.mayManage(user.groupIds(), organization.reviewOffice());
  }

  /** Summary of a notice in the list: its identity and the counts of its progress. */
  public record NoticeSummary(String id, String number, String issuer, java.time.LocalDate issuedOn, String title,
      String status, String processInstanceId, int total, int completedOnTime, int completedLate, int inProgress,
      int overdue, int extensionRequested, int rejected) {}

  @GetMapping
  public List<NoticeSummary> list(CurrentUser user) {
    return repository.list().stream().map(notice -> {
      NoticeProgress progress = NoticeProgress.of(notice.number(), repository.leads(notice.id()), VietnamTime.now());
      return new NoticeSummary(notice.id(), notice.number(), notice.issuer(), notice.issuedOn(), notice.title(),
          notice.status(), notice.processInstanceId(), progress.total(), progress.completedOnTime(),
          progress.completedLate(), progress.inProgress(), progress.overdue(), progress.extensionRequested(),
          progress.rejected());
    }).toList();
  }

  @GetMapping("/{id}/progress")
  public ResponseEntity<?> progress(@PathVariable("id") String id, CurrentUser user) {
    return repository.find(id)
        .<ResponseEntity<?>>map(notice -> ResponseEntity.ok(
            NoticeProgress.of(notice.number(), repository.leads(id), VietnamTime.now())))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "id", "Không tìm thấy thông báo " + id + "."));
  }

  /** A report generated on request: the document, its files and whom the e-mail reached or could not reach. */
  public record GeneratedReportView(String id, String number, String title, java.time.LocalDate issuedOn,
      List<FileLink> files, List<String> mailedTo, List<String> notMailed) {}

  public record FileLink(String format, String url) {}

  /**
   * Generates the progress report now (the final report once the notice is closed) and e-mails it, like the
   * periodic one. Only the review office and admins; the document and the e-mail succeed or fail together.
   */
  @PostMapping("/{id}/reports")
  public ResponseEntity<?> report(@PathVariable("id") String id, CurrentUser user) {
    if (!mayRegister(user)) {
      return error(HttpStatus.FORBIDDEN, "", "Chỉ người dùng Văn phòng UBND tỉnh hoặc quản trị viên được lập báo cáo "
          + "tình hình thực hiện thông báo (only the committee's office and admins may request reports).");
    }
    Optional<NoticeRecord> notice = repository.find(id);
    if (notice.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "id", "Không tìm thấy thông báo " + id + ".");
    }
    boolean finalReport = NoticeRecord.CLOSED.equals(notice.get().status());
    NoticeReports.GeneratedReport report;
    Authentication current = identity.getCurrentAuthentication();
    // the user's right was checked above; documents and group members are read on behalf of the office
    identity.clearAuthentication();
    try {
      report = transactions.execute(status -> reports.generate(id, finalReport));
    } catch (MailException | IllegalStateException e) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, "", "Chưa lập được báo cáo: " + e.getMessage());
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
    IssuedDocument document = report.document();
    List<FileLink> files = report.formats().stream().map(format -> new FileLink(format.extension(),
        "/api/documents/" + document.id() + "/" + format.extension())).toList();
    return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
        .body(new GeneratedReportView(document.id(), document.number(), document.title(), document.issuedOn(), files,
            report.mailedTo(), report.notMailed()));
  }

  private static ResponseEntity<Map<String, List<FieldError>>> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("errors", List.of(new FieldError(field, message))));
  }
}
