package vn.gov.directives.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.reminder.ReminderJobScheduler;

/**
 * At start, moves the running instances of older {@code assignment-generic} versions that still have the daily
 * no-date reminder timer ({@code Timer_NoDeadlineReminder}, whose bean is gone) to the latest version, and gives
 * their open work tasks the reminder jobs the latest version declares. Without it such an instance's timer would fail
 * every day (an incident) and its assignment would no longer be reminded. The boundary timer's job goes with the
 * migration; a version that cannot be migrated (an activity removed since) is left alone with a warning naming it.
 * Once nothing runs on such a version, a start costs one count query per older version.
 */
@Component
public class NoDateTimerRetirement implements ApplicationRunner {

  static final String PROCESS_KEY = "assignment-generic";
  static final String RETIRED_TIMER = "Timer_NoDeadlineReminder";
  private static final Logger LOG = LoggerFactory.getLogger(NoDateTimerRetirement.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final CommandExecutor commandExecutor;
  private final ReminderJobScheduler reminders;
  private final TransactionTemplate transaction;

  public NoDateTimerRetirement(ProcessEngine engine, ReminderJobScheduler reminders,
      PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.commandExecutor = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
    this.reminders = reminders;
  }

  @Override
  public void run(ApplicationArguments args) {
    retire();
  }

  /** @return the process instances moved to the latest version */
  public int retire() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult();
    if (latest == null) {
      return 0;
    }
    int moved = 0;
    for (ProcessDefinition old : repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).list()) {
      // counted first: once migrated, a start reads no old model (parsing one is not free)
      if (old.getId().equals(latest.getId())
          || runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).count() == 0
          || !hasRetiredTimer(old)) {
        continue;
      }
      List<String> running = runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).list().stream()
          .map(ProcessInstance::getId).toList();
      try {
        // One transaction: the instances are moved with their reminder jobs set again, or nothing changes. The
        // engine migrates no job of the reminder capability, so they are taken out first and set again afterwards
        // for the version the instances are then on (reminders already sent are in the reminder log, not sent again).
        transaction.executeWithoutResult(status -> {
          commandExecutor.execute(context -> {
            for (String instance : running) {
              context.getJobManager().findJobsByProcessInstanceId(instance).stream()
                  .filter(job -> ReminderJobScheduler.JOB_HANDLER_TYPE.equals(job.getJobHandlerType()))
                  .forEach(JobEntity::delete);
            }
            return null;
          });
          MigrationPlan plan = runtime.createMigrationPlan(old.getId(), latest.getId()).mapEqualActivities().build();
          runtime.newMigration(plan).processInstanceIds(running).skipCustomListeners().execute();
          // a migration fires no task event
          commandExecutor.execute(context -> {
            for (String instance : running) {
              context.getTaskManager().findTasksByProcessInstanceId(instance).forEach(reminders::reconcile);
            }
            return null;
          });
        });
      } catch (RuntimeException e) {
        // another node starting at the same time moved them first, or an activity they wait at no longer exists
        LOG.warn("{} running instance(s) of {} version {} with the retired daily no-date timer were not moved to"
            + " version {}, nothing of them changed (if no other node moved them, their timer fails daily): {}",
            running.size(), PROCESS_KEY, old.getVersion(), latest.getVersion(), e.getMessage());
        continue;
      }
      LOG.info("{} running instance(s) of {} moved from version {} to {}: the daily no-date timer is replaced by the"
          + " reminder job chain", running.size(), PROCESS_KEY, old.getVersion(), latest.getVersion());
      moved += running.size();
    }
    return moved;
  }

  /** Searched in the deployed XML: cheaper than the model API, whose parse a start would otherwise pay. */
  private boolean hasRetiredTimer(ProcessDefinition definition) {
    try (InputStream xml = repository.getProcessModel(definition.getId())) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8).contains("id=\"" + RETIRED_TIMER + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
