package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.gov.directives.security.ProcessAccess;

/** The REST API on the real application (engine, Flyway, H2, organisation, API filter), access rules mocked. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:document-api;MODE=LEGACY;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class DocumentControllerTest {

  @Autowired MockMvc mvc;
  @Autowired DocumentService documents;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @MockitoBean ProcessAccess access;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder as(String user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
    if (identity.createUserQuery().userId(user).count() == 0) {
      org.camunda.bpm.engine.identity.User created = identity.newUser(user);
      created.setPassword("matkhau-" + user);
      identity.saveUser(created);
    }
    return request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":matkhau-" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void listsAndDownloadsTheDocumentsOfAnInstanceAndItsSubProcessForAllowedUsersOnly() throws Exception {
    BpmnModelInstance child = Bpmn.createExecutableProcess("documentTestChild").camundaHistoryTimeToLive(1)
        .startEvent().userTask("work").endEvent().done();
    BpmnModelInstance parent = Bpmn.createExecutableProcess("documentTestParent").camundaHistoryTimeToLive(1)
        .startEvent().callActivity("call").calledElement("documentTestChild").endEvent().done();
    repository.createDeployment().addModelInstance("child.bpmn", child).addModelInstance("parent.bpmn", parent).deploy();
    ProcessInstance root = runtime.startProcessInstanceByKey("documentTestParent");
    String sub = runtime.createProcessInstanceQuery().superProcessInstanceId(root.getId()).singleResult().getId();

    IssuedDocument report = documents.issue(new DocumentRequest(root.getId(), "bao-cao-ket-qua-ra-soat", "STTTT",
        false, LocalDate.of(2019, 1, 4), DocumentFixtures.baoCao()));
    IssuedDocument submission = documents.issue(new DocumentRequest(sub, "to-trinh-ke-hoach", "STTTT", true,
        LocalDate.of(2019, 1, 5), DocumentFixtures.toTrinh()));

    // nobody logged in
    mvc.perform(get("/api/documents").param("processInstanceId", root.getId()))
        .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").exists());
    mvc.perform(get("/api/documents/" + submission.id() + "/pdf")).andExpect(status().isUnauthorized());

    // a user who does not work on the process
    when(access.canView(eq("outsider"), anyList(), any())).thenReturn(false);
    mvc.perform(as("outsider", get("/api/documents").param("processInstanceId", root.getId())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("không có quyền")));
    mvc.perform(as("outsider", get("/api/documents/" + submission.id() + "/pdf"))).andExpect(status().isForbidden());

    // a specialist of the root process: sees both, the sub-process's too
    when(access.canView(eq("specialist"), anyList(), eq(root.getId()))).thenReturn(true);
    mvc.perform(as("specialist", get("/api/documents").param("processInstanceId", root.getId())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].id").value(report.id()))
        .andExpect(jsonPath("$[0].number").doesNotExist())
        .andExpect(jsonPath("$[1].number").value("01/TTr-STTTT"))
        .andExpect(jsonPath("$[1].type").value("TO_TRINH"))
        .andExpect(jsonPath("$[1].issuedOn").value("2019-01-05"))
        .andExpect(jsonPath("$[1].title").value("Tờ trình về việc đề nghị phê duyệt " + DocumentFixtures.PLAN_TITLE))
        .andExpect(jsonPath("$[1].files[0].format").value("docx"))
        .andExpect(jsonPath("$[1].files[1].url").value("/api/documents/" + submission.id() + "/pdf"));

    byte[] expected = documents.file(submission.id(), DocumentFormat.PDF).orElseThrow().content();
    MvcResult pdf = mvc.perform(as("specialist", get("/api/documents/" + submission.id() + "/pdf")))
        .andExpect(status().isOk())
        // server.servlet.encoding.force in application.yaml appends ";charset=UTF-8" even to binary responses
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"To trinh 01-TTr-STTTT.pdf\"; "
            + "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%2001-TTr-STTTT.pdf"))
        .andReturn();
    assertThat(pdf.getResponse().getContentAsByteArray()).isEqualTo(expected);
    MvcResult docx = mvc.perform(as("specialist", get("/api/documents/" + submission.id() + "/docx")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(DocumentFormat.DOCX.contentType())))
        .andReturn();
    assertThat(DocumentFiles.docxText(docx.getResponse().getContentAsByteArray())).contains("Số: 01/TTr-STTTT");

    // unknown id, unknown format, path-looking ids: not found, never a file read
    mvc.perform(as("specialist", get("/api/documents/" + java.util.UUID.randomUUID() + "/pdf"))).andExpect(status().isNotFound());
    mvc.perform(as("specialist", get("/api/documents/" + submission.id() + "/exe"))).andExpect(status().isNotFound());
    mvc.perform(as("specialist", get("/api/documents/..%2F..%2Fetc%2Fpasswd/pdf")))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
    mvc.perform(as("specialist", get("/api/documents/etc.passwd/pdf"))).andExpect(status().isNotFound());
  }

  @Test
  void issuingADocumentLeavesNoLibraryChatterInTheLog_aLibraryWarningIsInTheApplicationsFormat(CapturedOutput output) {
    ProcessInstance instance = runtime.startProcessInstanceByKey("documentTestLogging");
    IssuedDocument report = documents.issue(new DocumentRequest(instance.getId(), "bao-cao-ket-qua-ra-soat", "STTTT",
        false, LocalDate.of(2019, 1, 4), DocumentFixtures.baoCao()));
    assertThat(documents.formats(report.id())).contains(DocumentFormat.PDF);
    // the PDF is typeset on its first request: that is when the library would speak
    assertThat(documents.file(report.id(), DocumentFormat.PDF)).isPresent();
    // what openhtmltopdf and PDFBox said for every PDF (six lines and a warning each, half of a node's log)
    assertThat(output.getAll()).doesNotContain("Prepare to fly", "Loading font", "parse stylesheets",
        "Matcher created", "fallback font");

    // what openhtmltopdf has to say that matters goes through the application's logging, with its pattern
    com.openhtmltopdf.util.XRLog.getLoggerImpl().log("com.openhtmltopdf.load", java.util.logging.Level.WARNING,
        "Không tải được ảnh logo.png");
    com.openhtmltopdf.util.XRLog.getLoggerImpl().log("com.openhtmltopdf.load", java.util.logging.Level.INFO,
        "TIME: tin thường lệ");
    assertThat(output.getAll()).containsPattern("WARN .*com\\.openhtmltopdf\\.load\\s*: Không tải được ảnh logo\\.png")
        .doesNotContain("tin thường lệ");
  }

  @Test
  void thePdfIsTypesetOnTheFirstDownloadStoredOnceAndServedAsStored_aDamagedOneAnswersAClearError() throws Exception {
    ProcessInstance instance = runtime.startProcessInstanceByKey("documentTestLogging");
    when(access.canView(eq("specialist"), anyList(), eq(instance.getId()))).thenReturn(true);
    IssuedDocument report = documents.issue(new DocumentRequest(instance.getId(), "bao-cao-ket-qua-ra-soat", "STTTT",
        false, LocalDate.of(2019, 1, 4), DocumentFixtures.baoCao()));
    String pdfRows = "SELECT COUNT(*) FROM document_file WHERE document_id = ? AND format = 'pdf'";
    assertThat(jdbc.queryForObject(pdfRows, Integer.class, report.id())).isZero();
    // the list offers the PDF before anyone has asked for it
    mvc.perform(as("specialist", get("/api/documents").param("processInstanceId", instance.getId())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].files[1].format").value("pdf"))
        .andExpect(jsonPath("$[0].files[1].url").value("/api/documents/" + report.id() + "/pdf"));

    byte[] first = mvc.perform(as("specialist", get("/api/documents/" + report.id() + "/pdf")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
            "filename=\"Bao cao (du thao) 04-01-2019.pdf\"")))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(DocumentFiles.flat(DocumentFiles.pdfText(first))).contains("Số: /BC-STTTT",
        "Sở Nội vụ", "UBND huyện An Lão");
    assertThat(jdbc.queryForObject(pdfRows, Integer.class, report.id())).isOne();
    byte[] second = mvc.perform(as("specialist", get("/api/documents/" + report.id() + "/pdf")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(second).isEqualTo(first);
    assertThat(jdbc.queryForObject(pdfRows, Integer.class, report.id())).isOne();

    // frozen content damaged in the database: a clear error in Vietnamese (English in brackets), nothing stored
    IssuedDocument damaged = documents.issue(new DocumentRequest(instance.getId(), "bao-cao-ket-qua-ra-soat",
        "STTTT", false, LocalDate.of(2019, 1, 4), DocumentFixtures.baoCao()));
    jdbc.update("UPDATE document_layout SET layout = ? WHERE document_id = ?",
        "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), damaged.id());
    mvc.perform(as("specialist", get("/api/documents/" + damaged.id() + "/pdf")))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.containsString("Nội dung văn bản được lưu bị hỏng"),
            org.hamcrest.Matchers.containsString("(the stored layout is not a readable DocumentLayout"))));
    assertThat(jdbc.queryForObject(pdfRows, Integer.class, damaged.id())).isZero();
    mvc.perform(as("specialist", get("/api/documents/" + damaged.id() + "/docx"))).andExpect(status().isOk());
  }

  @org.junit.jupiter.api.BeforeEach
  void deployLoggingProcess() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("documentTestLogging").count() == 0) {
      repository.createDeployment().addModelInstance("logging.bpmn", Bpmn.createExecutableProcess("documentTestLogging")
          .camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done()).deploy();
    }
  }
}
