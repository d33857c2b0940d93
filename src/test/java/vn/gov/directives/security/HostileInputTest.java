package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.document.DocumentException;
import vn.gov.directives.document.DocumentFormat;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.document.TemplateLibrary;
import vn.gov.directives.support.ProcessTestSupport;
import vn.gov.directives.support.TestMail;

/**
 * Hostile input against the running application over real HTTP (Tomcat, the filters, Jersey, the engine, H2, a
 * real SMTP server): every attack gets a clear 4xx in the API's shape, leaves nothing stored or started, and
 * executes nothing; what is accepted is printed literally everywhere it goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false",
    "app.portal.publish-url="})
@ActiveProfiles("demo")
class HostileInputTest {

  static final GreenMail MAIL = TestMail.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMail.pointMailAt(MAIL, registry);
  }

  @AfterAll
  static void stopMail() {
    MAIL.stop();
  }

  // Expression languages of the engine (JUEL ${} #{}), form-js/FEEL and our templates ({{}}), FreeMarker, Velocity
  static final String EXPRESSIONS = "${7*7} #{7*7} {{7*7}} {{noticeTitle}} <#assign x=7*7>${x} "
      + "${\"freemarker.template.utility.Execute\"?new()(\"id\")} #set($y=7*7)$y ${execution.setVariable('p',1)}";
  static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  static final String NUMBER = "77/TB-${7*7}#{1+1}{{7*7}}" + MARKUP;
  static final String WORK_TASK_NAME = "Thực hiện nhiệm vụ và báo cáo kết quả";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void setUp() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 26), LocalTime.of(10, 0));
  }

  @AfterEach
  void tearDown() {
    ProcessTestSupport.deleteRunningInstances(runtime);
    jdbc.update("DELETE FROM notice_assignment_lead");
    jdbc.update("DELETE FROM notice_assignment");
    jdbc.update("DELETE FROM notice");
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- injection and markup, end to end

  @Test
  void expressionsAndMarkupAreStoredAndPrintedLiterally_taskNamesFormValuesDocumentsAndEmails() throws Exception {
    String noticeTitle = "Kết luận " + EXPRESSIONS + " " + MARKUP;
    String firstTitle = "Nhiệm vụ một " + EXPRESSIONS;
    String secondTitle = "Nhiệm vụ hai " + MARKUP + " & 'nháy' \"kép\"";
    ObjectNode notice = notice(NUMBER, noticeTitle);
    notice.withArray("assignments").add(assignment("1", firstTitle, "STTTT", "2019-01-10"));
    notice.withArray("assignments").add(assignment("${7*7}", secondTitle, "SYT", "2019-01-10"));

    HttpResponse<String> created = post("/api/notices", "vpubnd-cv", notice.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode registration = json.readTree(created.body());
    String noticeId = registration.get("id").asText();

    // stored literally
    JsonNode listed = json.readTree(get("/api/notices", "vpubnd-cv").body());
    assertThat(listed.get(0).get("number").asText()).isEqualTo(NUMBER);
    assertThat(listed.get(0).get("title").asText()).isEqualTo(noticeTitle);

    // the engine: the business key and the task names carry the text as it was typed, nothing evaluated
    String sttttInstance = lead(registration, "1").get("processInstanceId").asText();
    String sytInstance = lead(registration, "${7*7}").get("processInstanceId").asText();
    Task sttttTask = tasks.createTaskQuery().processInstanceId(sttttInstance).singleResult();
    Task sytTask = tasks.createTaskQuery().processInstanceId(sytInstance).singleResult();
    assertThat(sttttTask.getName()).isEqualTo(WORK_TASK_NAME + " — TB " + NUMBER + ", mục 1");
    assertThat(sytTask.getName()).isEqualTo(WORK_TASK_NAME + " — TB " + NUMBER + ", mục ${7*7}");
    assertThat(runtime.getVariable(sttttInstance, "assignmentTitle")).isEqualTo(firstTitle);
    assertThat(runtime.getVariable(sttttInstance, "p")).as("${execution.setVariable(...)} ran").isNull();

    // a form value with the same payload, submitted through the REST API as Tasklist does
    String summary = "Đã thực hiện " + EXPRESSIONS + " " + MARKUP;
    HttpResponse<String> submitted = post("/engine-rest/task/" + sttttTask.getId() + "/submit-form", "stttt-cv",
        json.writeValueAsString(Map.of("variables", Map.of("workOutcome", Map.of("value", "report"),
            "resultSummary", Map.of("value", summary)))));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(runtime.getVariable(sttttInstance, "resultSummary")).isEqualTo(summary);
    Task approval = tasks.createTaskQuery().processInstanceId(sttttInstance).singleResult();
    assertThat(approval.getName()).endsWith(" — TB " + NUMBER + ", mục 1");

    // the documents: the progress report prints titles and number as typed (DOCX) and as text (PDF through HTML)
    HttpResponse<String> reported = post("/api/notices/" + noticeId + "/reports", "vpubnd-cv", "");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    IssuedDocument report = documents.find(json.readTree(reported.body()).get("id").asText()).orElseThrow();
    String docx = docxText(report);
    String pdf = pdfText(report);
    for (String text : List.of(docx, pdf)) {
      assertThat(text).contains("77/TB-${7*7}#{1+1}{{7*7}}<script>alert(1)</script>", "${7*7} #{7*7} {{7*7}}",
          "{{noticeTitle}}", "<#assign x=7*7>${x}", "#set($y=7*7)$y", "?new()", "<img src=x onerror=alert(2)>",
          "& 'nháy' \"kép\"", "Nhiệm vụ một", "Nhiệm vụ hai")
          .doesNotContain("Kết luận 49", "mục 49", "#{2}");
    }

    // the e-mails: the report (plain text, subject with the number) ...
    MimeMessage reportMail = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Báo cáo tình hình")).findFirst().orElseThrow();
    assertThat(subject(reportMail)).contains(NUMBER);
    // ... and the reminders (HTML): the task name is escaped, never markup
    ProcessTestSupport.clock(LocalDate.of(2019, 1, 9), LocalTime.of(8, 0));
    ProcessTestSupport.runDueJobs(management);
    List<MimeMessage> reminders = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).startsWith("[Nhắc việc]")).toList();
    assertThat(reminders).isNotEmpty();
    for (MimeMessage reminder : reminders) {
      String raw = GreenMailUtil.getWholeMessage(reminder);
      String decoded = decodedParts(reminder);
      assertThat(subject(reminder)).contains(NUMBER);
      assertThat(decoded).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
          .contains("77/TB-${7*7}#{1+1}{{7*7}}");
      assertThat(decoded.replace(NUMBER, "")).doesNotContain("<script", "<img");
      assertThat(raw).isNotEmpty();
    }
  }

  // ---------------------------------------------------------------- size, encoding, JSON shape

  @Test
  void oversizedBodiesAndFields_areRefusedAndNothingIsStored() throws Exception {
    // 1.5 MB: over the 1 MB limit, and small enough for Tomcat to drain after answering
    String padding = "x".repeat(1536 * 1024);
    ObjectNode big = valid("88/TB-UBND");
    big.put("title", padding);
    HttpResponse<String> declared = postExpectingContinue("/api/notices", big.toString());
    assertApiError(declared, 413, "quá lớn");

    // the same without Content-Length (chunked): counted while read
    HttpResponse<String> chunked = freshClient().send(authorized(HttpRequest.newBuilder(uri("/api/notices")), "vpubnd-cv")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertApiError(chunked, 413, "quá lớn");

    // the engine's REST API has its own limit
    HttpResponse<String> engine = postExpectingContinue("/engine-rest/task/count",
        "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}");
    assertThat(engine.statusCode()).isEqualTo(413);

    // per-field limits, in Vietnamese, all problems at once
    ObjectNode longFields = valid("88/TB-UBND");
    longFields.put("title", "t".repeat(1001));
    longFields.put("number", "9".repeat(81));
    ((ObjectNode) longFields.withArray("assignments").get(0)).put("title", "n".repeat(1001));
    HttpResponse<String> fields = post("/api/notices", "vpubnd-cv", longFields.toString());
    assertApiError(fields, 400, "Trích yếu dài quá 1000 ký tự");
    assertThat(fields.body()).contains("Số thông báo dài quá 80 ký tự", "Nội dung nhiệm vụ dài quá 1000 ký tự");
    assertNothingRegistered();
  }

  @Test
  void malformedJson_nestingEncodingControlsDatesNumbersDuplicatesUnknownFields_400InVietnamese() throws Exception {
    Map<String, String> attacks = new java.util.LinkedHashMap<>();
    attacks.put("{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "lồng nhau quá sâu");
    attacks.put(valid("89/TB-UBND").put("title", "Có NUL \u0000 ở giữa").toString(), "ký tự điều khiển");
    attacks.put(valid("89/TB-UBND").put("title", "Thoát \u001b[2J màn hình").toString(), "ký tự điều khiển");
    attacks.put(valid("89/TB-UBND").put("signer", "Nguyễn\nPhi Long").toString(), "không được xuống dòng");
    attacks.put(valid("89/TB-UBND").put("title", "Đảo chiều \u202e gnáht").toString(), "đổi chiều văn bản");
    attacks.put(valid("89/TB-UBND").toString().replace("\"Kết luận\"", "\"Nửa cặp \\ud800\""), "Unicode không hợp lệ");
    attacks.put(valid("89/TB-UBND").put("issuedOn", "2019-02-30").toString(), "ngày phải có thật");
    attacks.put(valid("89/TB-UBND").put("meetingDate", "2018-13-01").toString(), "ngày phải có thật");
    attacks.put(valid("89/TB-UBND").toString().replace("\"89/TB-UBND\"", "1e999999"), "phải là một chuỗi");
    attacks.put(valid("89/TB-UBND").toString().replace("\"urgent\":false", "\"urgent\":" + "9".repeat(400)),
        "dài quá 50 chữ số");
    attacks.put(valid("89/TB-UBND").toString().replace("\"urgent\":false", "\"urgent\":1"), "true hoặc false");
    attacks.put(valid("89/TB-UBND").toString().replace("{\"number\"", "{\"title\":\"khác\",\"number\""),
        "Khóa JSON bị lặp");
    attacks.put(valid("89/TB-UBND").put("deadLine", "2019-01-10").toString(), "Trường không được hỗ trợ: 'deadLine'");
    attacks.put(valid("89/TB-UBND") + "{}", "JSON hợp lệ");
    attacks.put("[]", "đối tượng JSON");
    for (Map.Entry<String, String> attack : attacks.entrySet()) {
      HttpResponse<String> answer = post("/api/notices", "vpubnd-cv", attack.getKey());
      assertApiError(answer, 400, attack.getValue());
    }

    // invalid UTF-8: a lone continuation byte and an overlong encoding of '/' inside the title
    for (byte[] bad : List.of(new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
      byte[] body = valid("89/TB-UBND").toString().replace("Kết luận", "@@").getBytes(StandardCharsets.UTF_8);
      byte[] withBad = replace(body, "@@".getBytes(StandardCharsets.UTF_8), bad);
      HttpResponse<String> answer = http.send(authorized(HttpRequest.newBuilder(uri("/api/notices")), "vpubnd-cv")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(withBad)).build(), HttpResponse.BodyHandlers.ofString());
      assertApiError(answer, 400, "UTF-8");
    }
    assertNothingRegistered();

    // the deadline endpoint reads its body as strictly
    HttpResponse<String> registered = post("/api/notices", "vpubnd-cv", valid("90/TB-UBND").toString());
    String id = json.readTree(registered.body()).get("id").asText();
    String deadline = "/api/notices/" + id + "/assignments/1/deadline";
    String dueBefore = jdbc.queryForObject("SELECT CAST(due_on AS VARCHAR(20)) FROM notice_assignment_lead", String.class);
    assertApiError(put(deadline, "{\"deadline\":\"2019-02-01\",\"urgent\":true}"), 400, "'urgent'");
    assertApiError(put(deadline, "{\"deadline\":\"2019-02-01\",\"deadline\":\"2019-03-01\"}"), 400, "bị lặp");
    assertApiError(put(deadline, "{\"deadline\":20190201}"), 400, "yyyy-MM-dd");
    assertApiError(put(deadline, "{\"deadline\":\"2019-02-29\"}"), 400, "ngày phải có thật");
    assertApiError(put(deadline, "{\"deadline\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400, "quá sâu");
    assertThat(jdbc.queryForObject("SELECT CAST(due_on AS VARCHAR(20)) FROM notice_assignment_lead", String.class))
        .as("no deadline was changed by a refused request").isEqualTo(dueBefore).isEqualTo("2019-01-10");
  }

  @Test
  void unknownAddressesAndMethods_answeredInTheApiShape_camundaRestKeepsItsOwnLenientJackson() throws Exception {
    assertApiError(get("/api/khong-co", "vpubnd-cv"), 404, "Không có địa chỉ này");
    assertApiError(get("/api/notices/" + UUID.randomUUID() + "/progress", "vpubnd-cv"), 404, "Không tìm thấy");
    HttpResponse<String> delete = http.send(authorized(HttpRequest.newBuilder(uri("/api/notices")), "vpubnd-cv")
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertApiError(delete, 405, "không được hỗ trợ");
    // Camunda's REST API is configured by Camunda (unknown properties ignored there), not by spring.jackson.*
    HttpResponse<String> count = post("/engine-rest/task/count", "vpubnd-cv", "{\"unknownProperty\":1}");
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- documents: traversal and guessing

  @Test
  void pathTraversalAndGuessedDocumentIds_neverReadAFileNorAnotherAgencysDocument() throws Exception {
    HttpResponse<String> registered = post("/api/notices", "vpubnd-cv", valid("91/TB-UBND").toString());
    String noticeId = json.readTree(registered.body()).get("id").asText();
    String first = json.readTree(post("/api/notices/" + noticeId + "/reports", "vpubnd-cv", "").body())
        .get("id").asText();
    String second = json.readTree(post("/api/notices/" + noticeId + "/reports", "vpubnd-cv", "").body())
        .get("id").asText();
    assertThat(get("/api/documents/" + first + "/pdf", "vpubnd-cv").statusCode()).isEqualTo(200);

    List<String> traversals = List.of(
        "/api/documents/../../etc/passwd",
        "/api/documents/../../../../etc/passwd/pdf",
        "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd/pdf",
        "/api/documents/%2e%2e/%2e%2e/%2e%2e/etc/passwd/pdf",
        "/api/documents/%252e%252e%252f%252e%252e%252fetc%252fpasswd/pdf",
        "/api/documents/..%5c..%5c..%5cetc%5cpasswd/pdf",
        "/api/documents/....//....//etc/passwd/pdf",
        "/api/documents/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd/pdf",
        "/api/documents/" + first + "/..%2f..%2f..%2fpom.xml",
        "/api/documents/" + first + "/..",
        "/api/documents/file:%2F%2F%2Fetc%2Fpasswd/pdf",
        "/api/documents/" + first + ";jsessionid=x/pdf%00.docx");
    for (String path : traversals) {
      HttpResponse<String> answer = rawGet(path, "vpubnd-cv");
      assertThat(answer.statusCode()).as(path + " → " + answer.body()).isIn(400, 404);
      assertThat(answer.body()).as(path).doesNotContain("root:", "<project", "%PDF", "Exception", "at org.");
    }
    // template names are names, never paths
    TemplateLibrary library = new TemplateLibrary(Files.createTempDirectory("templates"));
    for (String name : List.of("../../../etc/passwd", "..\\to-trinh-ke-hoach", "/etc/passwd", "phieu-trinh/../x")) {
      assertThatThrownBy(() -> library.load(name)).isInstanceOf(DocumentException.class)
          .hasMessageContaining("Tên mẫu văn bản không hợp lệ");
    }

    // ids are random (version 4 UUIDs), nothing to count up from ...
    for (String id : List.of(first, second)) {
      assertThat(UUID.fromString(id).version()).isEqualTo(4);
    }
    assertThat(first.substring(0, 8)).isNotEqualTo(second.substring(0, 8));
    // ... a guess is "not found", and a real id of another agency's dossier is still refused
    UUID guess = UUID.fromString(second);
    String next = new UUID(guess.getMostSignificantBits(), guess.getLeastSignificantBits() + 1).toString();
    assertApiError(get("/api/documents/" + next + "/pdf", "vpubnd-cv"), 404, "Không tìm thấy văn bản");
    assertApiError(get("/api/documents/" + first + "/pdf", "sgddt-cv"), 403, "không có quyền");
    assertApiError(get("/api/documents?processInstanceId="
        + json.readTree(registered.body()).get("processInstanceId").asText(), "sgddt-cv"), 403, "không có quyền");
  }

  // ---------------------------------------------------------------- Java serialization through the REST API

  @Test
  void javaSerializedVariables_areRefusedByTheRestApi_andNothingIsSet() throws Exception {
    String instance = startSimpleNotice("92/TB-UBND");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.of("gadget")));
    }
    String serialized = Base64.getEncoder().encodeToString(bytes.toByteArray());
    Map<String, Object> variable = Map.of("value", serialized, "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/x-java-serialized-object"));

    HttpResponse<String> single = http.send(authorized(HttpRequest.newBuilder(
            uri("/engine-rest/process-instance/" + instance + "/variables/gadget")), "demo")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(variable))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(single.statusCode()).as(single.body()).isEqualTo(400);
    assertThat(json.readTree(single.body()).get("message").asText()).contains("Không nhận biến kiểu đối tượng Java");
    HttpResponse<String> modification = post("/engine-rest/process-instance/" + instance + "/variables", "demo",
        json.writeValueAsString(Map.of("modifications", Map.of("gadget", variable))));
    assertThat(modification.statusCode()).as(modification.body()).isEqualTo(400);
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    HttpResponse<String> viaForm = post("/engine-rest/task/" + task.getId() + "/submit-form", "demo",
        json.writeValueAsString(Map.of("variables", Map.of("workOutcome", Map.of("value", "report"),
            "resultSummary", Map.of("value", "xong"), "gadget", variable))));
    assertThat(viaForm.statusCode()).as(viaForm.body()).isEqualTo(400);

    assertThat(runtime.getVariable(instance, "gadget")).isNull();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task was not completed").isOne();
  }

  // ---------------------------------------------------------------- double submits

  @Test
  void concurrentDoubleSubmitOfATaskForm_completesItOnce_theOtherGets409() throws Exception {
    String instance = startSimpleNotice("93/TB-UBND");
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    String body = json.writeValueAsString(Map.of("variables", Map.of("workOutcome", Map.of("value", "report"),
        "resultSummary", Map.of("value", "Đã hoàn thành"))));

    List<HttpResponse<String>> answers = concurrently(2,
        () -> post("/engine-rest/task/" + task.getId() + "/submit-form", "stttt-cv", body));
    assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).as(answers.toString())
        .containsExactly(204, 409);
    HttpResponse<String> conflict = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertThat(json.readTree(conflict.body()).get("message").asText()).contains("đã được hoàn thành");
    // a late third submit gets the same answer
    HttpResponse<String> late = post("/engine-rest/task/" + task.getId() + "/submit-form", "stttt-cv", body);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    HttpResponse<String> lateComplete = post("/engine-rest/task/" + task.getId() + "/complete", "stttt-cv", body);
    assertThat(lateComplete.statusCode()).as(lateComplete.body()).isEqualTo(409);
    // a task that never existed is not a conflict
    assertThat(post("/engine-rest/task/" + UUID.randomUUID() + "/submit-form", "stttt-cv", body).statusCode())
        .isNotEqualTo(409);

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count()).isOne();
    assertThat(tasks.createTaskQuery().processInstanceId(instance).list()).singleElement()
        .satisfies(next -> assertThat(next.getName()).startsWith("Phê duyệt báo cáo kết quả"));
  }

  @Test
  void concurrentRegistrationOfTheSameNotice_one201_one409_oneNoticeStored() throws Exception {
    String body = valid("94/TB-UBND").toString();
    List<HttpResponse<String>> answers = concurrently(2, () -> post("/api/notices", "vpubnd-cv", body));
    assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).as(answers.toString())
        .containsExactly(201, 409);
    HttpResponse<String> conflict = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    assertApiError(conflict, 409, "đã được đăng ký");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice", Integer.class)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("notice-follow-up").count()).isOne();
  }

  // ---------------------------------------------------------------- helpers

  /** Starts a notice with one general assignment for Sở TT&TT; answers the called process's instance. */
  private String startSimpleNotice(String number) throws Exception {
    HttpResponse<String> created = post("/api/notices", "vpubnd-cv", valid(number).toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return lead(json.readTree(created.body()), "1").get("processInstanceId").asText();
  }

  private ObjectNode valid(String number) {
    ObjectNode notice = notice(number, "Kết luận");
    notice.withArray("assignments").add(assignment("1", "Thực hiện nhiệm vụ", "STTTT", "2019-01-10"));
    return notice;
  }

  private ObjectNode notice(String number, String title) {
    ObjectNode notice = json.createObjectNode();
    notice.put("number", number);
    notice.put("issuedOn", "2018-12-26");
    notice.put("issuer", "UBND");
    notice.put("meetingDate", "2018-12-25");
    notice.put("signer", "Nguyễn Phi Long");
    notice.put("title", title);
    notice.putArray("assignments");
    return notice;
  }

  private ObjectNode assignment(String code, String title, String lead, String deadline) {
    ObjectNode assignment = json.createObjectNode();
    assignment.put("code", code);
    assignment.put("kind", "general");
    assignment.put("title", title);
    ((ArrayNode) assignment.putArray("leads")).add(lead);
    assignment.putArray("partners");
    assignment.put("deadline", deadline);
    assignment.put("urgent", false);
    return assignment;
  }

  private static JsonNode lead(JsonNode registration, String code) {
    for (JsonNode line : registration.get("assignments")) {
      if (line.get("code").asText().equals(code)) {
        return line;
      }
    }
    throw new AssertionError("no line " + code + " in " + registration);
  }

  private void assertNothingRegistered() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_assignment_lead", Integer.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }

  /** The API's error shape, a Vietnamese message containing the words expected, and nothing internal. */
  private void assertApiError(HttpResponse<String> answer, int status, String expected) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode errors = json.readTree(answer.body()).get("errors");
    assertThat(errors).as(answer.body()).isNotNull();
    assertThat(errors.isArray()).isTrue();
    assertThat(errors).allSatisfy(error -> {
      assertThat(error.has("field")).isTrue();
      assertThat(error.get("message").asText()).isNotBlank();
    });
    assertThat(answer.body()).contains(expected)
        .doesNotContain("Exception", "\tat ", "at org.", "at vn.", "SQL", "jdbc", "com.fasterxml");
  }

  private List<HttpResponse<String>> concurrently(int count, Callable<HttpResponse<String>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String user) {
    return builder.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(authorized(HttpRequest.newBuilder(uri(path)), user).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return http.send(authorized(HttpRequest.newBuilder(uri(path)), user)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A 413 closes its connection: an oversized request gets its own client, so no other reuses that connection. */
  private static HttpClient freshClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * As a careful client sends a large body: it declares the length, asks "Expect: 100-continue" and waits. The server
   * must answer 413 from the headers alone; the body is never sent, so no race with the server closing the connection
   * (sending it anyway, as the JDK client does after a while, made the answer get lost in a TCP reset under load).
   */
  private HttpResponse<String> postExpectingContinue(String path, String body) throws Exception {
    long length = body.getBytes(StandardCharsets.UTF_8).length;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      String auth = Base64.getEncoder().encodeToString("vpubnd-cv:demo".getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nContent-Length: " + length
          + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return RawResponse.read(socket.getInputStream());
    }
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return http.send(authorized(HttpRequest.newBuilder(uri(path)), "vpubnd-cv")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A GET with the path sent byte for byte as written (no client-side normalisation of "..", no re-encoding), over
   * a plain socket, as an attacker's tool would send it.
   */
  private HttpResponse<String> rawGet(String path, String user) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return RawResponse.read(socket.getInputStream());
    }
  }

  private record RawResponse(int statusCode, String body, Map<String, List<String>> headerMap)
      implements HttpResponse<String> {

    /** Reads one HTTP/1.1 answer up to the server's close (the requests say "Connection: close"); 100 is skipped. */
    static RawResponse read(java.io.InputStream in) throws java.io.IOException {
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      while (response.startsWith("HTTP/1.1 100")) {
        response = response.substring(response.indexOf("\r\n\r\n") + 4);
      }
      int status = Integer.parseInt(response.substring(9, 12));
      int headEnd = response.indexOf("\r\n\r\n");
      Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : response.substring(0, headEnd < 0 ? response.length() : headEnd).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new java.util.ArrayList<>())
              .add(line.substring(colon + 1).trim());
        }
      }
      String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
      if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (true) {
          int lineEnd = body.indexOf("\r\n", at);
          int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
          if (size == 0) {
            break;
          }
          joined.append(body, lineEnd + 2, lineEnd + 2 + size);
          at = lineEnd + 2 + size + 2;
        }
        body = joined.toString();
      }
      return new RawResponse(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
          headers);
    }

    @Override public HttpRequest request() { return null; }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(headerMap, (a, b) -> true); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
    @Override public URI uri() { return null; }
    @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
  }

  private static byte[] replace(byte[] in, byte[] marker, byte[] with) {
    String text = new String(in, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(in, 0, at);
    out.write(with, 0, with.length);
    out.write(in, at + marker.length, in.length - at - marker.length);
    return out.toByteArray();
  }

  private String docxText(IssuedDocument document) throws Exception {
    byte[] docx = documents.file(document.id(), DocumentFormat.DOCX).orElseThrow().content();
    try (XWPFDocument opened = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(opened)) {
      return extractor.getText().replaceAll("\\s+", " ");
    }
  }

  private String pdfText(IssuedDocument document) throws Exception {
    return ProcessTestSupport.pdfText(documents, List.of(document), document.type());
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text and HTML parts as their recipients' mail programs decode them. */
  private static String decodedParts(MimeMessage message) throws Exception {
    StringBuilder out = new StringBuilder();
    collect(message.getContent(), out);
    return out.toString();
  }

  private static void collect(Object content, StringBuilder out) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i).getContent(), out);
      }
    } else if (content instanceof String text) {
      out.append(text).append('\n');
    }
  }
}
