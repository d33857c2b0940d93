package vn.gov.directives.assignment;

import vn.gov.directives.support.AssignmentStatusRecorder;
import vn.gov.directives.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.notice.AssignmentKind;
import vn.gov.directives.notice.NoticeDeadlines;
import vn.gov.directives.notice.TrackedLead;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.reminder.ReminderJobConfiguration;
import vn.gov.directives.reminder.ReminderKind;
import vn.gov.directives.support.TestMail;

/**
 * Every path of assignment-generic on the real 2018–2019 calendar, started directly with the variables the notice
 * follow-up process passes; the engine clock is moved and jobs are run by hand.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-generic;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@Import(AssignmentStatusRecorder.class)
class AssignmentGenericProcessTest {

  /** A real SMTP server: the no-deadline reminders are e-mails like every other reminder. Replaced after an outage. */
  static GreenMail MAIL = TestMail.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMail.pointMailAt(MAIL, registry); // the port, kept by a server started again after an outage
  }

  @AfterAll
  static void stopMail() {
    MAIL.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DocumentService documentService;
  @Autowired AssignmentStatusRecorder events;
  @Autowired NoticeDeadlines noticeDeadlines;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() throws Exception {
    BpmnAwareTests.init(engine);
    events.seen.clear();
    MAIL.purgeEmailFromAllMailboxes();
    clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void acceptedFirstTime_reportIssued_completedPublished() {
    ProcessInstance assignment = start("lead-3", "2019-01-05");
    Task work = onlyTask(assignment, "Task_DoAssignment");
    // assignment 3 of 295/TB-UBND: Saturday 05/01/2019 is a make-up working day, so due that day
    assertThat(work.getName()).isEqualTo("Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3");
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThat(candidateGroups(work)).containsExactly("STC-chuyen-vien");
    // the forms' document list: nothing issued yet
    assertThat(runtimeService.getVariable(assignment.getId(), "documentLinks")).isEqualTo(DocumentLinks.NONE);

    report(assignment);
    Task approval = onlyTask(assignment, "Task_ApproveReport");
    assertThat(approval.getName()).endsWith("— TB 295/TB-UBND, mục 3");
    assertThat(candidateGroups(approval)).containsExactly("STC-lanh-dao");
    completeAs("stc-ld", approval, Map.of("leaderDecision", "approve"));
    Task acceptance = onlyTask(assignment, "Task_AcceptReport");
    assertThat(candidateGroups(acceptance)).containsExactly("VPUBND-chuyen-vien");
    completeAs("vpubnd-cv", acceptance, Map.of("officeDecision", "accept"));
    // Văn phòng's click issues the numbered report in its own transaction (no job is run here): complete at once
    BpmnAwareTests.assertThat(assignment).isEnded().hasPassed("Task_IssueResultReport");
    assertThat(events.seen).extracting(AssignmentStatusChanged::assignmentLeadId, AssignmentStatusChanged::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lead-3", AssignmentStatus.IN_PROGRESS),
            org.assertj.core.groups.Tuple.tuple("lead-3", AssignmentStatus.COMPLETED));
    List<IssuedDocument> documents = documentService.listForProcessInstance(assignment.getId());
    assertThat(documents).hasSize(1);
    IssuedDocument report = documents.get(0);
    assertThat(report.number()).isEqualTo(historyVariable(assignment, "resultReportNumber")).contains("/BC-STC");
    assertThat(documentService.formats(report.id())).isNotEmpty();
    // ... and the forms' document list links its DOCX and PDF
    assertThat((String) historyVariable(assignment, "documentLinks")).contains("số " + report.number())
        .contains("/api/documents/" + report.id() + "/docx", "/api/documents/" + report.id() + "/pdf");
  }

  @Test
  void leaderReturns_specialistSeesComments_thenAccepted() {
    ProcessInstance assignment = start("lead-r", "2019-01-05");
    report(assignment);
    assertThatThrownBy(() -> completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"),
        Map.of("leaderDecision", "return"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Ý kiến chỉ đạo");
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"),
        Map.of("leaderDecision", "return", "leaderComments", "Bổ sung số liệu giải ngân."));
    Task work = onlyTask(assignment, "Task_DoAssignment");
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThat((String) runtimeService.getVariable(assignment.getId(), "returnComments"))
        .contains("Bổ sung số liệu giải ngân.");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"), Map.of("officeDecision", "accept"));
    runDueJobs();
    BpmnAwareTests.assertThat(assignment).isEnded();
  }

  @Test
  void officeAsksForMore_backToSpecialist_thenAccepted() {
    ProcessInstance assignment = start("lead-o", "2019-01-05");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"),
        Map.of("officeDecision", "return", "officeComments", "Đề nghị nêu rõ nguồn vốn."));
    onlyTask(assignment, "Task_DoAssignment");
    assertThat((String) runtimeService.getVariable(assignment.getId(), "returnComments"))
        .startsWith("Văn phòng UBND tỉnh đề nghị bổ sung").contains("Đề nghị nêu rõ nguồn vốn.");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"), Map.of("officeDecision", "accept"));
    runDueJobs();
    BpmnAwareTests.assertThat(assignment).isEnded().hasPassed("Task_IssueResultReport");
    assertThat(documentService.listForProcessInstance(assignment.getId())).hasSize(1);
  }

  @Test
  void aReportWithoutResultStaysOpen_theWorkTaskOffersNoExtensionOfItsOwn() {
    ProcessInstance assignment = start("lead-e", "2019-01-05");
    Task work = onlyTask(assignment, "Task_DoAssignment");
    // what the old form sent for an extension is no longer a way out of the work task: extension-request is the
    // one mechanism (ExtensionRequestProcessTest), so two requests can never wait at once
    assertThatThrownBy(() -> completeAs("stc-cv", work, Map.of("workOutcome", "extension",
        "extensionReasons", "Chờ số liệu của các huyện.", "proposedDeadline", "2019-01-31")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'Kết quả thực hiện nhiệm vụ' là bắt buộc")
        .hasMessageContaining("Đề nghị gia hạn nhiệm vụ");
    assertThat(onlyTask(assignment, "Task_DoAssignment").getId()).isEqualTo(work.getId());
    assertThat(events.seen).extracting(AssignmentStatusChanged::status).containsExactly(AssignmentStatus.IN_PROGRESS);
    report(assignment);
    assertThat(historyVariable(assignment, "specialistUserId")).isEqualTo("stc-cv");
    onlyTask(assignment, "Task_ApproveReport");
  }

  @Test
  void aReportWithTextTheDocumentCannotPrint_isRefusedToItsAuthor_notLaterToVanPhong() {
    ProcessInstance assignment = start("lead-p", "2019-01-05");
    Task work = onlyTask(assignment, "Task_DoAssignment");
    // the Báo cáo kết quả is issued in Văn phòng's click: a character its font lacks must stop the specialist instead
    assertThatThrownBy(() -> completeAs("stc-cv", work, Map.of("resultSummary", "Đã bố trí kinh phí ✅",
        "resultProposals", "Không")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'Kết quả thực hiện nhiệm vụ'")
        .hasMessageContaining("Ký tự không in được")
        .hasMessageContaining("U+2705");
    assertThatThrownBy(() -> completeAs("stc-cv", work, Map.of("resultSummary", "Đã bố trí kinh phí.",
        "resultProposals", "Đề nghị 😀")))
        .hasMessageContaining("'Kiến nghị, đề xuất'");
    assertThat(onlyTask(assignment, "Task_DoAssignment").getId()).isEqualTo(work.getId());
    assertThat(runtimeService.getVariable(assignment.getId(), "resultSummary")).isNull();
  }

  @Test
  void noDeadline_remindedEveryFiveWorkingDaysByOneJobThatSchedulesTheNext() throws Exception {
    // received Thu 27/12/2018 09:00; days off 29/12–01/01; Sat 05/01/2019 is a make-up working day
    ProcessInstance assignment = start("lead-n", null);
    Task work = onlyTask(assignment, "Task_DoAssignment");
    assertThat(runtimeService.getVariable(assignment.getId(), "assignmentDeadlineText")).isEqualTo("Không có thời hạn");
    // the work step's own due date (app.due-days.assignment-work) keeps its reminders beside the periodic one
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 11)));
    // no boundary timer: the work task is no scope of its own, and ONE job waits for the first periodic reminder
    assertThat(runtimeService.createExecutionQuery().processInstanceId(assignment.getId()).count()).isEqualTo(1);
    assertThat(noDeadlineJobs(assignment)).containsExactly(new PendingReminder(5, at(2019, 1, 5, 7, 30)));

    Map<LocalDate, List<MimeMessage>> all = walk(LocalDate.of(2018, 12, 28), LocalDate.of(2019, 1, 16));

    // the work step's due-date reminders (3 and 1 working days before 11/01, escalated the day after) go on
    assertThat(all).containsOnlyKeys(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 8), LocalDate.of(2019, 1, 10),
        LocalDate.of(2019, 1, 11), LocalDate.of(2019, 1, 14));
    assertThat(all.get(LocalDate.of(2019, 1, 8))).extracting(MimeMessage::getSubject).singleElement()
        .asString().startsWith("[Nhắc việc] Còn 3 ngày làm việc:");
    assertThat(all.get(LocalDate.of(2019, 1, 14))).extracting(MimeMessage::getSubject).singleElement()
        .asString().startsWith("[Quá hạn] Quá 1 ngày làm việc:");
    Map<LocalDate, List<MimeMessage>> arrivals = periodicReminders(all);
    // working days after 27/12: 28/12, 02/01, 03/01, 04/01, 05/01 (5th) ... 07, 08, 09, 10, 11/01 (10th)
    assertThat(arrivals).containsOnlyKeys(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 11));
    for (List<MimeMessage> sent : arrivals.values()) {
      assertThat(sent).as("one message per reminder").hasSize(1);
      assertThat(sent.get(0).getSubject()).isEqualTo(
          "Nhắc thực hiện nhiệm vụ chưa có thời hạn: Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3");
      // the lead's specialists and leaders, as before
      assertThat(sent.get(0).getAllRecipients()).extracting(Object::toString).containsExactlyInAnyOrder(
          "stc-cv@demo.binhdinh.gov.vn", "stc-ld@demo.binhdinh.gov.vn");
    }
    String text = plainText(arrivals.get(LocalDate.of(2019, 1, 11)).get(0));
    assertThat(text).startsWith("Kính gửi: Sở Tài chính")
        .contains("Nhiệm vụ “Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019” không có thời hạn; đơn vị"
            + " nhận nhiệm vụ từ ngày 27/12/2018 và chưa báo cáo kết quả.")
        .contains("Thư nhắc này được gửi 5 ngày làm việc một lần cho đến khi nhiệm vụ hoàn thành.")
        .contains("/camunda/app/tasklist/default/#/?task=" + work.getId());
    // the work task is still there: the reminder does not interrupt it; the 15th working day is next
    assertThat(onlyTask(assignment, "Task_DoAssignment").getId()).isEqualTo(work.getId());
    assertThat(noDeadlineJobs(assignment)).containsExactly(new PendingReminder(15, at(2019, 1, 18, 7, 30)));
    // recorded in the reminder log (sent once each) and listed by the API beside the due-date reminders
    mvc.perform(get("/api/reminders").param("processInstanceId", assignment.getId())
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "demo:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].days", contains(5, 10)))
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].status", contains("SENT", "SENT")))
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].since",
            contains("2018-12-27T09:00:00+07:00", "2018-12-27T09:00:00+07:00")))
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].scheduledFor",
            contains("2019-01-05T07:30:00+07:00", "2019-01-11T07:30:00+07:00")))
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].sentAt",
            contains("2019-01-05T07:31:00+07:00", "2019-01-11T07:31:00+07:00")))
        .andExpect(jsonPath("$[?(@.kind == 'NO_DEADLINE_REMINDER')].deadline", contains(nullValue(), nullValue())))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_REMINDER')].days", containsInAnyOrder(3, 1)));
    assertThat(runtimeService.getVariables(assignment.getId())).doesNotContainKeys(
        "noDeadlineReminderCount", "lastNoDeadlineReminderOn");

    // the report ends the chain with the task
    report(assignment);
    assertThat(noDeadlineJobs(assignment)).isEmpty();
  }

  @Test
  void noDeadline_aReminderThatFailsItsLastRetryIsAnIncident_theNextPeriodDoesNotWait_aCockpitRetrySendsItOnce()
      throws Exception {
    ProcessInstance assignment = start("lead-f", null);
    String jobId = onlyNoDeadlineJob(assignment);
    // the mail server is down from the 5th working day (Sat 05/01/2019, a make-up working day) on
    int port = MAIL.getSmtp().getPort();
    MAIL.stop();
    try {
      Instant due = at(2019, 1, 5, 7, 30);
      int failures = 0;
      while (runtimeService.createIncidentQuery().configuration(jobId).count() == 0) {
        ClockUtil.setCurrentTime(Date.from(due));
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasStackTraceContaining("Gửi thư nhắc việc");
        failures++;
        Job failed = managementService.createJobQuery().jobId(jobId).singleResult();
        due = failed.getDuedate().toInstant();
      }
      assertThat(failures).as("the first attempt and one after each retry interval").isEqualTo(6);
    } finally {
      MAIL = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      MAIL.start();
    }
    // the incident (its job at its last attempt, 07:30 + 1 + 5 + 15 min + 1 h + 4 h) waits for an administrator; the
    // 10th working day's reminder does not
    assertThat(noDeadlineJobs(assignment)).containsExactlyInAnyOrder(
        new PendingReminder(5, at(2019, 1, 5, 12, 51)), new PendingReminder(10, at(2019, 1, 11, 7, 30)));

    // the server is back (nothing reached it); Retry in Cockpit on Monday 07/01
    clock(LocalDate.of(2019, 1, 7), LocalTime.of(8, 0));
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    // one message (a copy in the specialist's and the leader's mailbox)
    assertThat(MAIL.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsOnly(
        MAIL.getReceivedMessages()[0].getMessageID()).hasSize(2);
    assertThat(subject(MAIL.getReceivedMessages()[0])).startsWith("Nhắc thực hiện nhiệm vụ chưa có thời hạn");
    assertThat(runtimeService.createIncidentQuery().configuration(jobId).count()).isZero();
    assertThat(noDeadlineJobs(assignment)).as("its successor once, not again by the retry")
        .containsExactly(new PendingReminder(10, at(2019, 1, 11, 7, 30)));
    Map<LocalDate, List<MimeMessage>> periodic = periodicReminders(walk(LocalDate.of(2019, 1, 8),
        LocalDate.of(2019, 1, 11)));
    assertThat(periodic).containsOnlyKeys(LocalDate.of(2019, 1, 11));
    assertThat(periodic.get(LocalDate.of(2019, 1, 11))).hasSize(1);
  }

  @Test
  void aReportReturnedToTheSpecialist_countsTheWorkingDaysAgainFromTheNewWorkTask() {
    ProcessInstance assignment = start("lead-b", null);
    clock(LocalDate.of(2019, 1, 2), LocalTime.of(10, 0));
    report(assignment);
    assertThat(noDeadlineJobs(assignment)).isEmpty();
    clock(LocalDate.of(2019, 1, 3), LocalTime.of(14, 0));
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"),
        Map.of("leaderDecision", "return", "leaderComments", "Bổ sung số liệu."));

    // back on Thu 03/01: the 5th working day after it is Wed 09/01 (Sat 05/01 a make-up working day)
    assertThat(noDeadlineJobs(assignment)).containsExactly(new PendingReminder(5, at(2019, 1, 9, 7, 30)));
  }

  @Test
  void aPeriodicReminderWhoseAssignmentGotADeadlineMeanwhile_sendsNothingAndEndsItsChain() throws Exception {
    ProcessInstance assignment = start("lead-s", null);
    // the deadline variable set without the task being touched (no task event): the job is still there
    runtimeService.setVariable(assignment.getId(), "assignmentDeadline", "2019-01-31");
    assertThat(noDeadlineJobs(assignment)).hasSize(1);

    Map<LocalDate, List<MimeMessage>> arrivals = walk(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 5));

    assertThat(arrivals).isEmpty();
    assertThat(noDeadlineJobs(assignment)).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(assignment.getId()).withException().count())
        .isZero();
  }

  @Test
  void urgentWorkWithoutDeadline_isRemindedAsUrgent() throws Exception {
    Map<String, Object> variables = ProcessTestSupport.budgetAssignmentVariables("lead-u", null);
    variables.put("urgent", Boolean.TRUE);
    runtimeService.startProcessInstanceByKey("assignment-generic", variables);

    Map<LocalDate, List<MimeMessage>> arrivals = walk(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 5));

    MimeMessage reminder = arrivals.get(LocalDate.of(2019, 1, 5)).get(0);
    assertThat(reminder.getSubject()).startsWith("[KHẨN] Nhắc thực hiện nhiệm vụ chưa có thời hạn: ");
    assertThat(plainText(reminder)).contains("không có thời hạn nhưng được giao thực hiện khẩn");
  }

  @Test
  void datedAssignment_hasNoPeriodicReminder_onlyItsDueDateReminderJob() {
    ProcessInstance assignment = start("lead-d", "2019-01-31");
    Task work = onlyTask(assignment, "Task_DoAssignment");

    // before: 2 jobs (the due-date reminder and the daily no-date timer) and 2 executions at the work task
    assertThat(reminderJobs(assignment)).extracting(job -> job.kind() + "/" + job.days())
        .containsExactly("TASK_REMINDER/3");
    assertThat(managementService.createJobQuery().processInstanceId(assignment.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.createExecutionQuery().processInstanceId(assignment.getId()).count()).isEqualTo(1);
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 31)));
  }

  @Test
  void aDeadlineGivenLater_replacesThePeriodicReminderWithTheDeadlineReminders() throws Exception {
    ProcessInstance assignment = start("lead-g", null);
    Map<LocalDate, List<MimeMessage>> firstWeek = walk(LocalDate.of(2018, 12, 28), LocalDate.of(2019, 1, 7));
    assertThat(firstWeek).containsOnlyKeys(LocalDate.of(2019, 1, 5));

    // Văn phòng UBND gives the assignment a deadline: what PUT /api/notices/{id}/assignments/{n}/deadline does
    clock(LocalDate.of(2019, 1, 7), LocalTime.of(10, 0));
    noticeDeadlines.moveProcess(lead("lead-g", assignment.getId()), LocalDate.of(2019, 1, 25));

    Task work = onlyTask(assignment, "Task_DoAssignment");
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 25)));
    assertThat(noDeadlineJobs(assignment)).isEmpty();
    assertThat(reminderJobs(assignment)).extracting(job -> job.kind() + "/" + job.days() + "/" + job.deadline())
        .containsExactly("TASK_REMINDER/3/" + VietnamTime.endOfDay(LocalDate.of(2019, 1, 25)).toInstant());

    Map<LocalDate, List<MimeMessage>> after = walk(LocalDate.of(2019, 1, 8), LocalDate.of(2019, 1, 24));
    // no periodic reminder on 11/01 or 18/01; the deadline's own reminders 3 and 1 working days before 25/01
    assertThat(after).containsOnlyKeys(LocalDate.of(2019, 1, 22), LocalDate.of(2019, 1, 24));
    assertThat(after.get(LocalDate.of(2019, 1, 22)).get(0).getSubject()).isEqualTo("[Nhắc việc] Còn 3 ngày làm việc:"
        + " Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3 — hạn 25/01/2019");
  }


  @Test
  void missingVariablesRefuseTheStart() {
    Map<String, Object> variables = ProcessTestSupport.budgetAssignmentVariables("lead-bad", "2019-01-05");
    variables.put("leadAgency", "KHONGCO");
    variables.remove("assignmentTitle");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("assignment-generic", variables))
        .hasMessageContaining("Thiếu biến assignmentTitle").hasMessageContaining("'KHONGCO'");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("assignment-generic").count()).isZero();
    assertThat(events.seen).isEmpty();
  }

  private record PendingReminder(int days, Instant at) {}

  private List<ReminderJobConfiguration> reminderJobs(ProcessInstance instance) {
    return ProcessTestSupport.reminderJobs(managementService, instance.getId()).stream()
        .map(ProcessTestSupport::reminderOf).toList();
  }

  private String onlyNoDeadlineJob(ProcessInstance instance) {
    List<JobEntity> jobs = noDeadlineJobEntities(instance);
    assertThat(jobs).hasSize(1);
    return jobs.get(0).getId();
  }

  /** The pending periodic reminder jobs: how many working days after the task's creation, and when. */
  private List<PendingReminder> noDeadlineJobs(ProcessInstance instance) {
    return noDeadlineJobEntities(instance).stream()
        .map(job -> new PendingReminder(ProcessTestSupport.reminderOf(job).days(), job.getDuedate().toInstant()))
        .toList();
  }

  private List<JobEntity> noDeadlineJobEntities(ProcessInstance instance) {
    return ProcessTestSupport.reminderJobs(managementService, instance.getId()).stream()
        .filter(job -> ProcessTestSupport.reminderOf(job).kind() == ReminderKind.NO_DEADLINE_REMINDER)
        .toList();
  }

  /**
   * Each day from {@code first} to {@code last}, the engine clock at 07:31 Vietnam time and the due jobs run; the
   * messages that arrived that day (one per Message-ID, whatever the number of mailboxes), by day.
   */
  private Map<LocalDate, List<MimeMessage>> walk(LocalDate first, LocalDate last) throws Exception {
    Map<LocalDate, List<MimeMessage>> arrivals = new java.util.TreeMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      seen.add(message.getMessageID());
    }
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      clock(day, LocalTime.of(7, 31));
      runDueJobs();
      for (MimeMessage message : MAIL.getReceivedMessages()) {
        if (seen.add(message.getMessageID())) {
          arrivals.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(message);
        }
      }
    }
    return arrivals;
  }

  /** Of the messages by day, the periodic reminders of work without deadline. */
  private static Map<LocalDate, List<MimeMessage>> periodicReminders(Map<LocalDate, List<MimeMessage>> arrivals) {
    Map<LocalDate, List<MimeMessage>> periodic = new java.util.TreeMap<>();
    arrivals.forEach((day, sent) -> sent.stream().filter(message -> subject(message).startsWith("Nhắc thực hiện"))
        .forEach(message -> periodic.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(message)));
    return periodic;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainText(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return java.time.ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
  }

  /** The tracking row of a lead without a deadline, as NoticeDeadlines moves its process. */
  private static TrackedLead lead(String leadId, String processInstanceId) {
    return new TrackedLead(leadId, "notice-1", "295/TB-UBND", LocalDate.of(2018, 12, 26), "3", AssignmentKind.BUDGET,
        "Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019", false, null, List.of("STTTT"), "STC",
        processInstanceId, null, null, TrackedLead.IN_PROGRESS, null, false);
  }

  private ProcessInstance start(String leadId, String deadline) {
    return runtimeService.startProcessInstanceByKey("assignment-generic", ProcessTestSupport.budgetAssignmentVariables(leadId, deadline));
  }

  private void report(ProcessInstance assignment) {
    completeAs("stc-cv", onlyTask(assignment, "Task_DoAssignment"), Map.of(
        "resultSummary", "Đã bố trí 1.250.000.000 đồng trong dự toán năm 2019.\nĐã thông báo cho Sở TT&TT."));
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identityService, taskService, userId, task, variables);
  }

  private Task onlyTask(ProcessInstance instance, String key) {
    return ProcessTestSupport.onlyTask(taskService, instance.getId(), key);
  }

  private List<String> candidateGroups(Task task) {
    return ProcessTestSupport.candidateGroups(taskService, task);
  }

  private void runDueJobs() {
    ProcessTestSupport.runDueJobs(managementService);
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return ProcessTestSupport.historyVariable(historyService, instance.getId(), name);
  }

  private static void clock(LocalDate day, LocalTime time) {
    ProcessTestSupport.clock(day, time);
  }
}
