package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.AgencyKind;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.organization.UnknownAgencyException;
import vn.gov.directives.security.ProcessAccess;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * The engine with the reminder plugin, a real SMTP server (GreenMail) and the engine clock moved through January and
 * February 2019 (New Year break behind, Tết 02–10/02 ahead).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:reminder-engine;MODE=LEGACY;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.authorization.enabled=false",
    // application.yaml leaves these empty, which the starter rejects (empty user id, empty filter name)
    "camunda.bpm.admin-user.id=rem-admin",
    "camunda.bpm.filter.create=Tất cả công việc",
    "app.public-base-url=http://theodoi.test",
    "app.reminders.mail-from=theodoi-chidao@binhdinh.gov.vn"})
@AutoConfigureMockMvc
@Import(ReminderEngineTest.TestBeans.class)
class ReminderEngineTest {

  private static final int SMTP_PORT = freePort();
  /** Replaced by a fresh server when a test stops and restarts it (mail server outage). */
  private static GreenMail GREEN_MAIL = newMailServer();
  private static final Instant DUE = vn(2019, 2, 1, 23, 59, 59);
  private static final String DRAFT = "Tổng hợp thực trạng và dự thảo Kế hoạch";

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @MockitoBean
  ProcessAccess processAccess;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ReminderLog reminderLog;
  @Autowired ReminderJobScheduler reminderJobScheduler;
  @Autowired WorkingCalendar workingCalendar;
  @Autowired MockMvc mockMvc;
  /** 5 minutes on H2, 2 minutes in the postgres profile. */
  @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long jobLockTimeMillis;

  @BeforeAll
  static void startMailServer() {
    GREEN_MAIL.start();
  }

  @AfterAll
  static void stopMailServer() {
    GREEN_MAIL.stop();
  }

  @BeforeEach
  void setUp() throws Exception {
    if (!GREEN_MAIL.isRunning()) {
      startMailServerAgain();
    }
    GREEN_MAIL.purgeEmailFromAllMailboxes();
    FailOnceAfterSending.ARMED.set(false);
    repositoryService.createDeployment().name("reminder-test").enableDuplicateFiltering(false)
        .addClasspathResource("reminder/reminder-test.bpmn").deploy();
    group("STTTT-chuyen-vien", "Chuyên viên Sở TT&TT");
    group("STTTT-lanh-dao", "Lãnh đạo Sở TT&TT");
    group("VPUBND-chuyen-vien", "Chuyên viên Văn phòng UBND tỉnh");
    group("VPUBND-lanh-dao", "Lãnh đạo Văn phòng UBND tỉnh");
    user("rem-cv1", "Nguyễn Văn", "An", "an@stttt.test", "STTTT-chuyen-vien");
    user("rem-cv2", "Trần Thị", "Bình", "binh@stttt.test", "STTTT-chuyen-vien");
    user("rem-ld1", "Phạm Văn", "Giám", "giamdoc@stttt.test", "STTTT-lanh-dao");
    user("rem-vp1", "Lê Thị", "Vân", "vp@vpubnd.test", "VPUBND-chuyen-vien");
    user("rem-vpld1", "Hồ Văn", "Chánh", "chanhvp@vpubnd.test", "VPUBND-lanh-dao");
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 24, 10, 0, 0)));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void remindersAndEscalationArriveOnceAtTheStartOfWorkingDaysAcrossTet() throws Exception {
    String pi = startPlan("KH-CNTT-2019");
    Task draft = openTask(pi);
    // P5D from Thursday 24/01 gave some due date; the specialist's deadline is moved to Friday 01/02 (update event)
    setDue(draft, DUE);

    // one job per deadline, its first reminder's; each reminder schedules the next (walked below)
    assertThat(reminderJobs(pi)).extracting(job -> job.getDuedate().toInstant()).containsExactlyInAnyOrder(
        vn(2019, 1, 29, 7, 30, 0), vn(2019, 1, 29, 7, 30, 0));
    assertThat(reminderJobScheduler.schedule().forTask(DUE, VietnamTime.now())).extracting(PlannedReminder::at)
        .containsExactly(vn(2019, 1, 29, 7, 30, 0), vn(2019, 1, 31, 7, 30, 0), vn(2019, 2, 11, 7, 30, 0));
    assertThat(reminderJobs(pi)).allSatisfy(job -> {
      assertThat(job.getDeploymentId()).isNotNull();
      assertThat(job.getProcessDefinitionKey()).isEqualTo("reminder-test");
      assertThat(job.getRetries()).isEqualTo(3);
    });

    List<Arrival> arrivals = walk(pi, vn(2019, 1, 24, 10, 0, 0), vn(2019, 2, 13, 12, 0, 0));

    String an = "an@stttt.test";
    String binh = "binh@stttt.test";
    assertThat(arrivals).containsExactlyInAnyOrder(
        new Arrival(vn(2019, 1, 29, 7, 30, 0),
            "[Nhắc việc] Còn 3 ngày làm việc: " + DRAFT + " — hạn 01/02/2019", List.of(an, binh), 2),
        new Arrival(vn(2019, 1, 29, 7, 30, 0),
            "[Nhắc hạn] Còn 3 ngày làm việc đến hạn kế hoạch: Kế hoạch ứng dụng CNTT năm 2019 — hạn 01/02/2019",
            List.of(an, binh), 2),
        new Arrival(vn(2019, 1, 31, 7, 30, 0),
            "[Nhắc việc] Còn 1 ngày làm việc: " + DRAFT + " — hạn 01/02/2019", List.of(an, binh), 2),
        new Arrival(vn(2019, 1, 31, 7, 30, 0),
            "[Nhắc hạn] Còn 1 ngày làm việc đến hạn kế hoạch: Kế hoạch ứng dụng CNTT năm 2019 — hạn 01/02/2019",
            List.of(an, binh), 2),
        new Arrival(vn(2019, 2, 11, 7, 30, 0),
            "[Quá hạn] Quá 1 ngày làm việc: " + DRAFT + " — hạn 01/02/2019",
            List.of("chanhvp@vpubnd.test", "giamdoc@stttt.test", "vp@vpubnd.test"), 3));
    assertThat(arrivals).allSatisfy(arrival -> assertStartOfWorkingDay(arrival.at()));
    assertThat(reminderJobs(pi)).isEmpty();

    MimeMessage reminder = Arrays.stream(GREEN_MAIL.getReceivedMessages())
        .filter(m -> subject(m).startsWith("[Nhắc việc] Còn 3")).findFirst().orElseThrow();
    assertThat(plainText(reminder))
        .contains("Kính gửi: Sở TT&TT - Chuyên viên")
        .contains("Hạn xử lý: hết ngày 01/02/2019")
        .contains("Hồ sơ: Quy trình thử nhắc việc (KH-CNTT-2019)")
        .contains("http://theodoi.test/camunda/app/tasklist/default/#/?task=" + draft.getId());
    assertThat(reminder.getFrom()[0].toString()).isEqualTo("theodoi-chidao@binhdinh.gov.vn");
    MimeMessage escalation = Arrays.stream(GREEN_MAIL.getReceivedMessages())
        .filter(m -> subject(m).startsWith("[Quá hạn]")).findFirst().orElseThrow();
    assertThat(plainText(escalation))
        .contains("Kính gửi: Lãnh đạo Sở Thông tin và Truyền thông; Văn phòng Ủy ban nhân dân tỉnh")
        .contains("Được giao cho: Sở TT&TT - Chuyên viên");

    // what was recorded, as the API returns it
    when(processAccess.canView(eq("rem-cv1"), anyList(), eq(pi))).thenReturn(true);
    mockMvc.perform(asUser("rem-cv1", get("/api/reminders").param("processInstanceId", pi)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(5)))
        .andExpect(jsonPath("$[*].status", everyItem(is("SENT"))))
        .andExpect(jsonPath("$[*].channel", everyItem(is("MAIL"))))
        .andExpect(jsonPath("$[*].deadline", everyItem(is("2019-02-01T23:59:59+07:00"))))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_ESCALATION')].sentAt", contains("2019-02-11T07:30:00+07:00")))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_ESCALATION')].recipients[*].userId",
            containsInAnyOrder("rem-ld1", "rem-vp1", "rem-vpld1")))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_REMINDER' && @.days == 3)].taskName", contains(DRAFT)))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_REMINDER' && @.days == 3)].taskId", contains(draft.getId())))
        .andExpect(jsonPath("$[?(@.kind == 'TASK_REMINDER' && @.days == 3)].recipients[*].email",
            containsInAnyOrder("an@stttt.test", "binh@stttt.test")))
        .andExpect(jsonPath("$[?(@.kind == 'DEADLINE_REMINDER')].sentAt",
            containsInAnyOrder("2019-01-29T07:30:00+07:00", "2019-01-31T07:30:00+07:00")));
  }

  @Test
  void completingATaskCancelsItsPendingReminders() throws Exception {
    String pi = startPlan("KH-HOAN-THANH");
    Task draft = openTask(pi);
    setDue(draft, DUE);
    assertThat(pending(pi, draft.getId())).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0)));

    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 28, 9, 0, 0)));
    taskService.complete(draft.getId());

    assertThat(taskJobs(pi, draft.getId())).isEmpty();
    Task approve = openTask(pi);
    assertThat(approve.getName()).isEqualTo("Phê duyệt dự thảo Kế hoạch");
    assertThat(taskJobs(pi, approve.getId())).isNotEmpty();

    List<Arrival> arrivals = walk(pi, vn(2019, 1, 28, 9, 0, 0), vn(2019, 2, 20, 12, 0, 0));

    assertThat(arrivals).extracting(Arrival::subject).noneMatch(subject -> subject.contains(DRAFT));
    assertThat(arrivals).extracting(Arrival::subject)
        .anyMatch(subject -> subject.startsWith("[Nhắc việc]") && subject.contains("Phê duyệt dự thảo Kế hoạch"))
        .anyMatch(subject -> subject.startsWith("[Quá hạn]") && subject.contains("Phê duyệt dự thảo Kế hoạch"));
    assertThat(arrivals).allSatisfy(arrival -> assertStartOfWorkingDay(arrival.at()));
  }

  @Test
  void aRetriedJobNeverSendsTheSameReminderTwice() throws Exception {
    String pi = startPlan("KH-THU-LAI");
    Task draft = openTask(pi);
    setDue(draft, DUE);

    // the mail goes out, then a later step of the job fails; the job is retried
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 29, 7, 30, 0)));
    JobEntity threeDays = taskJob(pi, draft.getId(), ReminderKind.TASK_REMINDER, 3);
    FailOnceAfterSending.ARMED.set(true);
    assertThatThrownBy(() -> managementService.executeJob(threeDays.getId()))
        .hasStackTraceContaining("simulated failure after sending");
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
    Job failed = managementService.createJobQuery().jobId(threeDays.getId()).singleResult();
    // app.reminders.retry-intervals: 5 intervals, 6 attempts, one used
    assertThat(failed.getRetries()).isEqualTo(5);

    managementService.executeJob(threeDays.getId());

    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
    assertThat(managementService.createJobQuery().jobId(threeDays.getId()).singleResult()).isNull();
    ReminderRecord sent = reminderLog.find(draft.getId(), ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow();
    assertThat(sent.status()).isEqualTo(ReminderStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);

    // the process died at the mail server's commit point (row left SUBMITTED): not sent again, UNCERTAIN
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 31, 7, 30, 0)));
    JobEntity oneDay = taskJob(pi, draft.getId(), ReminderKind.TASK_REMINDER, 1);
    reminderLog.take(new ReminderNotice(ReminderKind.TASK_REMINDER, 1, DUE, null,
        draft.getId(), draft.getId(), DRAFT, pi, pi, "reminder-test", null, null, null, "Chuyên viên Sở TT&TT", null,
        List.of()), ReminderChannel.MAIL, new ReminderLog.Prior.Fresh(), ReminderStatus.SUBMITTED, null,
        VietnamTime.now()).orElseThrow();
    // known dead once the claim is a job lock time (at most 5 minutes) old
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 31, 7, 35, 0)));

    managementService.executeJob(oneDay.getId());

    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
    assertThat(reminderLog.find(draft.getId(), ReminderKind.TASK_REMINDER, 1, DUE).orElseThrow().status())
        .isEqualTo(ReminderStatus.UNCERTAIN);
  }

  @Test
  void eachDeadlineHasOnlyItsNextReminderJobAndEachReminderSchedulesTheFollowingOne() throws Exception {
    String pi = startPlan("KH-CHUOI");
    Task draft = openTask(pi);
    setDue(draft, DUE);
    assertThat(pending(pi, draft.getId())).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0)));
    assertThat(pending(pi, pi)).containsExactly(
        new Pending(ReminderKind.DEADLINE_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0)));

    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 29, 7, 30, 0)));
    managementService.executeJob(taskJob(pi, draft.getId(), ReminderKind.TASK_REMINDER, 3).getId());

    assertThat(messageIds()).containsExactly(messageId("task_reminder", draft.getId(), 3));
    assertThat(pending(pi, draft.getId())).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));
    // the plan deadline's chain is its own
    assertThat(pending(pi, pi)).containsExactly(
        new Pending(ReminderKind.DEADLINE_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0)));
    managementService.executeJob(reminderJobs(pi).stream()
        .filter(job -> config(job).kind() == ReminderKind.DEADLINE_REMINDER).findFirst().orElseThrow().getId());
    assertThat(pending(pi, pi)).containsExactly(
        new Pending(ReminderKind.DEADLINE_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));

    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 31, 7, 30, 0)));
    for (JobEntity job : reminderJobs(pi)) {
      managementService.executeJob(job.getId());
    }
    assertThat(pending(pi, draft.getId())).containsExactly(
        new Pending(ReminderKind.TASK_ESCALATION, 1, vn(2019, 2, 11, 7, 30, 0)));
    assertThat(pending(pi, pi)).as("after the plan deadline's last reminder").isEmpty();

    ClockUtil.setCurrentTime(Date.from(vn(2019, 2, 11, 7, 30, 0)));
    managementService.executeJob(taskJob(pi, draft.getId(), ReminderKind.TASK_ESCALATION, 1).getId());
    assertThat(reminderJobs(pi)).isEmpty();
    assertThat(messageIds()).contains(messageId("task_reminder", draft.getId(), 1),
        messageId("task_escalation", draft.getId(), 1)).hasSize(5);
  }

  @Test
  void aDueDateMovedAfterTheFirstReminderReplacesItsSuccessorAndCompletionEndsTheChain() throws Exception {
    String pi = startPlan("KH-DOI-HAN");
    setDue(openTask(pi), DUE);
    String draftId = openTask(pi).getId();
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 29, 7, 30, 0)));
    managementService.executeJob(taskJob(pi, draftId, ReminderKind.TASK_REMINDER, 3).getId());
    String successor = taskJob(pi, draftId, ReminderKind.TASK_REMINDER, 1).getId();

    // the leader grants two more weeks: due Friday 15/02/2019 (after Tết)
    Instant moved = vn(2019, 2, 15, 23, 59, 59);
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 30, 9, 0, 0)));
    setDue(openTask(pi), moved);

    assertThat(job(successor)).as("the successor for the old due date").isNull();
    assertThat(pending(pi, draftId)).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 3, vn(2019, 2, 12, 7, 30, 0)));
    assertThat(config(taskJob(pi, draftId, ReminderKind.TASK_REMINDER, 3)).deadline()).isEqualTo(moved);

    List<Arrival> arrivals = walk(pi, vn(2019, 1, 30, 9, 0, 0), vn(2019, 2, 12, 12, 0, 0));
    assertThat(arrivals).filteredOn(arrival -> arrival.subject().contains(DRAFT)).containsExactly(
        new Arrival(vn(2019, 2, 12, 7, 30, 0),
            "[Nhắc việc] Còn 3 ngày làm việc: " + DRAFT + " — hạn 15/02/2019",
            List.of("an@stttt.test", "binh@stttt.test"), 2));
    assertThat(pending(pi, draftId)).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 2, 14, 7, 30, 0)));

    // done before the 1-day reminder: the rest of the chain goes with the task
    taskService.complete(draftId);
    assertThat(pending(pi, draftId)).isEmpty();
    assertThat(walk(pi, vn(2019, 2, 12, 12, 0, 0), vn(2019, 2, 20, 12, 0, 0)))
        .extracting(Arrival::subject).noneMatch(subject -> subject.contains(DRAFT));
  }

  @Test
  void theReminderApiAnswersOnlyAuthenticatedUsersWhoMayViewTheProcess() throws Exception {
    String pi = startPlan("KH-QUYEN");

    mockMvc.perform(get("/api/reminders").param("processInstanceId", pi))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error", containsString("đăng nhập")));

    when(processAccess.canView(any(), anyList(), any())).thenReturn(false);
    mockMvc.perform(asUser("rem-cv2", get("/api/reminders").param("processInstanceId", pi)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error", containsString("không có quyền")));

    when(processAccess.canView(eq("rem-cv2"), anyList(), any())).thenReturn(true);
    mockMvc.perform(asUser("rem-cv2", get("/api/reminders").param("processInstanceId", "no-such-instance")))
        .andExpect(status().isNotFound());
    mockMvc.perform(asUser("rem-cv2", get("/api/reminders")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error", containsString("processInstanceId")));
    mockMvc.perform(asUser("rem-cv2", get("/api/reminders").param("processInstanceId", pi)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(0)));
  }

  /** application.yaml's app.reminders.retry-intervals, and its failedJobRetryTimeCycle for async jobs. */
  private static final List<Duration> INTERVALS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));

  @Test
  void withTheMailServerDownAReminderIsRetriedAtEachIntervalThenAnIncidentThenACockpitRetryDeliversItOnce()
      throws Exception {
    ReminderJob reminder = threeDayReminderWithTheMailServerDown("KH-MAY-CHU-THU-HONG");
    String jobId = reminder.jobId();

    Instant now = vn(2019, 1, 29, 7, 30, 0);
    ClockUtil.setCurrentTime(Date.from(now));
    assertThatThrownBy(() -> managementService.executeJob(jobId)).hasStackTraceContaining("Gửi thư nhắc việc thất bại");
    for (int i = 0; i < INTERVALS.size(); i++) {
      Job job = job(jobId);
      assertThat(job.getRetries()).as("retries after failure %d", i + 1).isEqualTo(INTERVALS.size() - i);
      assertThat(job.getDuedate().toInstant()).as("next attempt after failure %d", i + 1)
          .isEqualTo(now.plus(INTERVALS.get(i)));
      assertThat(job.getExceptionMessage()).contains("Gửi thư nhắc việc thất bại");
      assertThat(incidents(jobId)).as("incidents while retries remain").isZero();
      // not a second earlier
      ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().minusSeconds(1)));
      assertThat(managementService.createJobQuery().jobId(jobId).executable().count()).isZero();
      now = job.getDuedate().toInstant();
      ClockUtil.setCurrentTime(Date.from(now));
      assertThat(managementService.createJobQuery().jobId(jobId).executable().count()).isOne();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    }
    assertThat(job(jobId).getRetries()).isZero();
    assertThat(incidents(jobId)).as("incident once the last retry failed").isOne();
    // the 1-day reminder and the escalation do not wait for the administrator: the incident scheduled the next one
    assertThat(pending(reminder.pi(), reminder.taskId())).hasSize(2).filteredOn(p -> p.days() == 1)
        .containsExactly(new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));
    assertThat(reminderLog.find(reminder.taskId(), ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow())
        .satisfies(record -> {
          assertThat(record.status()).isEqualTo(ReminderStatus.FAILED);
          assertThat(record.attempts()).isEqualTo(6);
        });

    // the server is back; the administrator presses Retry in Cockpit
    startMailServerAgain();
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(2))));
    managementService.setJobRetries(jobId, 1);
    assertThat(incidents(jobId)).isZero();
    assertThat(managementService.createJobQuery().jobId(jobId).executable().count()).isOne();
    managementService.executeJob(jobId);

    assertThat(job(jobId)).isNull();
    assertThat(messageIds()).containsExactly(
        "<reminder.task_reminder." + reminder.taskId() + ".3." + DUE.getEpochSecond() + "@theodoi.test>");
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2); // one copy in each of the two mailboxes
    ReminderRecord sent = reminderLog.find(reminder.taskId(), ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow();
    assertThat(sent.status()).isEqualTo(ReminderStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(7);
    assertThat(pending(reminder.pi(), reminder.taskId())).as("the successor once, not again by the retry")
        .containsExactly(new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));
  }

  @Test
  void aCockpitRetryThatFailsAgainEndsInAnIncidentAgain() throws Exception {
    ReminderJob reminder = threeDayReminderWithTheMailServerDown("KH-THU-LAI-COCKPIT");
    String jobId = reminder.jobId();
    ClockUtil.setCurrentTime(Date.from(vn(2019, 1, 29, 7, 30, 0)));
    managementService.setJobRetries(jobId, 1); // as if the retries had been used up and Cockpit gave one back
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull(); // first failure: 6 attempts
    assertThat(job(jobId).getRetries()).isEqualTo(5);
    managementService.setJobRetries(jobId, 1);

    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();

    assertThat(job(jobId).getRetries()).isZero();
    assertThat(incidents(jobId)).isOne();
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    assertThat(pending(reminder.pi(), reminder.taskId())).filteredOn(p -> p.days() == 1)
        .containsExactly(new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));
  }

  @Test
  void aShortOutageIsBridgedByTheRetriesWithoutAnIncident() throws Exception {
    ReminderJob reminder = threeDayReminderWithTheMailServerDown("KH-MAT-KET-NOI");
    String jobId = reminder.jobId();
    Instant now = vn(2019, 1, 29, 7, 30, 0);
    ClockUtil.setCurrentTime(Date.from(now));
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    ClockUtil.setCurrentTime(Date.from(now.plus(INTERVALS.get(0))));
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    startMailServerAgain();

    Instant third = job(jobId).getDuedate().toInstant();
    assertThat(third).isEqualTo(now.plus(INTERVALS.get(0)).plus(INTERVALS.get(1)));
    ClockUtil.setCurrentTime(Date.from(third));
    managementService.executeJob(jobId);

    assertThat(job(jobId)).isNull();
    assertThat(incidents(jobId)).isZero();
    assertThat(messageIds()).hasSize(1);
    ReminderRecord sent = reminderLog.find(reminder.taskId(), ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow();
    assertThat(sent.status()).isEqualTo(ReminderStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.sentAt()).isEqualTo(third);
    // the failed attempts rolled back with their transactions; the one that sent scheduled the next, once
    assertThat(pending(reminder.pi(), reminder.taskId())).containsExactly(
        new Pending(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0)));
  }

  @Test
  void aReminderStillSubmittedByAnotherAttemptWaitsWithoutUsingARetryAndIsNotSentTwice() throws Exception {
    String pi = startPlan("KH-DANG-GUI");
    Task draft = openTask(pi);
    setDue(draft, DUE);
    String jobId = taskJob(pi, draft.getId(), ReminderKind.TASK_REMINDER, 3).getId();
    Instant claimedAt = vn(2019, 1, 29, 7, 30, 0);
    // e.g. a slow node whose job lock ran out: it handed the message over and waits for the server's answer
    long record = reminderLog.take(new ReminderNotice(ReminderKind.TASK_REMINDER, 3, DUE, null, draft.getId(),
        draft.getId(), DRAFT, pi, pi, "reminder-test", null, null, null, "Chuyên viên Sở TT&TT", null, List.of()),
        ReminderChannel.MAIL, new ReminderLog.Prior.Fresh(), ReminderStatus.SUBMITTED, null, claimedAt)
        .orElseThrow();
    ClockUtil.setCurrentTime(Date.from(claimedAt.plusSeconds(40)));

    assertThatThrownBy(() -> managementService.executeJob(jobId)).hasStackTraceContaining("không gửi trùng");

    Job waiting = job(jobId);
    assertThat(waiting.getRetries()).isEqualTo(6); // initialised to the attempts, none used
    assertThat(waiting.getDuedate().toInstant()).isEqualTo(claimedAt.plusMillis(jobLockTimeMillis));
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

    // the other attempt gets its 250; the waiting job then completes without sending
    reminderLog.markDone(record, ReminderStatus.SENT, "<other-attempt@theodoi.test>", claimedAt.plusSeconds(41));
    ClockUtil.setCurrentTime(waiting.getDuedate());
    managementService.executeJob(jobId);

    assertThat(job(jobId)).isNull();
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    assertThat(reminderLog.find(draft.getId(), ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow().status())
        .isEqualTo(ReminderStatus.SENT);
  }

  @Test
  void anAsyncJobFollowsTheGlobalRetryCycleOfGrowingIntervals() {
    repositoryService.createDeployment().name("async-retry-test").enableDuplicateFiltering(false)
        .addClasspathResource("reminder/async-retry-test.bpmn").deploy();
    Instant now = vn(2019, 1, 29, 9, 0, 0);
    ClockUtil.setCurrentTime(Date.from(now));
    String pi = runtimeService.startProcessInstanceByKey("async-retry-test").getId();
    String jobId = managementService.createJobQuery().processInstanceId(pi).singleResult().getId();

    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasStackTraceContaining("cổng thông tin");
      Job job = job(jobId);
      if (job.getRetries() == 0) {
        assertThat(attempt).isEqualTo(6);
        break;
      }
      assertThat(incidents(jobId)).isZero();
      waits.add(Duration.between(now, job.getDuedate().toInstant()));
      now = job.getDuedate().toInstant();
      ClockUtil.setCurrentTime(Date.from(now));
    }
    assertThat(waits).isEqualTo(INTERVALS);
    assertThat(incidents(jobId)).isOne();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Job job(String jobId) {
    return managementService.createJobQuery().jobId(jobId).singleResult();
  }

  private long incidents(String jobId) {
    return runtimeService.createIncidentQuery().configuration(jobId).count();
  }

  private static List<String> messageIds() throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    return List.copyOf(ids);
  }

  @Test
  void aUserTaskDeclaringTheNoDeadlineReminderWithoutItsVariableIsRefusedAtDeployment() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_bad" targetNamespace="http://test">
          <bpmn:process id="no-deadline-declaration-test" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Work" />
            <bpmn:userTask id="Task_Work">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="noDeadlineReminderWhileEmpty" value=" " /></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertThatThrownBy(() -> repositoryService.createDeployment().name("bad declaration")
        .addString("no-deadline-declaration-test.bpmn", bpmn).deploy())
        .hasMessageContaining("Công việc Task_Work: thuộc tính noDeadlineReminderWhileEmpty phải là tên biến");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("no-deadline-declaration-test")
        .count()).isZero();
  }

  private static GreenMail newMailServer() {
    return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private record ReminderJob(String pi, String jobId, String taskId) {}

  /** A plan whose draft is due on DUE and its 3-day reminder job; then the mail server goes down. */
  private ReminderJob threeDayReminderWithTheMailServerDown(String planKey) {
    String pi = startPlan(planKey);
    Task draft = openTask(pi);
    setDue(draft, DUE);
    String jobId = taskJob(pi, draft.getId(), ReminderKind.TASK_REMINDER, 3).getId();
    GREEN_MAIL.stop();
    return new ReminderJob(pi, jobId, draft.getId());
  }

  private static void startMailServerAgain() {
    if (GREEN_MAIL.isRunning()) {
      GREEN_MAIL.stop();
    }
    GREEN_MAIL = newMailServer();
    GREEN_MAIL.start();
  }

  private record Arrival(Instant at, String subject, List<String> to, int copies) {}

  /** Moves the engine clock in half hours, running the instance's due jobs; returns the e-mails as they arrive. */
  private List<Arrival> walk(String pi, Instant from, Instant to) throws Exception {
    List<Arrival> arrivals = new ArrayList<>();
    // GreenMail lists messages mailbox by mailbox, not in arrival order: compare copies per subject instead
    Map<String, Integer> seen = copiesBySubject();
    for (Instant now = from; !now.isAfter(to); now = now.plus(Duration.ofMinutes(30))) {
      ClockUtil.setCurrentTime(Date.from(now));
      for (Job job : managementService.createJobQuery().processInstanceId(pi).executable().list()) {
        managementService.executeJob(job.getId());
      }
      Map<String, Integer> current = copiesBySubject();
      for (Map.Entry<String, Integer> entry : current.entrySet()) {
        int added = entry.getValue() - seen.getOrDefault(entry.getKey(), 0);
        if (added > 0) {
          arrivals.add(new Arrival(now, entry.getKey(), recipientsOf(entry.getKey()), added));
        }
      }
      seen = current;
    }
    return arrivals;
  }

  private static Map<String, Integer> copiesBySubject() {
    Map<String, Integer> copies = new LinkedHashMap<>();
    for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
      copies.merge(subject(message), 1, Integer::sum);
    }
    return copies;
  }

  private static List<String> recipientsOf(String subject) throws Exception {
    TreeSet<String> addresses = new TreeSet<>();
    for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
      if (subject(message).equals(subject)) {
        for (Address address : message.getAllRecipients()) {
          addresses.add(address.toString());
        }
      }
    }
    return List.copyOf(addresses);
  }

  private void assertStartOfWorkingDay(Instant at) {
    ZonedDateTime local = at.atZone(VietnamTime.ZONE);
    assertThat(local.toLocalTime()).as("time of %s", local).isEqualTo(LocalTime.of(7, 30));
    assertThat(workingCalendar.isWorkingDay(local.toLocalDate())).as("%s is a working day", local).isTrue();
  }

  /**
   * The user both as the engine's current authentication (no /api filter) and as HTTP Basic credentials (the
   * security capability's /api filter authenticates from them and sets the same authentication).
   */
  private MockHttpServletRequestBuilder asUser(String userId, MockHttpServletRequestBuilder request) {
    identityService.setAuthentication(userId, List.of("STTTT-chuyen-vien"));
    String credentials = Base64.getEncoder().encodeToString((userId + ":secret").getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + credentials);
  }

  private String startPlan(String businessKey) {
    return runtimeService.startProcessInstanceByKey("reminder-test", businessKey, Variables.createVariables()
        .putValue("planDeadline", "2019-02-01")
        .putValue("leadAgency", "STTTT")
        .putValue("planTitle", "Kế hoạch ứng dụng CNTT năm 2019")).getId();
  }

  private Task openTask(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private void setDue(Task task, Instant due) {
    task.setDueDate(Date.from(due));
    taskService.saveTask(task);
  }

  private List<JobEntity> reminderJobs(String pi) {
    return ProcessTestSupport.reminderJobs(managementService, pi);
  }

  private List<JobEntity> taskJobs(String pi, String taskId) {
    return reminderJobs(pi).stream()
        .filter(job -> ReminderJobConfiguration.parse(job.getJobHandlerConfigurationRaw()).subjectId().equals(taskId))
        .toList();
  }

  /** A pending reminder job as the user would read it in Cockpit: what, how many days, when. */
  private record Pending(ReminderKind kind, int days, Instant dueAt) {}

  /** The pending reminder jobs of a task (or of the plan deadline, subject = process instance id). */
  private List<Pending> pending(String pi, String subjectId) {
    return reminderJobs(pi).stream().filter(job -> config(job).subjectId().equals(subjectId))
        .map(job -> new Pending(config(job).kind(), config(job).days(), job.getDuedate().toInstant()))
        .toList();
  }

  private static ReminderJobConfiguration config(JobEntity job) {
    return ReminderJobConfiguration.parse(job.getJobHandlerConfigurationRaw());
  }

  private static String messageId(String kind, String taskId, int days) {
    return "<reminder." + kind + "." + taskId + "." + days + "." + DUE.getEpochSecond() + "@theodoi.test>";
  }

  private JobEntity taskJob(String pi, String taskId, ReminderKind kind, int days) {
    return taskJobs(pi, taskId).stream().filter(job -> {
      ReminderJobConfiguration config = ReminderJobConfiguration.parse(job.getJobHandlerConfigurationRaw());
      return config.kind() == kind && config.days() == days;
    }).findFirst().orElseThrow();
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void user(String id, String first, String last, String email, String groupId) {
    if (identityService.createUserQuery().userId(id).singleResult() == null) {
      User user = identityService.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(email);
      user.setPassword("secret");
      identityService.saveUser(user);
      identityService.createMembership(id, groupId);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static Instant vn(int year, int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(VietnamTime.ZONE).toInstant();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails the job once after the e-mail went out, the way a later step or a lost commit would. */
  static class FailOnceAfterSending {
    static final AtomicBoolean ARMED = new AtomicBoolean();

    @EventListener
    void afterSending(ReminderSentEvent event) {
      if (ARMED.compareAndSet(true, false)) {
        throw new IllegalStateException("simulated failure after sending " + event.messageId());
      }
    }
  }

  @TestConfiguration
  static class TestBeans {

    @Bean
    FailOnceAfterSending failOnceAfterSending() {
      return new FailOnceAfterSending();
    }

    /** The portal of async-retry-test.bpmn, down for good. */
    @Bean
    org.camunda.bpm.engine.delegate.JavaDelegate unreachablePortal() {
      return execution -> {
        throw new IllegalStateException("Không kết nối được cổng thông tin điện tử (simulated outage)");
      };
    }
  }
}
