package vn.gov.directives.notice;

import vn.gov.directives.security.SystemAccess;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Registers a notice: stores it with one tracking row per (assignment, lead) and starts its follow-up process, in
 * one transaction shared with the engine, so that a failure anywhere leaves nothing stored and nothing running.
 */
@Service
public class NoticeRegistry {

  public static final String FOLLOW_UP_PROCESS = "notice-follow-up";

  private final NoticeRepository repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final DueDateService dueDates;
  private final TransactionTemplate transactions;

  public NoticeRegistry(NoticeRepository repository, RuntimeService runtime, HistoryService history,
      IdentityService identity, DueDateService dueDates, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.dueDates = dueDates;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What the registration started: one line per (assignment, lead), in the notice's order. */
  public record Registration(String id, String number, String processInstanceId, List<RegisteredLead> assignments) {}

  /** @param dueDate end of the deadline, ISO with +07:00; null when the notice sets no date */
  public record RegisteredLead(String code, String lead, String processInstanceId, String dueDate) {}

  /**
   * @param registeredBy user id recorded as the notice's creator
   * @throws DuplicateNoticeException when the issuer's notice of that number and year exists
   */
  public Registration register(NoticeRequest request, String registeredBy) {
    try {
      return transactions.execute(status -> {
        repository.findByNumber(request.issuer(), request.number(), request.year()).ifPresent(existing -> {
          throw new DuplicateNoticeException(request.number(), request.issuer(), request.year(), existing.id());
        });
        Instant now = VietnamTime.now();
        String id = repository.insert(request, registeredBy, now, dueDates::deadlineEnd);
        // The caller's right to register was checked by the API; the processes run on behalf of the office.
        ProcessInstance followUp = asSystem(() -> runtime.createProcessInstanceByKey(FOLLOW_UP_PROCESS)
            .businessKey(request.number())
            .setVariable(NoticeFollowUp.NOTICE_ID, id)
            .setVariable("registeredBy", registeredBy)
            .execute());
        repository.setProcessInstance(id, followUp.getId());
        Map<String, String> calledByLead = calledInstances(followUp.getId());
        List<RegisteredLead> lines = repository.leads(id).stream().map(lead -> {
          // from Tasklist the called processes are not in history yet: they have told the tracking themselves
          String called = calledByLead.getOrDefault(lead.id(), lead.processInstanceId());
          if (called != null) {
            repository.setLeadProcessInstance(lead.id(), called);
          }
          return new RegisteredLead(lead.assignmentCode(), lead.leadCode(), called,
              NoticeProgress.isoVietnam(lead.dueAt()));
        }).toList();
        return new Registration(id, request.number(), followUp.getId(), lines);
      });
    } catch (DuplicateKeyException e) {
      // a concurrent registration of the same notice won the race
      throw new DuplicateNoticeException(request.number(), request.issuer(), request.year(), null);
    }
  }

  /** Call activities start synchronously: every called instance exists (or already ended) when the start returns. */
  private Map<String, String> calledInstances(String followUpId) {
    return asSystem(() -> {
      String[] ids = history.createHistoricProcessInstanceQuery().superProcessInstanceId(followUpId).list().stream()
          .map(HistoricProcessInstance::getId).toArray(String[]::new);
      Map<String, String> byLead = new HashMap<>();
      if (ids.length > 0) {
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids).variableName(NoticeFollowUp.ASSIGNMENT_LEAD_ID).list()) {
          byLead.put(String.valueOf(variable.getValue()), variable.getProcessInstanceId());
        }
      }
      return byLead;
    });
  }

  /** Runs without the request user's authorizations, then restores them. */
  private <T> T asSystem(Supplier<T> work) {
    return SystemAccess.call(identity, work);
  }
}
