package vn.gov.directives.history;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The product's history level {@value #NAME}: Camunda's {@code full} history without its two bulk logs that nobody
 * in a People's Committee reads, measured as a large share of the rows an assignment writes.
 *
 * <p>Kept (as at {@code full}): process, activity and task instances (who did which task, when), the latest value
 * of every variable, incidents, the user operation log (who completed, reassigned, changed a due date, retried a
 * job, modified or deleted an instance), the identity-link history (who was a candidate or assignee: the access
 * rules of the documents and reminders API read it), DMN decision instances (the ranking table), batches,
 * external tasks, form properties, and the job log of every job that ran or failed (which node sent a reminder or
 * issued a document; each failed attempt with its exception).
 *
 * <p>Dropped: {@code VARIABLE_INSTANCE_UPDATE_DETAIL} (ACT_HI_DETAIL, one row per value a variable ever had; the
 * latest value stays in ACT_HI_VARINST, and a change made by a user through the API stays in the operation log) and
 * the job log's creation and deletion entries ({@code JOB_CREATE}, {@code JOB_DELETE}: every reminder and escalation
 * job is logged when it is scheduled and again when its task is completed before it fell due).
 */
public final class LeanFullHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "full-lean";
  /** Stored in ACT_GE_PROPERTY (historyLevel); Camunda's own levels use 0–3. */
  public static final int ID = 30;

  static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !DROPPED.contains(eventType);
  }
}
