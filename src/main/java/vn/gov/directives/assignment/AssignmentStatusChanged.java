package vn.gov.directives.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Published inside the engine transaction whenever an assignment process changes the status of its tracking row.
 *
 * @param assignmentLeadId the tracking row (one per assignment and lead agency)
 * @param status the new status
 * @param at when it changed (engine clock)
 * @param newDeadline the granted deadline for {@link AssignmentStatus#EXTENSION_GRANTED}, otherwise null
 * @param processInstanceId the assignment process that published the change; null when not known
 */
public record AssignmentStatusChanged(String assignmentLeadId, AssignmentStatus status, Instant at,
    LocalDate newDeadline, String processInstanceId) {

  public AssignmentStatusChanged(String assignmentLeadId, AssignmentStatus status, Instant at, LocalDate newDeadline) {
    this(assignmentLeadId, status, at, newDeadline, null);
  }

  public AssignmentStatusChanged {
    Objects.requireNonNull(assignmentLeadId, "assignmentLeadId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (status == AssignmentStatus.EXTENSION_GRANTED && newDeadline == null) {
      throw new IllegalArgumentException("Gia hạn được chấp thuận phải có hạn mới (newDeadline).");
    }
  }
}
