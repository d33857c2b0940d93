package vn.gov.directives.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import vn.gov.directives.security.RejectedInputException;
import vn.gov.directives.security.StrictJson;
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
      @RequestBody(required = false) byte[] body, CurrentUser user) {
    if (!NoticeManagers.mayManage(user.groupIds(), organization.reviewOffice())) {
      return error(HttpStatus.FORBIDDEN, "", "Chỉ người dùng Văn phòng UBND tỉnh hoặc quản trị viên được đặt thời hạn "
          + "nhiệm vụ (only the review office may set deadlines).");
    }
    var notice = repository.find(id);
    if (notice.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "id", "Không tìm thấy thông báo " + id + ".");
    }
    String deadline;
    try {
      // {"deadline": "yyyy-MM-dd"} and nothing else: a misspelt or extra field is refused, not ignored
      JsonNode request = StrictJson.object(body, Set.of("deadline"));
      JsonNode value = request.get("deadline");
      if (value != null && !value.isNull() && !value.isTextual()) {
        return error(HttpStatus.BAD_REQUEST, "deadline", "Hạn phải là một ngày dạng chuỗi yyyy-MM-dd.");
      }
      deadline = value == null || value.isNull() ? null : value.textValue();
    } catch (RejectedInputException e) {
      return error(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }
    try {
      List<TrackedLead> changed = deadlines.setDeadline(notice.get(), code, deadline);
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
