package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.gov.directives.support.NoticeTestSupport.as;
import static vn.gov.directives.support.NoticeTestSupport.at;
import static vn.gov.directives.support.ProcessTestSupport.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.gov.directives.assignment.AssignmentStatus;
import vn.gov.directives.assignment.AssignmentStatusChanged;
import vn.gov.directives.support.NoticeTestSupport;

/**
 * Registration of notice 295/TB-UBND through the API on the real application (engine, Flyway, H2, organisation,
 * calendar, API filter), on the engine clock of 26/12/2018.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notice-api;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class NoticeApiTest {

  static final String OFFICE_USER = "notice-test-vp";
  static final String DEPARTMENT_USER = "notice-test-stttt";

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired NoticeRepository notices;
  @Autowired NoticeDemoLoader demoLoader;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    identity.clearAuthentication();
    if (repository.createProcessDefinitionQuery().processDefinitionKey(NoticeFollowUp.GENERIC_PROCESS).count() == 0) {
      // the assignment capability's process is not in this build: a minimal stand-in with the same contract
      repository.createDeployment().addClasspathResource("notice/assignment-generic-placeholder.bpmn").deploy();
    }
    NoticeTestSupport.apiUser(identity, OFFICE_USER, "VPUBND-chuyen-vien");
    NoticeTestSupport.apiUser(identity, DEPARTMENT_USER, "STTTT-chuyen-vien");
    clock(LocalDate.of(2018, 12, 26), LocalTime.of(10, 0));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void registers295WithRealDates_23ProcessesInTheLeadsGroups_dueDatesInWorkingDays_409OnRepeat_progress()
      throws Exception {
    MvcResult result = mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
        .content(NoticeParserTest.seed())).andExpect(status().isCreated()).andReturn();
    JsonNode body = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    String noticeId = body.get("id").asText();
    assertThat(body.get("number").asText()).isEqualTo("295/TB-UBND");
    String followUpId = body.get("processInstanceId").asText();
    ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceId(followUpId).singleResult();
    assertThat(followUp.getBusinessKey()).isEqualTo("295/TB-UBND");

    JsonNode lines = body.get("assignments");
    assertThat(lines).hasSize(23);
    List<ProcessInstance> called = runtime.createProcessInstanceQuery().superProcessInstanceId(followUpId).list();
    assertThat(called).hasSize(23);
    Set<String> calledIds = called.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    Set<String> answered = new HashSet<>();
    lines.forEach(line -> answered.add(line.get("processInstanceId").asText()));
    assertThat(answered).isEqualTo(calledIds);
    assertThat(codesAndLeads(lines)).startsWith("1:STTTT", "2:STTTT", "3:STTTT").contains("11:SKHDT", "11:STC",
        "12:QUYNHON", "12:VINHTHANH").endsWith("12:VINHTHANH");

    // due dates: Saturday 05/01/2019 is a make-up working day and stays; 01/01/2019 is a holiday → end of 02/01
    assertThat(line(lines, "3", "STTTT").get("dueDate").asText()).isEqualTo("2019-01-05T23:59:59+07:00");
    assertThat(line(lines, "9", "VPUBND").get("dueDate").asText()).isEqualTo("2019-01-02T23:59:59+07:00");
    assertThat(line(lines, "2", "STTTT").get("dueDate").asText()).isEqualTo("2019-01-25T23:59:59+07:00");
    assertThat(line(lines, "1", "STTTT").get("dueDate").isNull()).isTrue();

    // each called process runs the right process, in its lead's groups, with the contract's variables
    for (JsonNode line : lines) {
      String instanceId = line.get("processInstanceId").asText();
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      String key = repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
      String code = line.get("code").asText();
      String lead = line.get("lead").asText();
      // kinds: 2 plan, 3 proposal, 4-6 regulation, 7 directive, 8 ranking, 9 handover; every other kind runs the
      // generic process for now
      assertThat(key).isEqualTo(switch (code) {
        case "2" -> "plan-approval";
        case "3" -> "assignment-proposal";
        case "4", "5", "6", "7" -> "assignment-regulation";
        case "8" -> "it-ranking";
        case "9" -> "assignment-handover";
        default -> "assignment-generic";
      });
      assertThat(instance.getBusinessKey()).isEqualTo("295/TB-UBND");
      Map<String, Object> variables = runtime.getVariables(instanceId);
      assertThat(variables).containsEntry("leadAgency", lead).containsEntry("assignmentCode", code)
          .containsEntry("noticeNumber", "295/TB-UBND").containsEntry("noticeDate", "2018-12-26")
          .containsEntry("taskSuffix", " — TB 295/TB-UBND, mục " + code);
      if (key.equals("assignment-proposal") || key.equals("assignment-handover")) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).list();
        assertThat(open).as("tasks of mục %s for %s", code, lead).isNotEmpty();
        assertThat(candidateGroups(open)).as("groups of mục %s", code).contains(lead + "-chuyen-vien");
        assertThat(open).allSatisfy(task -> assertThat(task.getName()).endsWith(" — TB 295/TB-UBND, mục " + code));
      } else if (code.equals("8")) {
        // the yearly ranking asked for on 26/12/2018 is that of 2019: no task before its opening day, 15/11/2019
        assertThat(runtime.getVariable(instanceId, "rankingYear")).isEqualTo(2019);
        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).isZero();
      } else if (!code.equals("2")) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).list();
        assertThat(open).as("tasks of mục %s for %s", code, lead).isNotEmpty();
        assertThat(candidateGroups(open)).as("groups of mục %s", code).allMatch(group -> group.startsWith(lead + "-"));
        assertThat(open).allSatisfy(task -> assertThat(task.getName()).endsWith(" — TB 295/TB-UBND, mục " + code));
        if (!line.get("dueDate").isNull()) {
          assertThat(open).allSatisfy(task -> assertThat(task.getDueDate().toInstant())
              .isEqualTo(java.time.OffsetDateTime.parse(line.get("dueDate").asText()).toInstant()));
        }
      }
    }
    Map<String, Object> nine = runtime.getVariables(line(lines, "9", "VPUBND").get("processInstanceId").asText());
    assertThat(nine).containsEntry("assignmentKind", "handover").containsEntry("assignmentDeadline", "2019-01-01")
        .containsEntry("urgent", true).containsEntry("partners", List.of("STTTT"));
    String planId = line(lines, "2", "STTTT").get("processInstanceId").asText();
    assertThat(runtime.getVariables(planId)).containsEntry("planDeadline", "2019-01-25").containsEntry("planYear", 2019)
        .containsEntry("noticeReference", "Thông báo số 295/TB-UBND ngày 26/12/2018 của UBND tỉnh");
    List<Task> survey = tasks.createTaskQuery().processInstanceId(planId).list();
    assertThat(candidateGroups(survey)).contains("QUYNHON-chuyen-vien", "SNV-chuyen-vien")
        .doesNotContain("STTTT-chuyen-vien");

    // the same notice again: 409, nothing more stored or started
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
            .content(NoticeParserTest.seed()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("number"))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("đã được đăng ký")));
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(noticeRows("295/TB-UBND", 2018)).isEqualTo(1);

    // progress: assignment 3 done on time, 9 done late, 11/SKHDT asks for more time, 1 gets an extension to
    // Fri 04/01/2019 and is still open on Mon 07/01/2019
    publish(lines, "3", "STTTT", AssignmentStatus.COMPLETED, at(2019, 1, 4, 16, 0), null);
    publish(lines, "9", "VPUBND", AssignmentStatus.COMPLETED, at(2019, 1, 3, 10, 0), null);
    publish(lines, "11", "SKHDT", AssignmentStatus.EXTENSION_REQUESTED, at(2019, 1, 3, 9, 0), null);
    publish(lines, "1", "STTTT", AssignmentStatus.EXTENSION_REQUESTED, at(2019, 1, 2, 9, 0), null);
    publish(lines, "1", "STTTT", AssignmentStatus.EXTENSION_GRANTED, at(2019, 1, 2, 15, 0), LocalDate.of(2019, 1, 4));
    // UBND tỉnh does not approve the plan of assignment 2: ended, but not completed
    publish(lines, "2", "STTTT", AssignmentStatus.REJECTED, at(2019, 1, 4, 11, 0), null);
    clock(LocalDate.of(2019, 1, 7), LocalTime.of(8, 0));

    mvc.perform(as(DEPARTMENT_USER, get("/api/notices/" + noticeId + "/progress")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value("295/TB-UBND"))
        .andExpect(jsonPath("$.total").value(23))
        .andExpect(jsonPath("$.completedOnTime").value(1))
        .andExpect(jsonPath("$.completedLate").value(1))
        .andExpect(jsonPath("$.extensionRequested").value(1))
        .andExpect(jsonPath("$.overdue").value(1))
        .andExpect(jsonPath("$.rejected").value(1))
        .andExpect(jsonPath("$.inProgress").value(18))
        .andExpect(jsonPath("$.assignments[0].code").value("1"))
        .andExpect(jsonPath("$.assignments[0].status").value("OVERDUE"))
        .andExpect(jsonPath("$.assignments[0].dueDate").value("2019-01-04T23:59:59+07:00"))
        .andExpect(jsonPath("$.assignments[1].status").value("REJECTED"))
        .andExpect(jsonPath("$.assignments[1].completedOn").value("2019-01-04"))
        .andExpect(jsonPath("$.assignments[2].status").value("COMPLETED_ON_TIME"))
        .andExpect(jsonPath("$.assignments[2].completedOn").value("2019-01-04"))
        .andExpect(jsonPath("$.assignments[8].status").value("COMPLETED_LATE"))
        .andExpect(jsonPath("$.assignments[8].completedOn").value("2019-01-03"))
        .andExpect(jsonPath("$.assignments[10].lead").value("SKHDT"))
        .andExpect(jsonPath("$.assignments[10].status").value("EXTENSION_REQUESTED"));

    MvcResult list = mvc.perform(as(OFFICE_USER, get("/api/notices"))).andExpect(status().isOk()).andReturn();
    JsonNode summary = null;
    for (JsonNode notice : json.readTree(list.getResponse().getContentAsString(StandardCharsets.UTF_8))) {
      if (notice.get("id").asText().equals(noticeId)) {
        summary = notice;
      }
    }
    assertThat(summary).isNotNull();
    assertThat(summary.get("total").asInt()).isEqualTo(23);
    assertThat(summary.get("overdue").asInt()).isEqualTo(1);
    assertThat(summary.get("completedLate").asInt()).isEqualTo(1);
    assertThat(summary.get("completedOnTime").asInt()).isEqualTo(1);
    assertThat(summary.get("rejected").asInt()).isEqualTo(1);
    assertThat(summary.get("inProgress").asInt()).isEqualTo(18);
    assertThat(summary.get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void onlyTheOfficeAndAdminsMayRegister_nothingStoredOtherwise() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    mvc.perform(as(DEPARTMENT_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
            .content(small("40/TB-UBND").toString()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Văn phòng UBND")));
    mvc.perform(post("/api/notices").contentType(MediaType.APPLICATION_JSON).content(small("40/TB-UBND").toString()))
        .andExpect(status().isUnauthorized());
    assertThat(noticeRows("40/TB-UBND", 2019)).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void badInputIsRefusedWholeWithEveryProblem_nothingStoredOrStarted() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM notice", Long.class);
    ObjectNode bad = small("41/TB-UBND");
    ((ObjectNode) bad.get("assignments").get(0)).put("kind", "meeting");
    ((ObjectNode) bad.get("assignments").get(1)).put("code", "1");
    ((ObjectNode) bad.get("assignments").get(1)).putArray("leads").add("XYZ");
    bad.put("meetingDate", "2019-02-30");
    mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON).content(bad.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(4))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
            "meetingDate", "assignments[0].kind", "assignments[1].leads[0]", "assignments[1].code")));
    mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"number\": \"41/TB-UBND\", \"number\": \"42/TB-UBND\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("lặp")));
    mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON).content("{\"number\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice", Long.class)).isEqualTo(rows);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aFailureInACalledProcessLeavesNothingBehind() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    // our checks pass, but plan-approval's own start listener refuses a plan title over 500 characters: the
    // notice rows written before the start and the follow-up process must all roll back
    ObjectNode notice = small("43/TB-UBND");
    ObjectNode plan = (ObjectNode) notice.get("assignments").get(0);
    plan.put("kind", "plan");
    plan.put("title", "Kế hoạch ".repeat(60));
    mvc.perform(as(OFFICE_USER, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
            .content(notice.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("500 ký tự")));
    assertThat(noticeRows("43/TB-UBND", 2019)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_assignment_lead l JOIN notice n ON n.id = l.notice_id"
        + " WHERE n.number = '43/TB-UBND'", Long.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("43/TB-UBND").count()).isZero();
  }

  @Test
  void demoNoticeIsMovedToTheLatestWorkingDayBeforeTodayAndLoadedOnce() {
    clock(LocalDate.of(2019, 3, 15), LocalTime.of(9, 0)); // a Friday
    String first = demoLoader.load(false);
    String second = demoLoader.load(false);
    assertThat(second).isEqualTo(first);
    clock(LocalDate.of(2020, 2, 3), LocalTime.of(9, 0)); // restarted a year later: still the same demo notice
    assertThat(demoLoader.load(false)).isEqualTo(first);
    NoticeRecord notice = notices.find(first).orElseThrow();
    assertThat(notice.issuedOn()).isEqualTo(LocalDate.of(2019, 3, 14));
    assertThat(notice.meetingDate()).isEqualTo(LocalDate.of(2019, 3, 13));
    assertThat(noticeRows("295/TB-UBND", 2019)).isEqualTo(1);
    assertThat(noticeRows("295/TB-UBND", 2020)).isZero();
    Map<String, LocalDate> dueOn = new java.util.HashMap<>();
    notices.leads(first).forEach(lead -> dueOn.put(lead.assignmentCode(), lead.dueOn()));
    // 26/12/2018 → 05/01/2019 is 6 working days (the New Year break does not count, Saturday 05/01 does)
    assertThat(dueOn.get("3")).isEqualTo(LocalDate.of(2019, 3, 22));
    // the holiday 01/01/2019 really falls due on 02/01: 3 working days after the notice
    assertThat(dueOn.get("9")).isEqualTo(LocalDate.of(2019, 3, 19));
    assertThat(dueOn.get("1")).isNull();
    assertThat(notices.leads(first)).hasSize(23).allSatisfy(lead -> assertThat(lead.processInstanceId()).isNotNull());
  }

  // --- helpers

  private ObjectNode small(String number) throws Exception {
    return (ObjectNode) json.readTree("""
        {"number": "%s", "issuedOn": "2019-03-01", "issuer": "UBND", "meetingDate": "2019-02-28",
         "signer": "Nguyễn Phi Long", "title": "Kết luận cuộc họp",
         "assignments": [
           {"code": "1", "kind": "general", "title": "Việc một", "leads": ["STTTT"], "partners": ["SNV"],
            "deadline": "2019-03-15", "urgent": true},
           {"code": "2", "kind": "budget", "title": "Việc hai", "leads": ["SKHDT", "STC"], "partners": [],
            "deadline": null, "urgent": false}]}
        """.formatted(number));
  }

  private void publish(JsonNode lines, String code, String lead, AssignmentStatus status, Instant at,
      LocalDate newDeadline) {
    String leadId = (String) runtime.getVariable(line(lines, code, lead).get("processInstanceId").asText(),
        NoticeFollowUp.ASSIGNMENT_LEAD_ID);
    events.publishEvent(new AssignmentStatusChanged(leadId, status, at, newDeadline));
  }

  private long noticeRows(String number, int year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE number = ? AND notice_year = ?", Long.class,
        number, year);
  }

  private static List<String> codesAndLeads(JsonNode lines) {
    List<String> result = new ArrayList<>();
    lines.forEach(line -> result.add(line.get("code").asText() + ":" + line.get("lead").asText()));
    return result;
  }

  private static JsonNode line(JsonNode lines, String code, String lead) {
    for (JsonNode line : lines) {
      if (line.get("code").asText().equals(code) && line.get("lead").asText().equals(lead)) {
        return line;
      }
    }
    throw new AssertionError("no line for mục " + code + " / " + lead);
  }

  private List<String> candidateGroups(List<Task> open) {
    List<String> groups = new ArrayList<>();
    for (Task task : open) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    return groups;
  }
}
