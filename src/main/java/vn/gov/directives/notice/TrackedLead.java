package vn.gov.directives.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One tracking row: an assignment of a notice as one lead agency carries it out, with what the called process
 * needs to know about the assignment and the notice.
 *
 * @param dueOn the current deadline day (after an extension, the new one); null when the notice sets no date
 * @param dueAt end of {@code dueOn} in working-day terms; null when no date
 */
public record TrackedLead(
    String id,
    String noticeId,
    String noticeNumber,
    LocalDate noticeDate,
    String assignmentCode,
    AssignmentKind kind,
    String assignmentTitle,
    boolean urgent,
    LocalDate assignmentDeadline,
    List<String> partners,
    String leadCode,
    String processInstanceId,
    LocalDate dueOn,
    Instant dueAt,
    String status,
    Instant completedAt,
    boolean extensionRequested) {

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String COMPLETED = "COMPLETED";
  /** ended without the expected result (plan or proposal not approved by UBND tỉnh) */
  public static final String REJECTED = "REJECTED";

  /** True when the lead's process has ended, completed or rejected: nothing can be extended or moved any more. */
  public boolean ended() {
    return COMPLETED.equals(status) || REJECTED.equals(status);
  }

  public TrackedLead {
    partners = List.copyOf(partners);
  }
}
