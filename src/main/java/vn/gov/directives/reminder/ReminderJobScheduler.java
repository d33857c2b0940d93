package vn.gov.directives.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * Creates and deletes "deadline-reminder" jobs inside the engine's command, attached to the task's execution (or
 * the process instance for the plan deadline) so that Cockpit shows them, the job executor retries them and they
 * disappear with their execution.
 *
 * <p>A deadline has one job at a time: the one of its next reminder. When that job has run, it inserts the job of
 * the following reminder in its own transaction ({@link #scheduleNext}), so a reminder and its successor commit
 * together or not at all. Most tasks are completed before their first reminder: they cost one job, not three.
 *
 * <p>A user task that declares the periodic reminder of work without deadline ({@link NoDeadlineReminderDeclaration})
 * has a second chain while its process has no deadline: one job for its next {@link ReminderKind#NO_DEADLINE_REMINDER},
 * which schedules the following one when it has run; the chain ends with the task, or when the process is given a
 * deadline (the task's due-date reminders then remain).
 */
public class ReminderJobScheduler {

  public static final String JOB_HANDLER_TYPE = "deadline-reminder";

  private final ReminderSchedule schedule;

  public ReminderJobScheduler(ReminderSchedule schedule) {
    this.schedule = schedule;
  }

  /** Resolves the calendar bean only when first used: the calendar may itself need the engine. */
  public static ReminderJobScheduler create(ObjectProvider<WorkingCalendar> calendar, LocalTime reminderTime,
      ReminderProperties properties, int noDeadlineEveryWorkingDays) {
    WorkingCalendar lazy = new WorkingCalendar() {
      @Override
      public boolean isWorkingDay(LocalDate day) {
        return calendar.getObject().isWorkingDay(day);
      }

      @Override
      public LocalDate plusWorkingDays(LocalDate start, int n) {
        return calendar.getObject().plusWorkingDays(start, n);
      }

      @Override
      public LocalDate onOrNextWorkingDay(LocalDate day) {
        return calendar.getObject().onOrNextWorkingDay(day);
      }

      @Override
      public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.getObject().workingDaysBetween(from, to);
      }
    };
    return new ReminderJobScheduler(new ReminderSchedule(
        lazy, reminderTime, properties.daysBefore(), properties.escalateDaysAfter(), noDeadlineEveryWorkingDays));
  }

  /**
   * Brings the task's reminder jobs in line with its due date when the command ends, after every other listener
   * (one may still set or move the due date in this command).
   */
  public void reconcileWhenCommandEnds(TaskEntity task) {
    Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext commandContext) {
        reconcile(task);
      }

      @Override
      public void onCommandFailed(CommandContext commandContext, Throwable t) {
        // the task's creation or change is rolled back: nothing to schedule
      }
    });
  }

  /**
   * Keeps pending jobs whose deadline is the task's due date; otherwise replaces them with the job of the first
   * reminder of the new due date. The same for the periodic reminder of work without deadline, kept while the
   * process has no deadline and the task is the one it was scheduled for, deleted once a deadline is given.
   */
  public void reconcile(TaskEntity task) {
    if (isGone(task) || task.getExecution() == null) {
      return;
    }
    reconcileDueDate(task, pendingJobs(task.getExecution(), config -> config.kind().aboutTask()
        && !config.kind().periodic() && config.subjectId().equals(task.getId())));
    reconcileNoDeadline(task, pendingJobs(task.getExecution(), config -> config.kind().periodic()
        && config.subjectId().equals(task.getId())));
  }

  private void reconcileDueDate(TaskEntity task, List<JobEntity> pending) {
    Date due = task.getDueDate();
    if (due == null) {
      pending.forEach(JobEntity::delete);
      return;
    }
    Instant deadline = ReminderSchedule.seconds(due.toInstant());
    if (!pending.isEmpty() && pending.stream().allMatch(job -> configOf(job).deadline().equals(deadline))) {
      return;
    }
    // Reminders already sent for this very deadline are not sent again: the reminder log remembers them.
    pending.forEach(JobEntity::delete);
    schedule.first(ReminderKind.TASK_REMINDER, deadline, VietnamTime.now()).ifPresent(planned -> insert(
        task.getExecution(), task.getTaskDefinitionKey(), ReminderJobConfiguration.of(task.getId(), planned),
        planned.at()));
  }

  private void reconcileNoDeadline(TaskEntity task, List<JobEntity> pending) {
    if (!NoDeadlineReminderDeclaration.applies(task)) {
      pending.forEach(JobEntity::delete);
      return;
    }
    Instant created = ReminderSchedule.seconds(task.getCreateTime().toInstant());
    if (!pending.isEmpty() && pending.stream().allMatch(job -> configOf(job).deadline().equals(created))) {
      return;
    }
    pending.forEach(JobEntity::delete);
    PlannedReminder planned = schedule.nextNoDeadline(0, created, VietnamTime.now());
    insert(task.getExecution(), task.getTaskDefinitionKey(), ReminderJobConfiguration.of(task.getId(), planned),
        planned.at());
  }

  /**
   * True while a periodic reminder scheduled with this configuration still applies to the task: the task is open,
   * declares the reminder, its process has no deadline and it is the task the reminder counts from.
   */
  static boolean noDeadlineReminderCurrent(TaskEntity task, ReminderJobConfiguration config) {
    return task != null && !isGone(task) && task.getCreateTime() != null
        && ReminderSchedule.seconds(task.getCreateTime().toInstant()).equals(config.deadline())
        && NoDeadlineReminderDeclaration.applies(task);
  }

  /** Deletes the task's pending reminders (completed or deleted). */
  public void cancel(TaskEntity task) {
    if (task.getExecution() == null) {
      return;
    }
    pendingJobs(task.getExecution(), config -> config.kind().aboutTask() && config.subjectId().equals(task.getId()))
        .forEach(JobEntity::delete);
  }

  /** Schedules reminders before the process's plan deadline, unless already scheduled for that deadline. */
  public void scheduleDeadline(ExecutionEntity processInstance, Instant deadline) {
    Instant exact = ReminderSchedule.seconds(deadline);
    List<JobEntity> pending = pendingJobs(processInstance,
        config -> config.kind() == ReminderKind.DEADLINE_REMINDER);
    if (!pending.isEmpty() && pending.stream().allMatch(job -> configOf(job).deadline().equals(exact))) {
      return;
    }
    pending.forEach(JobEntity::delete);
    schedule.first(ReminderKind.DEADLINE_REMINDER, exact, VietnamTime.now()).ifPresent(planned ->
        insert(processInstance, null, ReminderJobConfiguration.of(processInstance.getId(), planned), planned.at()));
  }

  /**
   * Called in the transaction of a reminder job that has done its work (sent, or found already handled): inserts the
   * job of the reminder that follows it for the same deadline. Nothing is inserted when another reminder job of the
   * same subject is pending — the successor already scheduled when this job ended in an incident
   * ({@link #scheduleNextPastIncident}), or a fresh schedule after a deadline moved — so a Cockpit retry of an
   * incident never schedules a reminder twice.
   *
   * @return the successor inserted, if any
   */
  public Optional<PlannedReminder> scheduleNext(ExecutionEntity execution, JobEntity current) {
    if (execution == null) {
      return Optional.empty();
    }
    ReminderJobConfiguration config = configOf(current);
    boolean othersPending = pendingJobs(execution, other -> sameChain(other, config)).stream()
        .anyMatch(job -> !job.getId().equals(current.getId()));
    if (othersPending) {
      return Optional.empty();
    }
    // a periodic reminder that went out very late does not make up the periods missed meanwhile
    Optional<PlannedReminder> next = config.kind().periodic()
        ? Optional.of(schedule.nextNoDeadline(config.days(), config.deadline(), VietnamTime.now()))
        : schedule.after(config.kind(), config.days(), config.deadline());
    // a plan deadline's jobs belong to no activity, as when first scheduled
    String activityId = config.kind().aboutTask() ? current.getActivityId() : null;
    next.ifPresent(planned -> insert(execution, activityId, ReminderJobConfiguration.of(config.subjectId(), planned),
        planned.at()));
    return next;
  }

  /**
   * Called when a reminder job has used its last retry and becomes an incident: the following reminders must not wait
   * for an administrator. The successor is scheduled in the failed-job command's transaction, unless the reminder is
   * no longer current (task gone, deadline moved: a fresh schedule exists). A later Cockpit retry that succeeds finds
   * it pending and adds nothing; should the successor have gone out by then, a second one is not sent either: the
   * reminder log has it.
   */
  public Optional<PlannedReminder> scheduleNextPastIncident(JobEntity failed, CommandContext commandContext) {
    ReminderJobConfiguration config = configOf(failed);
    ExecutionEntity execution = failed.getExecution();
    if (execution == null || !stillCurrent(config, execution, commandContext)) {
      return Optional.empty();
    }
    return scheduleNext(execution, failed);
  }

  private static boolean stillCurrent(
      ReminderJobConfiguration config, ExecutionEntity execution, CommandContext commandContext) {
    if (config.kind().periodic()) {
      return noDeadlineReminderCurrent(commandContext.getTaskManager().findTaskById(config.subjectId()), config);
    }
    if (config.kind().aboutTask()) {
      TaskEntity task = commandContext.getTaskManager().findTaskById(config.subjectId());
      return task != null && !isGone(task) && task.getDueDate() != null
          && ReminderSchedule.seconds(task.getDueDate().toInstant()).equals(config.deadline());
    }
    ExecutionEntity processInstance = execution.getProcessInstance();
    Object planDeadline = processInstance == null || processInstance.isEnded()
        ? null : processInstance.getVariable(DeadlineReminders.PLAN_DEADLINE);
    try {
      return planDeadline != null && DeadlineReminders.planDeadline(planDeadline).equals(config.deadline());
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  /**
   * The same chain: the same task's due-date reminders (reminders and escalation are one chain), the same task's
   * periodic reminders, or the same process instance's plan deadline.
   */
  private static boolean sameChain(ReminderJobConfiguration a, ReminderJobConfiguration b) {
    return a.kind().aboutTask() == b.kind().aboutTask() && a.kind().periodic() == b.kind().periodic()
        && a.subjectId().equals(b.subjectId());
  }

  public ReminderSchedule schedule() {
    return schedule;
  }

  private static boolean isGone(TaskEntity task) {
    String state = task.getTaskState();
    return task.isDeleted() || "Completed".equalsIgnoreCase(state) || "Deleted".equalsIgnoreCase(state);
  }

  private static List<JobEntity> pendingJobs(
      ExecutionEntity execution, Predicate<ReminderJobConfiguration> matching) {
    return execution.getJobs().stream()
        .filter(job -> JOB_HANDLER_TYPE.equals(job.getJobHandlerType()))
        .filter(job -> matching.test(configOf(job)))
        .toList();
  }

  private static ReminderJobConfiguration configOf(JobEntity job) {
    return ReminderJobConfiguration.parse(job.getJobHandlerConfigurationRaw());
  }

  private static void insert(
      ExecutionEntity execution, String activityId, ReminderJobConfiguration config, Instant at) {
    // A message job with a due date: acquired by the job executor once due, retried on failure, listed in Cockpit.
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(JOB_HANDLER_TYPE);
    job.setJobHandlerConfiguration(config);
    job.setDuedate(Date.from(at));
    job.setExecution(execution);
    job.setActivityId(activityId);
    job.setProcessDefinitionId(execution.getProcessDefinitionId());
    job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
    job.setTenantId(execution.getTenantId());
    // insert() also sets the deployment id from the execution, for a deployment-aware job executor
    job.insert();
  }
}
