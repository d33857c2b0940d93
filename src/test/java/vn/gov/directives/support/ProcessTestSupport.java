package vn.gov.directives.support;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentFormat;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.reminder.ReminderJobConfiguration;
import vn.gov.directives.reminder.ReminderJobScheduler;

/** What the process tests do the way a user or the job executor would: one copy for every process test. */
public final class ProcessTestSupport {

  private ProcessTestSupport() {}

  /** Completes the task as the user, with the user's groups, as Tasklist does. */
  public static void completeAs(IdentityService identity, TaskService tasks, String userId, Task task,
      Map<String, Object> variables) {
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  public static Task onlyTask(TaskService tasks, String processInstanceId, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  public static List<String> candidateGroups(TaskService tasks, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  /** The jobs of the reminder job chain that wait in the process instance, as the engine holds them. */
  public static List<JobEntity> reminderJobs(ManagementService management, String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).list().stream()
        .map(JobEntity.class::cast)
        .filter(job -> ReminderJobScheduler.JOB_HANDLER_TYPE.equals(job.getJobHandlerType()))
        .toList();
  }

  /** What a reminder job is about: kind, working days, deadline, subject. */
  public static ReminderJobConfiguration reminderOf(JobEntity job) {
    return ReminderJobConfiguration.parse(job.getJobHandlerConfigurationRaw());
  }

  /** Runs every job due now (engine clock), one at a time: a job may cancel others. */
  public static void runDueJobs(ManagementService management) {
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
  }

  public static Object historyVariable(HistoryService history, String processInstanceId, String name) {
    var variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** Tests share the engine: an instance left waiting would fire its reminders into the next test. */
  public static void deleteRunningInstances(RuntimeService runtime) {
    runtime.createProcessInstanceQuery().list().forEach(instance -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
        runtime.deleteProcessInstance(instance.getId(), "test finished", false, true);
      }
    });
  }

  public static void clock(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, time, VietnamTime.ZONE).toInstant()));
  }

  /** The text a clerk reads in the newest PDF of that type, whitespace folded. */
  public static String pdfText(DocumentService documents, List<IssuedDocument> issued, String type)
      throws IOException {
    IssuedDocument document = issued.stream().filter(doc -> doc.type().equals(type)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + type + " among " + issued));
    byte[] pdf = documents.file(document.id(), DocumentFormat.PDF).orElseThrow().content();
    try (var loaded = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(loaded).replaceAll("\\s+", " ");
    }
  }

  /**
   * The start variables {@code notice-follow-up} passes to {@code assignment-generic} for item 3 of notice 295
   * (Sở Tài chính funds the 2019 IT plan), with a deadline ({@code yyyy-MM-dd}) or none (null).
   */
  public static Map<String, Object> budgetAssignmentVariables(String leadId, String deadline) {
    Map<String, Object> variables = assignmentVariables(leadId, "3", deadline);
    variables.put("assignmentKind", "budget");
    variables.put("assignmentTitle", "Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019");
    variables.put("leadAgency", "STC");
    variables.put("partners", List.of("STTTT"));
    variables.put("urgent", Boolean.FALSE);
    return variables;
  }

  /**
   * The start variables {@code notice-follow-up} passes to an assignment process for item {@code code} of notice 295,
   * with a deadline ({@code yyyy-MM-dd}) or none (null); the caller adds the kind, title, lead agency, partners and
   * urgency of the item. A modifiable map.
   */
  public static Map<String, Object> assignmentVariables(String leadId, String code, String deadline) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("assignmentLeadId", leadId);
    variables.put("noticeId", "notice-1");
    variables.put("noticeNumber", "295/TB-UBND");
    variables.put("noticeDate", "2018-12-26");
    variables.put("assignmentCode", code);
    variables.put("assignmentDeadline", deadline);
    variables.put("planDeadline", deadline);
    variables.put("taskSuffix", " — TB 295/TB-UBND, mục " + code);
    return variables;
  }
}
