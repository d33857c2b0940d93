package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.gov.directives.support.NoticeTestSupport.as;
import static vn.gov.directives.support.NoticeTestSupport.at;
import static vn.gov.directives.support.ProcessTestSupport.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.gov.directives.assignment.AssignmentStatus;
import vn.gov.directives.assignment.AssignmentStatusChanged;
import vn.gov.directives.support.NoticeTestSupport;
import vn.gov.directives.document.DocumentFile;
import vn.gov.directives.document.DocumentFormat;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.support.TestMail;

/**
 * The Báo cáo tình hình thực hiện Thông báo on the real application: notice 295/TB-UBND registered on the engine
 * clock of 26/12/2018, assignments completed on time and late, the weekly timer run by hand, the report read back
 * from its PDF and DOCX and from the e-mail a real SMTP server received; the on-demand endpoint and the final report.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notice-report;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false",
    "app.portal.publish-url="})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class NoticeReportProcessTest {

  static final String OFFICE_USER = "report-test-vp";
  static final String DEPARTMENT_USER = "report-test-stttt";
  static final GreenMail MAIL = TestMail.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMail.pointMailAt(MAIL, registry);
  }

  @AfterAll
  static void stopMail() {
    MAIL.stop();
  }

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired ApplicationEventPublisher events;
  @Autowired DocumentService documents;
  @Autowired NoticeRepository notices;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    identity.clearAuthentication();
    MAIL.purgeEmailFromAllMailboxes();
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
  void weeklyReportOf295_countsTableAndStatusesInVietnamese_emailedToTheOfficeAndTheSigner() throws Exception {
    JsonNode registered = NoticeTestSupport.registerByApi(mvc, OFFICE_USER, NoticeParserTest.seed());
    String followUpId = registered.get("processInstanceId").asText();
    JsonNode lines = registered.get("assignments");

    publish(lines, "11", "SKHDT", AssignmentStatus.COMPLETED, at(2018, 12, 28, 15, 0));
    publish(lines, "12", "QUYNHON", AssignmentStatus.COMPLETED, at(2018, 12, 31, 9, 0));
    publish(lines, "11", "STC", AssignmentStatus.EXTENSION_REQUESTED, at(2018, 12, 31, 9, 30));

    // week 1: the timer is due one week after registration, Wednesday 02/01/2019 10:00 Vietnam time
    Job timer = reportTimer(followUpId);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(at(2019, 1, 2, 10, 0));
    clock(LocalDate.of(2019, 1, 2), LocalTime.of(10, 0));
    management.executeJob(timer.getId());
    IssuedDocument first = onlyReport(followUpId, 1);
    assertThat(first.number()).as("a system-made progress report takes no number from the register").isNull();
    assertThat(pdfText(first)).doesNotContain("DỰ THẢO", "Số:");
    assertThat(first.title()).isEqualTo(
        "Báo cáo tình hình thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018 của Ủy ban nhân dân tỉnh");
    assertThat(first.issuedOn()).isEqualTo(LocalDate.of(2019, 1, 2));
    String firstPdf = pdfText(first);
    assertThat(firstPdf).contains("đến 10 giờ 00 ngày 02/01/2019", "Tổng số: 23 lượt nhiệm vụ.",
        "Hoàn thành đúng hạn: 2; hoàn thành quá hạn: 0.",
        "Đang thực hiện trong hạn: 20; quá hạn: 0; đề nghị gia hạn: 1.");

    // the next period: 9 (due end of 02/01, the New Year holiday moved it) done late; 3 (due Sat 05/01) overdue
    publish(lines, "9", "VPUBND", AssignmentStatus.COMPLETED, at(2019, 1, 3, 9, 0));
    // UBND tỉnh does not approve the proposal of assignment 4
    publish(lines, "4", "STTTT", AssignmentStatus.REJECTED, at(2019, 1, 4, 15, 0));
    timer = reportTimer(followUpId);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(at(2019, 1, 9, 10, 0));
    MAIL.purgeEmailFromAllMailboxes();
    clock(LocalDate.of(2019, 1, 9), LocalTime.of(10, 0));
    management.executeJob(timer.getId());
    IssuedDocument second = onlyReport(followUpId, 2);
    String pdf = pdfText(second);
    assertThat(pdf).contains("Hoàn thành đúng hạn: 2; hoàn thành quá hạn: 1.",
        "Đang thực hiện trong hạn: 17; quá hạn: 1; đề nghị gia hạn: 1.", "Không được phê duyệt: 1.");
    for (String status : List.of("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện trong hạn", "Quá hạn",
        "Đề nghị gia hạn", "Không được phê duyệt")) {
      assertThat(pdf).contains(status);
    }

    List<List<String>> table = docxTable(second);
    assertThat(table.get(0)).containsExactly("Mục", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Tình trạng",
        "Ngày hoàn thành");
    assertThat(table).hasSize(24);
    assertThat(row(table, "3", "Sở TT&TT")).containsSubsequence("05/01/2019", "Quá hạn", "");
    assertThat(row(table, "9", "Văn phòng UBND tỉnh"))
        .containsSubsequence("02/01/2019", "Hoàn thành quá hạn", "03/01/2019");
    assertThat(row(table, "11", "Sở KH&ĐT")).containsSubsequence("Không có thời hạn", "Hoàn thành đúng hạn",
        "28/12/2018");
    assertThat(row(table, "11", "Sở Tài chính")).containsSubsequence("Không có thời hạn", "Đề nghị gia hạn", "");
    assertThat(row(table, "2", "Sở TT&TT")).containsSubsequence("25/01/2019", "Đang thực hiện trong hạn", "");
    assertThat(row(table, "4", "Sở TT&TT")).containsSubsequence("Không được phê duyệt", "04/01/2019");
    // the PDF prints the same rows (cells of one row on one line, long titles wrapped)
    assertThat(pdf).contains("Hoàn thành quá hạn 03/01/2019")
        .contains("Hoàn thành đúng hạn 28/12/2018");

    // one e-mail with the files attached, to every Văn phòng UBND member with an address and to the signer
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).isNotEmpty();
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo(
        "Báo cáo tình hình thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018");
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList())
        .contains("vpubnd-cv@demo.binhdinh.gov.vn", "vpubnd-ld@demo.binhdinh.gov.vn", "vpubnd-vt@demo.binhdinh.gov.vn",
            "ubnd-ld@demo.binhdinh.gov.vn")
        .noneMatch(address -> address.startsWith("stttt-"));
    Multipart parts = (Multipart) mail.getContent();
    List<String> attachments = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null) {
        attachments.add(MimeUtility.decodeText(part.getFileName()));
      }
    }
    String text = body(mail);
    assertThat(attachments).hasSize(2).allMatch(name -> name.endsWith(".pdf") || name.endsWith(".docx"));
    assertThat(text).contains("Hoàn thành quá hạn: 1", "Quá hạn: 1", "Không được phê duyệt: 1", "Mục 3 (Sở TT&TT): Quá hạn, hạn 05/01/2019",
        "/api/documents/" + second.id() + "/pdf");
    assertThat(runtime.getVariable(followUpId, NoticeReports.LAST_REPORT_ID)).isEqualTo(second.id());
    assertThat((String) runtime.getVariable(followUpId, NoticeReports.LAST_REPORT_NOT_MAILED)).isEmpty();
  }

  @Test
  void onDemandReport_201ListedUnderTheFollowUp_refusedToADepartment_signerWithoutAccountRecorded()
      throws Exception {
    JsonNode registered = NoticeTestSupport.registerByApi(mvc, OFFICE_USER, small("71/TB-UBND", "Hồ Quốc Dũng"));
    String noticeId = registered.get("id").asText();
    String followUpId = registered.get("processInstanceId").asText();

    mvc.perform(as(DEPARTMENT_USER, post("/api/notices/" + noticeId + "/reports")))
        .andExpect(status().isForbidden());
    assertThat(documents.listForProcessInstance(followUpId)).isEmpty();
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    mvc.perform(as(OFFICE_USER, post("/api/notices/no-such-notice/reports"))).andExpect(status().isNotFound());

    JsonNode report = body(mvc.perform(as(OFFICE_USER, post("/api/notices/" + noticeId + "/reports")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.get("number").isNull()).isTrue();
    assertThat(report.get("title").asText()).startsWith("Báo cáo tình hình thực hiện Thông báo số 71/TB-UBND");
    List<String> formats = new ArrayList<>();
    report.get("files").forEach(file -> formats.add(file.get("format").asText()));
    assertThat(formats).containsExactlyInAnyOrder("docx", "pdf");
    assertThat(report.get("notMailed").toString()).contains("Hồ Quốc Dũng", "không có tài khoản");
    assertThat(report.get("mailedTo").toString()).contains("vpubnd-cv@demo.binhdinh.gov.vn");

    JsonNode listed = body(mvc.perform(as(OFFICE_USER, get("/api/documents").param("processInstanceId", followUpId)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(report.get("id").asText());
    assertThat(pdfText(documents.find(report.get("id").asText()).orElseThrow()))
        .contains("Hồ Quốc Dũng", "Tổng số: 3 lượt nhiệm vụ.");
    MimeMessage mail = MAIL.getReceivedMessages()[0];
    assertThat(body(mail)).contains("Không gửi được cho người ký Thông báo (Hồ Quốc Dũng)");
  }

  @Test
  void aWeeklyReportFallingDueDuringTetGoesOutOnTheNextWorkingDay() throws Exception {
    clock(LocalDate.of(2019, 1, 29), LocalTime.of(10, 0)); // a Tuesday; Tết Kỷ Hợi is 02/02–10/02/2019
    JsonNode registered = NoticeTestSupport.registerByApi(mvc, OFFICE_USER, small("73/TB-UBND", "Nguyễn Phi Long"));
    String followUpId = registered.get("processInstanceId").asText();
    Job timer = reportTimer(followUpId);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(at(2019, 2, 5, 10, 0));

    clock(LocalDate.of(2019, 2, 5), LocalTime.of(10, 0));
    management.executeJob(timer.getId());
    // nothing is issued or mailed on the holiday: the report waits for Monday 11/02/2019 at the start of work
    assertThat(documents.listForProcessInstance(followUpId)).isEmpty();
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    Job waiting = management.createJobQuery().processInstanceId(followUpId).activityId("Timer_NextWorkingDay")
        .singleResult();
    assertThat(waiting.getDuedate().toInstant()).isEqualTo(at(2019, 2, 11, 7, 30));
    // the weekly cycle itself goes on from registration
    assertThat(reportTimer(followUpId).getDuedate().toInstant()).isEqualTo(at(2019, 2, 12, 10, 0));

    clock(LocalDate.of(2019, 2, 11), LocalTime.of(7, 30));
    management.executeJob(waiting.getId());
    IssuedDocument report = onlyReport(followUpId, 1);
    assertThat(report.issuedOn()).isEqualTo(LocalDate.of(2019, 2, 11));
    assertThat(pdfText(report)).contains("đến 07 giờ 30 ngày 11/02/2019", "Tổng số: 3 lượt nhiệm vụ.");
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(this::subject))
        .contains("Báo cáo tình hình thực hiện Thông báo số 73/TB-UBND ngày 26/12/2018");
    assertThat(management.createJobQuery().processInstanceId(followUpId).activityId("Timer_NextWorkingDay").count())
        .isZero();
  }

  @Test
  void whenEveryAssignmentIsDoneTheNoticeClosesWithAFinalReport() throws Exception {
    JsonNode registered = NoticeTestSupport.registerByApi(mvc, OFFICE_USER, small("72/TB-UBND", "Nguyễn Phi Long"));
    String noticeId = registered.get("id").asText();
    String followUpId = registered.get("processInstanceId").asText();
    clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
    for (JsonNode line : registered.get("assignments")) {
      finish(line.get("processInstanceId").asText());
    }
    // the last completion closes the notice; the final report is its own job (a mail failure retries it)
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(followUpId).count()).isZero();
    assertThat(notices.find(noticeId).orElseThrow().status()).isEqualTo(NoticeRecord.CLOSED);
    Job finalReport = management.createJobQuery().processInstanceId(followUpId).activityId("Task_FinalReport")
        .singleResult();
    assertThat(finalReport).isNotNull();
    management.executeJob(finalReport.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUpId).count()).isZero();
    assertThat(reportTimerCount(followUpId)).isZero();
    IssuedDocument report = documents.listForProcessInstance(followUpId).stream()
        .filter(document -> document.title().startsWith("Báo cáo kết quả thực hiện Thông báo số 72/TB-UBND"))
        .findFirst().orElseThrow();
    assertThat(pdfText(report)).contains("Hoàn thành đúng hạn: 3; hoàn thành quá hạn: 0.", "III. KẾT LUẬN",
        "kết thúc theo dõi");
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(this::subject))
        .contains("Báo cáo kết quả thực hiện Thông báo số 72/TB-UBND ngày 26/12/2018");
    JsonNode progress = body(mvc.perform(as(OFFICE_USER, get("/api/notices/" + noticeId + "/progress")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(progress.get("completedOnTime").asInt()).isEqualTo(3);
  }

  /** Ends a called assignment process as its last step would: through its completion end event. */
  private void finish(String instanceId) {
    org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder modification =
        runtime.createProcessInstanceModification(instanceId);
    for (var child : runtime.getActivityInstance(instanceId).getChildActivityInstances()) {
      modification = modification.cancelActivityInstance(child.getId());
    }
    modification = modification.startBeforeActivity("EndEvent_AssignmentCompleted");
    modification.execute();
  }

  private static String small(String number, String signer) {
    return """
        {"number": "%s", "issuedOn": "2018-12-26", "issuer": "UBND", "meetingDate": "2018-12-25",
         "signer": "%s", "title": "Kết luận cuộc họp giao ban",
         "assignments": [
           {"code": "1", "kind": "general", "title": "Việc một", "leads": ["STTTT"], "partners": ["SNV"],
            "deadline": "2019-03-15", "urgent": true},
           {"code": "2", "kind": "budget", "title": "Việc hai", "leads": ["SKHDT", "STC"], "partners": [],
            "deadline": null, "urgent": false}]}
        """.formatted(number, signer);
  }

  private Job reportTimer(String followUpId) {
    return management.createJobQuery().processInstanceId(followUpId).activityId("StartEvent_ReportDue").timers()
        .singleResult();
  }

  private long reportTimerCount(String followUpId) {
    return management.createJobQuery().processInstanceId(followUpId).activityId("StartEvent_ReportDue").count();
  }

  private IssuedDocument onlyReport(String followUpId, int expectedCount) {
    List<IssuedDocument> reports = documents.listForProcessInstance(followUpId).stream()
        .filter(document -> document.title().startsWith("Báo cáo tình hình thực hiện")).toList();
    assertThat(reports).hasSize(expectedCount);
    return reports.get(expectedCount - 1);
  }

  private String pdfText(IssuedDocument document) throws Exception {
    DocumentFile file = documents.file(document.id(), DocumentFormat.PDF).orElseThrow();
    try (PDDocument pdf = Loader.loadPDF(file.content())) {
      // table cells and long lines wrap: compare on single spaces
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  private List<List<String>> docxTable(IssuedDocument document) throws Exception {
    DocumentFile file = documents.file(document.id(), DocumentFormat.DOCX).orElseThrow();
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file.content()))) {
      XWPFTable table = docx.getTables().stream()
          .filter(t -> t.getRow(0).getCell(0).getText().strip().equals("Mục")).findFirst().orElseThrow();
      List<List<String>> rows = new ArrayList<>();
      for (XWPFTableRow row : table.getRows()) {
        rows.add(row.getTableCells().stream().map(XWPFTableCell::getText).map(String::strip).toList());
      }
      return rows;
    }
  }

  private static List<String> row(List<List<String>> table, String code, String lead) {
    return table.stream().filter(row -> row.get(0).equals(code) && row.get(2).equals(lead)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + code + " / " + lead + " in " + table));
  }

  private void publish(JsonNode lines, String code, String lead, AssignmentStatus status, Instant at) {
    for (JsonNode line : lines) {
      if (line.get("code").asText().equals(code) && line.get("lead").asText().equals(lead)) {
        String leadId = (String) runtime.getVariable(line.get("processInstanceId").asText(),
            NoticeFollowUp.ASSIGNMENT_LEAD_ID);
        events.publishEvent(new AssignmentStatusChanged(leadId, status, at, null));
        return;
      }
    }
    throw new AssertionError("no line " + code + " / " + lead);
  }

  private String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).getFileName() == null) {
        Object content = parts.getBodyPart(i).getContent();
        if (content instanceof Multipart inner) {
          return (String) inner.getBodyPart(0).getContent();
        }
        return (String) content;
      }
    }
    throw new AssertionError("no text part");
  }

  private JsonNode body(String text) throws Exception {
    return json.readTree(text);
  }
}
