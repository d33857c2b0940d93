package vn.gov.directives.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.directives.assignment.AssignmentStatusChanged;
import vn.gov.directives.calendar.DueDateService;

/**
 * Keeps the tracking rows in step with the assignment processes. Runs synchronously inside the engine transaction
 * that published the change, so the row and the process never disagree.
 */
@Component
public class AssignmentTracking {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentTracking.class);

  private final NoticeRepository repository;
  private final DueDateService dueDates;

  public AssignmentTracking(NoticeRepository repository, DueDateService dueDates) {
    this.repository = repository;
    this.dueDates = dueDates;
  }

  @EventListener
  public void on(AssignmentStatusChanged change) {
    String id = change.assignmentLeadId();
    boolean found = switch (change.status()) {
      case IN_PROGRESS -> repository.reopenLead(id, change.at());
      case EXTENSION_REQUESTED -> repository.setExtensionRequested(id, true, change.at());
      case EXTENSION_REFUSED -> repository.setExtensionRequested(id, false, change.at());
      case EXTENSION_GRANTED -> repository.extendLead(id, change.newDeadline(),
          dueDates.deadlineEnd(change.newDeadline()).toInstant(), change.at());
      case COMPLETED -> repository.completeLead(id, TrackedLead.COMPLETED, change.at());
      case REJECTED -> repository.completeLead(id, TrackedLead.REJECTED, change.at());
    };
    if (found && change.processInstanceId() != null) {
      // a notice registered from Tasklist cannot see its called processes yet (same engine command): they say it
      repository.setLeadProcessInstanceIfMissing(id, change.processInstanceId());
    }
    if (!found) {
      // a process started by hand with a made-up id: nothing to track, the process itself must not fail
      LOG.warn("Assignment status {} for unknown tracking row {}", change.status(), id);
    }
  }
}
