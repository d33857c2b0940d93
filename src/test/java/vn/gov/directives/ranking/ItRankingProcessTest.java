package vn.gov.directives.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentFormat;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.notice.NoticeFollowUp;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.ranking.RankingCriteria.Criterion;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * The yearly IT ranking end to end on the 2019 calendar, as called for item 8 of notice 295/TB-UBND: 31 units assess
 * themselves, one stays silent, Sở TT&TT adjusts one score, one unit objects and is upheld, UBND tỉnh approves, the
 * decision's appendix is the ranking table, and GET /api/rankings/2019 answers it.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:it-ranking;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ItRankingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired DocumentService documentService;
  @Autowired RankingRepository rankings;
  @Autowired OrganizationDirectory organization;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void ranking2019_calledForNotice295_31Units_adjustedScore_objection_published() throws Exception {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 26), LocalTime.of(15, 0));
    Map<String, Object> start = new HashMap<>();
    start.put("noticeNumber", "295/TB-UBND");
    start.put("noticeDate", "2018-12-26");
    start.put("assignmentCode", "8");
    start.put("assignmentKind", "ranking");
    start.put("assignmentTitle", "Thống nhất xếp hạng ứng dụng CNTT hằng năm");
    start.put("leadAgency", "STTTT");
    start.put("assignmentDeadline", null);
    start.put("taskSuffix", " — TB 295/TB-UBND, mục 8");
    assertThat(NoticeFollowUp.processKey(vn.gov.directives.notice.AssignmentKind.RANKING)).isEqualTo("it-ranking");
    ProcessInstance ranking = runtimeService.startProcessInstanceByKey("it-ranking", start);

    // the notice of 26/12/2018 asks for the next yearly ranking: 2019, opening on Friday 15/11/2019 at 07:30
    BpmnAwareTests.assertThat(ranking).isWaitingAt("Timer_WaitForOpening");
    assertThat(runtimeService.getVariable(ranking.getId(), RankingRounds.YEAR)).isEqualTo(2019);
    Job wait = managementService.createJobQuery().processInstanceId(ranking.getId()).singleResult();
    assertThat(wait.getDuedate()).isEqualTo(at(LocalDate.of(2019, 11, 15), LocalTime.of(7, 30)));
    ProcessTestSupport.clock(LocalDate.of(2019, 11, 15), LocalTime.of(7, 30));
    ProcessTestSupport.runDueJobs(managementService);
    // once open, starting the 2019 ranking again by hand is refused
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("it-ranking", Map.of("rankingYear", 2019)))
        .hasMessageContaining("Kỳ xếp hạng ứng dụng CNTT năm 2019 đang được thực hiện");
    List<Task> selfTasks = tasks(ranking, "Task_SelfAssess");
    List<String> units = organization.departmentsAndDistricts(LocalDate.of(2019, 11, 15)).stream()
        .map(vn.gov.directives.organization.Agency::code).toList();
    assertThat(units).hasSize(31);
    assertThat(selfTasks).hasSize(31);
    assertThat(selfTasks).allSatisfy(task -> {
      // 10 working days from Friday 15/11/2019: end of Friday 29/11/2019
      assertThat(task.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 11, 29)));
      assertThat(task.getName()).isEqualTo("Tự đánh giá, chấm điểm ứng dụng CNTT — TB 295/TB-UBND, mục 8");
    });
    assertThat(selfTasks.stream().map(task -> ProcessTestSupport.candidateGroups(taskService, task).get(0)))
        .containsExactlyInAnyOrderElementsOf(units.stream().map(code -> code + "-chuyen-vien").toList());

    // a bad self-assessment is refused with every problem and stores nothing
    Task syt = taskOf(ranking, "Task_SelfAssess", "SYT");
    Map<String, Object> bad = points(0);
    bad.put("c11", 16);
    bad.remove("e3");
    assertThatThrownBy(() -> completeAs("syt-cv", syt, bad))
        .hasMessageContaining("Tiêu chí 1.1 (Máy tính, mạng nội bộ, kết nối Internet và mạng truyền số liệu chuyên dùng):"
            + " điểm phải từ 0 đến 15, không phải 16.")
        .hasMessageContaining("Nhóm 3 (Trang/Cổng thông tin điện tử): chưa nêu minh chứng.");
    assertThat(rankings.selfScores(ranking.getId(), "SYT")).isEmpty();

    // 30 units answer (the n-th unit of each group loses about 2.5 n points), Vĩnh Thạnh stays silent
    ProcessTestSupport.clock(LocalDate.of(2019, 11, 27), LocalTime.of(10, 0));
    for (String code : units) {
      if (!code.equals("VINHTHANH")) {
        completeAs(code.toLowerCase() + "-cv", taskOf(ranking, "Task_SelfAssess", code), points(indexInGroup(code)));
      }
    }
    ProcessTestSupport.clock(LocalDate.of(2019, 11, 30), LocalTime.of(0, 5));
    ProcessTestSupport.runDueJobs(managementService);
    assertThat(rankings.unit(ranking.getId(), "VINHTHANH").selfStatus()).isEqualTo("MISSING");

    // Sở TT&TT reviews all 31 on Monday 02/12/2019
    ProcessTestSupport.clock(LocalDate.of(2019, 12, 2), LocalTime.of(9, 0));
    assertThat(tasks(ranking, "Task_ReviewSelfAssessment")).hasSize(31)
        .allSatisfy(task -> assertThat(ProcessTestSupport.candidateGroups(taskService, task))
            .containsExactly("STTTT-chuyen-vien"));
    Task silent = taskOf(ranking, "Task_ReviewSelfAssessment", "VINHTHANH");
    assertThat((String) taskService.getVariable(silent.getId(), "selfAssessmentText"))
        .contains("Đơn vị không gửi kết quả tự đánh giá trong thời hạn");
    assertThatThrownBy(() -> completeAs("stttt-cv", silent, Map.of("reviewDecision", "accept")))
        .hasMessageContaining("Đơn vị không gửi kết quả tự đánh giá");
    Map<String, Object> scoredByOffice = reviewed(half());
    scoredByOffice.put("reviewDecision", "adjust");
    scoredByOffice.put("reviewReason", "Chấm theo kết quả kiểm tra thực tế ngày 25/11/2019");
    completeAs("stttt-cv", silent, scoredByOffice);

    Task stc = taskOf(ranking, "Task_ReviewSelfAssessment", "STC");
    Map<String, Object> unchanged = reviewed(points(4));
    unchanged.put("reviewDecision", "adjust");
    unchanged.put("reviewReason", "Kiểm tra lại");
    assertThatThrownBy(() -> completeAs("stttt-cv", stc, unchanged)).hasMessageContaining("Không có điểm nào thay đổi");
    Map<String, Object> adjusted = reviewed(points(4));
    adjusted.put("r21", 6);
    adjusted.put("r22", 6);
    adjusted.put("reviewDecision", "adjust");
    adjusted.put("reviewReason", "Chưa có minh chứng văn bản ký số và dịch vụ công mức độ 3, 4 phát sinh hồ sơ");
    completeAs("stttt-cv", stc, adjusted);
    for (Task review : tasks(ranking, "Task_ReviewSelfAssessment")) {
      completeAs("stttt-cv", review, Map.of("reviewDecision", "accept"));
    }

    // scored, rated by the DMN table and ranked: the draft goes to every unit until Monday 09/12/2019
    RankingRepository.Unit stcRow = rankings.unit(ranking.getId(), "STC");
    assertThat(stcRow.reviewStatus()).isEqualTo("ADJUSTED");
    assertThat(stcRow.reviewReason()).contains("2.1: 16 → 6; 2.2: 16 → 6");
    assertThat(stcRow.score()).isEqualByComparingTo("80.00");     // 140 - 20 = 120 / 150
    assertThat(stcRow.rank()).as("tied with Sở VH&TT's 80 points").isEqualTo(12);
    assertThat(rankings.unit(ranking.getId(), "SVHTT").rank()).isEqualTo(12);
    assertThat(rankings.unit(ranking.getId(), "SDL").rank()).isEqualTo(14);
    assertThat(stcRow.level()).isEqualTo("Khá");
    assertThat(rankings.unit(ranking.getId(), "VINHTHANH").score()).isEqualByComparingTo("50.00");
    assertThat(rankings.unit(ranking.getId(), "VINHTHANH").level()).isEqualTo("Trung bình");
    assertThat(rankings.unit(ranking.getId(), "VPUBND").rank()).isEqualTo(1);
    assertThat(rankings.unit(ranking.getId(), "QUYNHON").rank()).isEqualTo(1);
    assertThat(rankings.round(ranking.getId()).orElseThrow().levelsVersion()).startsWith("versionTag 2018");
    List<Task> drafts = tasks(ranking, "Task_ReviewDraftResults");
    assertThat(drafts).hasSize(31).allSatisfy(task ->
        assertThat(task.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 12, 9))));
    Task sytDraft = taskOf(ranking, "Task_ReviewDraftResults", "SYT");
    assertThat((String) taskService.getVariable(sytDraft.getId(), "ownResultText"))
        .isEqualTo("Điểm: **73,33/100** — Xếp loại: **Khá** — Hạng **17** trong Khối sở, ban, ngành tỉnh");
    String draftPdf = ProcessTestSupport.pdfText(documentService, documents(ranking), "BAO_CAO");
    assertThat(draftPdf).contains("BÁO CÁO Dự thảo kết quả đánh giá, xếp hạng", "trước ngày 09/12/2019")
        .contains("Sở Tài chính 25 12 20 20 15 28 80 Khá");

    completeAs("syt-cv", sytDraft, Map.of("objectionDecision", "object", "objectionText",
        "Sở Y tế đã cung cấp 24 dịch vụ công mức độ 3, 4 có phát sinh hồ sơ; đề nghị chấm lại tiêu chí 2.2."));
    completeAs("stc-cv", taskOf(ranking, "Task_ReviewDraftResults", "STC"), Map.of("objectionDecision", "agree"));
    ProcessTestSupport.clock(LocalDate.of(2019, 12, 10), LocalTime.of(0, 5));
    ProcessTestSupport.runDueJobs(managementService);
    assertThat(runtimeService.getVariable(ranking.getId(), "objectionCount")).isEqualTo(1);

    ProcessTestSupport.clock(LocalDate.of(2019, 12, 10), LocalTime.of(9, 0));
    Task resolution = ProcessTestSupport.onlyTask(taskService, ranking.getId(), "Task_ResolveObjection");
    assertThat((String) taskService.getVariable(resolution.getId(), "objectionText")).contains("24 dịch vụ công");
    Map<String, Object> upheld = reviewed(points(indexInGroup("SYT")));
    upheld.put("r22", 14);
    upheld.put("resolutionDecision", "uphold");
    upheld.put("resolutionAnswer", "Đã kiểm tra trên Cổng dịch vụ công tỉnh");
    completeAs("stttt-cv", resolution, upheld);
    RankingRepository.Unit sytRow = rankings.unit(ranking.getId(), "SYT");
    assertThat(sytRow.objectionOutcome()).isEqualTo("UPHELD");
    assertThat(sytRow.score()).isEqualByComparingTo("80.00");     // 110 + 10 = 120 / 150
    assertThat(sytRow.level()).isEqualTo("Khá");
    assertThat(sytRow.rank()).as("now tied with Sở Tài chính and Sở VH&TT").isEqualTo(12);
    assertThat(rankings.unit(ranking.getId(), "SDL").rank()).isEqualTo(15);

    Task drafting = ProcessTestSupport.onlyTask(taskService, ranking.getId(), "Task_DraftSubmission");
    assertThatThrownBy(() -> completeAs("stttt-cv", drafting, Map.of())).hasMessageContaining("Đánh giá chung");
    completeAs("stttt-cv", drafting, Map.of("rankingAssessment",
        "Các cơ quan, đơn vị đã triển khai đầy đủ Văn phòng điện tử.\nCấp huyện còn hạn chế về nhân lực CNTT."));
    completeAs("stttt-ld", ProcessTestSupport.onlyTask(taskService, ranking.getId(), "Task_ApproveResults"),
        Map.of("directorDecision", "approve"));
    ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(ranking.getId())
        .singleResult();
    completeAs("vpubnd-cv", ProcessTestSupport.onlyTask(taskService, review.getId(), "Task_ReviewDossier"), Map.of(
        "officeDecision", "complete", "reviewOpinion", "Hồ sơ đầy đủ.", "reviewProposal", "Đề nghị phê duyệt."));
    completeAs("ubnd-ld", ProcessTestSupport.onlyTask(taskService, review.getId(), "Task_DecideSubmission"),
        Map.of("leaderDecision", "approve"));

    BpmnAwareTests.assertThat(ranking).isEnded().hasPassed("Task_IssueDecision", "EndEvent_RankingPublished");
    List<IssuedDocument> issued = documents(ranking);
    String submission = ProcessTestSupport.pdfText(documentService, issued, "TO_TRINH");
    assertThat(submission).contains("/TTr-STTTT").contains("Thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018")
        .contains("Sở Y tế kiến nghị: Sở Y tế đã cung cấp 24 dịch vụ công")
        .contains("Sở TT&TT: chấp nhận, điều chỉnh điểm; Đã kiểm tra trên Cổng dịch vụ công tỉnh (2.2: 4 → 14)");
    IssuedDocument decision = issued.stream().filter(doc -> doc.type().equals("QUYET_DINH")).findFirst().orElseThrow();
    assertThat(decision.number()).endsWith("/QĐ-UBND");
    String decisionPdf = ProcessTestSupport.pdfText(documentService, issued, "QUYET_DINH");
    assertThat(decisionPdf).contains(decision.number())
        .contains("Về việc phê duyệt kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin trong hoạt động"
            + " của cơ quan nhà nước tỉnh Bình Định năm 2019")
        .contains("PHỤ LỤC").contains("(Kèm theo Quyết định số " + decision.number())
        .contains("KT. CHỦ TỊCH").contains("Nguyễn Phi Long")
        .contains("1 Văn phòng Ủy ban nhân dân tỉnh 100 Tốt")
        .contains("1 Ủy ban nhân dân thành phố Quy Nhơn 100 Tốt")
        .contains("11 Ủy ban nhân dân huyện Vĩnh Thạnh 50 Trung bình");

    // the DOCX appendix: one table per group, header + 20 agencies and header + 11 district units, in rank order
    byte[] docx = documentService.file(decision.id(), DocumentFormat.DOCX).orElseThrow().content();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFTable> tables = document.getTables().stream()
          .filter(table -> table.getRow(0).getCell(0).getText().equals("Hạng")).toList();
      assertThat(tables).hasSize(2);
      assertThat(tables.get(0).getRows()).hasSize(21);
      assertThat(tables.get(1).getRows()).hasSize(12);
      assertThat(row(tables.get(0), 0)).containsExactly("Hạng", "Cơ quan, đơn vị", "Điểm (thang 100)", "Xếp loại");
      assertThat(row(tables.get(0), 1)).containsExactly("1", "Văn phòng Ủy ban nhân dân tỉnh", "100", "Tốt");
      List<List<String>> agencies = new ArrayList<>();
      for (int i = 1; i < 21; i++) {
        agencies.add(row(tables.get(0), i));
      }
      assertThat(agencies.subList(11, 14)).containsExactly(List.of("12", "Sở Tài chính", "80", "Khá"),
          List.of("12", "Sở Văn hóa và Thể thao", "80", "Khá"), List.of("12", "Sở Y tế", "80", "Khá"));
      assertThat(row(tables.get(1), 11)).containsExactly("11", "Ủy ban nhân dân huyện Vĩnh Thạnh", "50", "Trung bình");
    }

    // the published ranking through the API
    mvc.perform(get("/api/rankings/2019").header("Authorization", basic("syt-cv")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2019))
        .andExpect(jsonPath("$.decisionNumber").value(decision.number()))
        .andExpect(jsonPath("$.groups.length()").value(2))
        .andExpect(jsonPath("$.groups[0].group").value("AGENCY"))
        .andExpect(jsonPath("$.groups[0].units.length()").value(20))
        .andExpect(jsonPath("$.groups[0].units[0].code").value("VPUBND"))
        .andExpect(jsonPath("$.groups[0].units[0].rank").value(1))
        .andExpect(jsonPath("$.groups[0].units[0].score").value(100.0))
        .andExpect(jsonPath("$.groups[0].units[0].level").value("Tốt"))
        .andExpect(jsonPath("$.groups[1].title").value("Khối UBND các huyện, thị xã, thành phố"))
        .andExpect(jsonPath("$.groups[1].units[10].code").value("VINHTHANH"))
        .andExpect(jsonPath("$.groups[1].units[10].level").value("Trung bình"));
    mvc.perform(get("/api/rankings/2018").header("Authorization", basic("syt-cv")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].message").value(
            "Chưa có kết quả xếp hạng mức độ ứng dụng CNTT năm 2018 được UBND tỉnh phê duyệt, công bố."));
    mvc.perform(get("/api/rankings/hai-nghin")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/rankings/hai-nghin").header("Authorization", basic("syt-cv")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("Năm 'hai-nghin' không hợp lệ: cần năm bốn chữ số, ví dụ 2019."));
    // a published year is never opened again, by hand or by the yearly timer
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("it-ranking", Map.of("rankingYear", 2019)))
        .hasMessageContaining("đã được công bố theo Quyết định số " + decision.number());
  }

  @Test
  void yearlyTimer_opensTheYearsRanking_onceOnly() {
    Job timer = yearlyTimer();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(VietnamTime.ZONE);
    assertThat(due.getDayOfMonth()).isEqualTo(15);
    assertThat(due.getMonthValue()).isEqualTo(11);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(7, 30));

    ProcessTestSupport.clock(LocalDate.of(2021, 11, 15), LocalTime.of(7, 30));
    managementService.executeJob(timer.getId());
    ProcessInstance first = runtimeService.createProcessInstanceQuery().processDefinitionKey("it-ranking")
        .singleResult();
    assertThat(runtimeService.getVariable(first.getId(), RankingRounds.YEAR)).isEqualTo(2021);
    ProcessTestSupport.runDueJobs(managementService);
    assertThat(tasks(first, "Task_SelfAssess")).hasSize(31)
        .allSatisfy(task -> assertThat(task.getName()).isEqualTo("Tự đánh giá, chấm điểm ứng dụng CNTT — năm 2021"));

    // started again for 2021 by hand: refused; a bad year: refused with its reason
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("it-ranking", Map.of("rankingYear", "2021")))
        .hasMessageContaining("Kỳ xếp hạng ứng dụng CNTT năm 2021 đang được thực hiện");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("it-ranking", Map.of("rankingYear", "2014")))
        .hasMessageContaining("Năm đánh giá 2014 không hợp lệ");
    // the timer firing again for the same year takes the visible "already open" path and ends
    managementService.executeJob(yearlyTimer().getId());
    ProcessTestSupport.runDueJobs(managementService);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_RoundExists")
        .count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("it-ranking").count()).isEqualTo(1);
    assertThat(rankings.rounds(2021)).hasSize(1);
  }

  Job yearlyTimer() {
    return managementService.createJobQuery().processDefinitionKey("it-ranking-yearly-start").timers()
        .list().stream().filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- helpers

  /** Full marks, less 2.5 points per position in the unit's group (c21 and c22 lose one each, c62 one per two). */
  static Map<String, Object> points(int position) {
    Map<String, Object> values = new HashMap<>();
    for (Criterion criterion : RankingCriteria.CRITERIA) {
      int points = criterion.maxPoints();
      if (List.of("c21", "c22").contains(criterion.key())) {
        points -= position;
      }
      if (criterion.key().equals("c62")) {
        points -= position / 2;
      }
      values.put(criterion.key(), (long) points);
    }
    for (RankingCriteria.Group group : RankingCriteria.GROUPS) {
      values.put(group.evidenceKey(), "Báo cáo ứng dụng CNTT năm 2019, mục " + group.number());
    }
    return values;
  }

  /** Half of every maximum: 75 / 150 = 50 points. */
  static Map<String, Object> half() {
    Map<String, Object> values = new HashMap<>();
    RankingCriteria.CRITERIA.forEach(c -> values.put(c.key(), BigDecimal.valueOf(c.maxPoints()).divide(
        BigDecimal.valueOf(2)).doubleValue()));
    return values;
  }

  /** The same points in the reviewer's fields (r11 …). */
  static Map<String, Object> reviewed(Map<String, Object> points) {
    Map<String, Object> values = new HashMap<>();
    RankingCriteria.CRITERIA.forEach(c -> values.put(RankingCriteria.reviewKey(c), points.get(c.key())));
    return values;
  }

  int indexInGroup(String code) {
    var all = organization.departmentsAndDistricts(LocalDate.of(2019, 11, 15));
    var unit = all.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    return all.stream().filter(a -> a.kind() == unit.kind()).toList().indexOf(unit);
  }

  List<Task> tasks(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  Task taskOf(ProcessInstance instance, String key, String unit) {
    return tasks(instance, key).stream()
        .filter(task -> unit.equals(taskService.getVariable(task.getId(), "rankingUnit")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + unit));
  }

  List<IssuedDocument> documents(ProcessInstance instance) {
    return documentService.listForProcessInstance(instance.getId());
  }

  /**
   * Submits the task's form as Tasklist does (submit-form: the values land on the task, where the ranking's listeners
   * declared them, so that 31 units never share a value); a plain complete would put them in the process scope.
   */
  void completeAs(String user, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      formService.submitTaskForm(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static List<String> row(XWPFTable table, int index) {
    return table.getRow(index).getTableCells().stream().map(cell -> cell.getText().strip()).toList();
  }

  static java.util.Date at(LocalDate day, LocalTime time) {
    return java.util.Date.from(ZonedDateTime.of(day, time, VietnamTime.ZONE).toInstant());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
