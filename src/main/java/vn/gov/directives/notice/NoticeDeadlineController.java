package vn.gov.directives.notice;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.security.CurrentUser;

/**
 * {@code PUT /api/notices/{id}/assignments/{code}/deadline} with {@code {"deadline": "yyyy-MM-dd"}}: Văn phòng UBND
 * sets a deadline for an assignment (one the notice left without a date, or a new one); answers the leads changed.
 */
@RestController
public class NoticeDeadlineController {

  private final NoticeRepository repository;
  private final NoticeDeadlines deadlines;
  private final OrganizationDirectory organization;

  public NoticeDeadlineController(NoticeRepository repository, NoticeDeadlines deadlines,
      OrganizationDirectory organization) {
    this.repository = repository;
    this.deadlines = deadlines;
    this.organization = organization;
  }

  @PutMapping("/api/notices/{id}/assignments/{code}/deadline")
  public ResponseEntity<?> setDeadline(@PathVariable("id") String id, @PathVariable("code") String code,
      @RequestBody(required = false) Map<String, String> body, CurrentUser user) {
    if (!NoticeManagers.mayManage(user.groupIds(), organization.reviewOffice())) {
      return error(HttpStatus.FORBIDDEN, "", "Chỉ người dùng Văn phòng UBND tỉnh hoặc quản trị viên được đặt thời hạn "
          + "nhiệm vụ (only the review office may set deadlines).");
    }
    var notice = repository.find(id);
    if (notice.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "id", "Không tìm thấy thông báo " + id + ".");
    }
    try {
      List<TrackedLead> changed = deadlines.setDeadline(notice.get(), code, body == null ? null : body.get("deadline"));
      return ResponseEntity.ok(changed.stream().map(lead -> Map.of("code", lead.assignmentCode(), "lead", lead.leadCode()))
          .toList());
    } catch (InvalidNoticeException e) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", e.errors()));
    }
  }

  private static ResponseEntity<Map<String, List<FieldError>>> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("errors", List.of(new FieldError(field, message))));
  }
}
