package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.support.TestDatabase;

/** The service on a real database (H2 in the app's LEGACY mode, schema by the Flyway migration), no Spring context. */
class DocumentServiceTest {

  @TempDir
  Path templateDir;

  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;
  private JdbcTransactionManager transactions;
  private final OrganizationDirectory organization = mock(OrganizationDirectory.class);

  @BeforeEach
  void database() throws Exception {
    // H2 in memory, or PostgreSQL with -Dtest.database=postgres
    dataSource = TestDatabase.dataSource("documents-" + UUID.randomUUID());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("product_schema_history")
        .load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    transactions = new JdbcTransactionManager(dataSource);
    when(organization.agency(eq("STTTT"), any())).thenReturn(DocumentFixtures.STTTT);
    when(organization.agency(eq("UBND"), any())).thenReturn(DocumentFixtures.UBND);
    when(organization.agency(eq("VPUBND"), any())).thenReturn(DocumentFixtures.VPUBND);
    // a one-paragraph notice keeps the concurrency test about the register, not about rendering speed
    Files.writeString(templateDir.resolve("thong-bao-ngan.yaml"), """
        type: THONG_BAO
        summary: "Thông báo {{subject}}"
        body:
          - "Nội dung {{subject}}./."
        """);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  private DefaultDocumentService service(NumberRegister.Numbering numbering) {
    return service(numbering, new PdfRenderer());
  }

  private DefaultDocumentService service(NumberRegister.Numbering numbering, PdfRenderer pdf) {
    ProcessTree tree = new ProcessTree() {
      @Override
      public List<String> withDescendants(String id) {
        return id.equals("parent") ? List.of("parent", "child") : List.of(id);
      }

      @Override
      public List<String> withAncestors(String id) {
        return List.of(id);
      }
    };
    return new DefaultDocumentService(new TemplateLibrary(templateDir), organization,
        new NumberRegister(jdbc, transactions, numbering), new DocumentStore(jdbc), tree, transactions, pdf);
  }

  private int storedPdfs(String documentId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM document_file WHERE document_id = ? AND format = 'pdf'",
        Integer.class, documentId);
  }

  private static DocumentRequest toTrinh(String instance, LocalDate day) {
    return new DocumentRequest(instance, "to-trinh-ke-hoach", "STTTT", true, day, DocumentFixtures.toTrinh());
  }

  @Test
  void numbersFollowEachOtherAndRestartAt01OnTheFirstOfJanuary() {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    IssuedDocument first = service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5)));
    IssuedDocument second = service.issue(toTrinh("p1", LocalDate.of(2019, 12, 31)));
    IssuedDocument nextYear = service.issue(toTrinh("p1", LocalDate.of(2020, 1, 2)));
    assertThat(first.number()).isEqualTo("01/TTr-STTTT");
    assertThat(second.number()).isEqualTo("02/TTr-STTTT");
    assertThat(nextYear.number()).isEqualTo("01/TTr-STTTT");
    assertThat(first.type()).isEqualTo("TO_TRINH");
    assertThat(first.title()).isEqualTo("Tờ trình về việc đề nghị phê duyệt " + DocumentFixtures.PLAN_TITLE);
    // drafts take no number and do not use one up
    IssuedDocument draft = service.issue(new DocumentRequest("p1", "bao-cao-ket-qua-ra-soat", "STTTT", false,
        LocalDate.of(2019, 1, 5), DocumentFixtures.baoCao()));
    assertThat(draft.number()).isNull();
    // another type has its own series; another agency too
    IssuedDocument decision = service.issue(new DocumentRequest("p1", "quyet-dinh-phe-duyet-ke-hoach", "UBND", true,
        LocalDate.of(2019, 1, 10), DocumentFixtures.quyetDinh()));
    assertThat(decision.number()).isEqualTo("01/QĐ-UBND");
    assertThat(service.issue(toTrinh("p1", LocalDate.of(2019, 2, 1))).number()).isEqualTo("03/TTr-STTTT");
  }

  @Test
  void aSharedSeriesNumbersEveryTypeOfTheAgencyTogether() {
    DefaultDocumentService service = service(NumberRegister.Numbering.SHARED);
    assertThat(service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5))).number()).isEqualTo("01/TTr-STTTT");
    IssuedDocument notice = service.issue(new DocumentRequest("p1", "thong-bao-ngan", "STTTT", true,
        LocalDate.of(2019, 1, 6), Map.of("subject", "họp")));
    assertThat(notice.number()).isEqualTo("02/TB-STTTT");
  }

  @Test
  void storedFilesAreListedAndDownloadableForTheInstanceAndItsSubProcesses() throws Exception {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    IssuedDocument report = service.issue(new DocumentRequest("parent", "bao-cao-ket-qua-ra-soat", "STTTT", false,
        LocalDate.of(2019, 1, 4), DocumentFixtures.baoCao()));
    IssuedDocument submission = service.issue(toTrinh("child", LocalDate.of(2019, 1, 5)));
    service.issue(toTrinh("unrelated", LocalDate.of(2019, 1, 5)));

    assertThat(service.listForProcessInstance("parent")).extracting(IssuedDocument::id)
        .containsExactly(report.id(), submission.id());
    assertThat(service.find(submission.id())).contains(submission);
    assertThat(service.formats(submission.id())).containsExactly(DocumentFormat.DOCX, DocumentFormat.PDF);
    DocumentFile pdf = service.file(submission.id(), DocumentFormat.PDF).orElseThrow();
    assertThat(pdf.fileName()).isEqualTo("Tờ trình 01-TTr-STTTT.pdf");
    assertThat(DocumentFiles.flat(DocumentFiles.pdfText(pdf.content()))).contains("Số: 01/TTr-STTTT");
    DocumentFile docx = service.file(submission.id(), DocumentFormat.DOCX).orElseThrow();
    assertThat(DocumentFiles.docxText(docx.content())).contains("Số: 01/TTr-STTTT");
    assertThat(service.file(report.id(), DocumentFormat.PDF).orElseThrow().fileName())
        .isEqualTo("Báo cáo (dự thảo) 04-01-2019.pdf");
    assertThat(service.find("../../etc/passwd")).isEmpty();
    assertThat(service.find(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void aRolledBackStepGivesTheNumberBackAndLeavesNoDocument() {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5)));
    TransactionTemplate processStep = new TransactionTemplate(transactions);
    processStep.executeWithoutResult(status -> {
      assertThat(service.issue(toTrinh("p2", LocalDate.of(2019, 1, 6))).number()).isEqualTo("02/TTr-STTTT");
      status.setRollbackOnly(); // e.g. the engine's command failed after the delegate ran
    });
    assertThat(service.listForProcessInstance("p2")).isEmpty();
    assertThat(service.issue(toTrinh("p3", LocalDate.of(2019, 1, 7))).number()).isEqualTo("02/TTr-STTTT");
  }

  @Test
  void badRequestsFailClearlyAndTouchNothing() {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    Map<String, Object> values = DocumentFixtures.toTrinh();
    values.remove("planTitle");
    assertThatThrownBy(() -> service.issue(new DocumentRequest("p1", "to-trinh-ke-hoach", "STTTT", true,
        LocalDate.of(2019, 1, 5), values))).hasMessageContaining("{{planTitle}}");
    assertThatThrownBy(() -> service.issue(new DocumentRequest("p1", "phieu-trinh", "VPUBND", true,
        LocalDate.of(2019, 1, 5), DocumentFixtures.phieuTrinh()))).hasMessageContaining("không cấp số");
    assertThatThrownBy(() -> service.issue(new DocumentRequest(null, "to-trinh-ke-hoach", "STTTT", true, null,
        DocumentFixtures.toTrinh()))).hasMessageContaining("processInstanceId, issuedOn");
    assertThatThrownBy(() -> service.issue(new DocumentRequest("p1", "khong-co-mau", "STTTT", true,
        LocalDate.of(2019, 1, 5), Map.of()))).hasMessageContaining("khong-co-mau");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_register", Integer.class)).isZero();
    assertThat(service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5))).number()).isEqualTo("01/TTr-STTTT");
  }

  @Test
  void fiftyDocumentsIssuedAtTheSameInstantGetNumbers01To50WithoutGapOrRepeat() throws Exception {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    int count = 50;
    // 50 threads share 10 connections and the register's row lock serialises them: on a loaded machine the last
    // one may wait longer than Hikari's default 30 s for a connection, which is not what this test is about
    dataSource.setConnectionTimeout(180_000);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        int n = i;
        Callable<String> issue = () -> {
          start.await();
          return service.issue(new DocumentRequest("p" + n, "thong-bao-ngan", "STTTT", true, LocalDate.of(2019, 1, 5),
              Map.of("subject", "số " + n))).number();
        };
        results.add(pool.submit(issue));
      }
      start.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<String> result : results) {
        numbers.add(result.get());
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(
          IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%02d/TB-STTTT", i)).toList());
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT last_number FROM document_register", Integer.class)).isEqualTo(count);
  }

  @Test
  void aPdfIsTypesetOnFirstRequestFromTheContentFrozenAtIssueThenStoredAndServedAsStored() throws Exception {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    IssuedDocument submission = service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5)));
    // issued: the DOCX and the frozen content are stored, the PDF is not typeset yet but is offered
    assertThat(storedPdfs(submission.id())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_layout WHERE document_id = ?", Integer.class,
        submission.id())).isOne();
    assertThat(service.formats(submission.id())).containsExactly(DocumentFormat.DOCX, DocumentFormat.PDF);

    DocumentFile first = service.file(submission.id(), DocumentFormat.PDF).orElseThrow();
    assertThat(first.fileName()).isEqualTo("Tờ trình 01-TTr-STTTT.pdf");
    assertThat(DocumentFiles.flat(DocumentFiles.pdfText(first.content()))).contains("Số: 01/TTr-STTTT",
        "Bình Định, ngày 05 tháng 01 năm 2019", DocumentFixtures.PLAN_TITLE);
    assertThat(storedPdfs(submission.id())).isOne();
    // from now on the stored file, byte for byte (a PDF typeset again would carry another ID and date)
    assertThat(service.file(submission.id(), DocumentFormat.PDF).orElseThrow().content()).isEqualTo(first.content());
    assertThat(jdbc.queryForObject("SELECT content FROM document_file WHERE document_id = ? AND format = 'pdf'",
        byte[].class, submission.id())).isEqualTo(first.content());
    assertThat(service.formats(submission.id())).containsExactly(DocumentFormat.DOCX, DocumentFormat.PDF);
    assertThat(service.file(UUID.randomUUID().toString(), DocumentFormat.PDF)).isEmpty();
  }

  @Test
  void twoFirstRequestsAtTheSameMomentStoreOnePdfAndBothGetIt() throws Exception {
    int requests = 4;
    // every request has typeset the PDF before any stores it: the race the insert must tolerate, every time
    CyclicBarrier allTypeset = new CyclicBarrier(requests);
    PdfRenderer real = new PdfRenderer();
    PdfRenderer racing = mock(PdfRenderer.class);
    when(racing.render(any())).thenAnswer(call -> {
      byte[] pdf = real.render(call.getArgument(0));
      allTypeset.await(60, TimeUnit.SECONDS);
      return pdf;
    });
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE, racing);
    IssuedDocument report = service.issue(new DocumentRequest("p1", "thong-bao-ngan", "STTTT", true,
        LocalDate.of(2019, 1, 5), Map.of("subject", "họp giao ban")));
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<byte[]>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(pool.submit(() -> service.file(report.id(), DocumentFormat.PDF).orElseThrow().content()));
      }
      List<byte[]> contents = new ArrayList<>();
      for (Future<byte[]> answer : answers) {
        contents.add(answer.get(120, TimeUnit.SECONDS));
      }
      assertThat(storedPdfs(report.id())).isOne();
      byte[] stored = jdbc.queryForObject("SELECT content FROM document_file WHERE document_id = ? AND format = 'pdf'",
          byte[].class, report.id());
      assertThat(contents).allSatisfy(content -> assertThat(content).isEqualTo(stored));
      verify(racing, times(requests)).render(any());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPdfStoredByAnotherRequestWhileAProcessStepTypesetItLeavesTheStepsTransactionUsable() {
    DefaultDocumentService[] other = new DefaultDocumentService[1];
    String[] id = new String[1];
    PdfRenderer real = new PdfRenderer();
    PdfRenderer overtaken = mock(PdfRenderer.class);
    when(overtaken.render(any())).thenAnswer(call -> {
      // another user downloads the PDF (and it is stored, committed) while this step is still typesetting
      ExecutorService otherUser = Executors.newSingleThreadExecutor();
      try {
        otherUser.submit(() -> other[0].file(id[0], DocumentFormat.PDF)).get(60, TimeUnit.SECONDS);
      } finally {
        otherUser.shutdown();
      }
      return real.render(call.getArgument(0));
    });
    other[0] = service(NumberRegister.Numbering.PER_TYPE);
    DefaultDocumentService step = service(NumberRegister.Numbering.PER_TYPE, overtaken);
    id[0] = step.issue(toTrinh("p1", LocalDate.of(2019, 1, 5))).id();
    byte[] stored = new TransactionTemplate(transactions).execute(status -> {
      byte[] content = step.file(id[0], DocumentFormat.PDF).orElseThrow().content();
      // the failed insert was undone to its savepoint: on PostgreSQL the transaction would be aborted otherwise
      assertThat(step.issue(toTrinh("p1", LocalDate.of(2019, 1, 6))).number()).isEqualTo("02/TTr-STTTT");
      return content;
    });
    assertThat(storedPdfs(id[0])).isOne();
    assertThat(stored).isEqualTo(other[0].file(id[0], DocumentFormat.PDF).orElseThrow().content());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isEqualTo(2);
  }

  @Test
  void aDocumentIssuedAndMailedInOneStepHasItsPdf_aRolledBackStepLeavesNoPdf() throws Exception {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    TransactionTemplate step = new TransactionTemplate(transactions);
    // as a notice report does: issue, then read the PDF to attach it, in the job's transaction
    String kept = step.execute(status -> {
      IssuedDocument document = service.issue(toTrinh("p1", LocalDate.of(2019, 1, 5)));
      assertThat(service.file(document.id(), DocumentFormat.PDF)).isPresent();
      return document.id();
    });
    assertThat(storedPdfs(kept)).isOne();
    step.executeWithoutResult(status -> {
      IssuedDocument document = service.issue(toTrinh("p2", LocalDate.of(2019, 1, 6)));
      assertThat(service.file(document.id(), DocumentFormat.PDF)).isPresent();
      status.setRollbackOnly();
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_file", Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_layout", Integer.class)).isOne();
  }

  @Test
  void aTemplateEditedAfterIssueDoesNotChangeTheIssuedDocumentsPdf() throws Exception {
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    IssuedDocument before = service.issue(new DocumentRequest("p1", "thong-bao-ngan", "STTTT", true,
        LocalDate.of(2019, 1, 5), Map.of("subject", "họp giao ban")));
    // the office edits its template (APP_DOCUMENTS_TEMPLATE_DIR) before anyone opened the PDF
    Files.writeString(templateDir.resolve("thong-bao-ngan.yaml"), """
        type: THONG_BAO
        summary: "Thông báo (mẫu mới) {{subject}}"
        body:
          - "Nội dung theo mẫu đã sửa đổi: {{subject}}./."
        """);
    IssuedDocument after = service.issue(new DocumentRequest("p2", "thong-bao-ngan", "STTTT", true,
        LocalDate.of(2019, 1, 6), Map.of("subject", "họp giao ban")));

    String issuedText = DocumentFiles.flat(DocumentFiles.pdfText(
        service.file(before.id(), DocumentFormat.PDF).orElseThrow().content()));
    assertThat(issuedText).contains("Số: 01/TB-STTTT", "Nội dung họp giao ban./.").doesNotContain("mẫu mới", "sửa đổi");
    assertThat(DocumentFiles.docxText(service.file(before.id(), DocumentFormat.DOCX).orElseThrow().content()))
        .contains("Nội dung họp giao ban./.");
    // the edit applies from the next document on
    assertThat(DocumentFiles.flat(DocumentFiles.pdfText(service.file(after.id(), DocumentFormat.PDF).orElseThrow()
        .content()))).contains("Số: 02/TB-STTTT", "Nội dung theo mẫu đã sửa đổi: họp giao ban./.");
    // rendering needs no template at all any more: even a deleted one
    IssuedDocument third = service.issue(new DocumentRequest("p3", "thong-bao-ngan", "STTTT", true,
        LocalDate.of(2019, 1, 7), Map.of("subject", "tổng kết")));
    Files.delete(templateDir.resolve("thong-bao-ngan.yaml"));
    assertThat(DocumentFiles.flat(DocumentFiles.pdfText(service.file(third.id(), DocumentFormat.PDF).orElseThrow()
        .content()))).contains("Nội dung theo mẫu đã sửa đổi: tổng kết./.");
  }

  @Test
  void aPdfThatCannotBeTypesetIsAClearErrorAndNothingIsStored() throws Exception {
    PdfRenderer broken = mock(PdfRenderer.class);
    when(broken.render(any())).thenThrow(new IllegalStateException("font program unreadable"));
    DefaultDocumentService failing = service(NumberRegister.Numbering.PER_TYPE, broken);
    IssuedDocument document = failing.issue(toTrinh("p1", LocalDate.of(2019, 1, 5)));
    assertThatThrownBy(() -> failing.file(document.id(), DocumentFormat.PDF)).isInstanceOf(DocumentException.class)
        .hasMessageContaining("Không tạo được bản PDF của văn bản " + document.id())
        .hasMessageContaining("(the PDF could not be typeset from the layout frozen at issue")
        .hasMessageContaining("font program unreadable");
    assertThat(storedPdfs(document.id())).isZero();
    // the DOCX is served all the same, and a working renderer makes the PDF later
    assertThat(failing.file(document.id(), DocumentFormat.DOCX)).isPresent();
    assertThat(service(NumberRegister.Numbering.PER_TYPE).file(document.id(), DocumentFormat.PDF)).isPresent();
    assertThat(storedPdfs(document.id())).isOne();

    // stored content that cannot be read back (damaged in the database): said so, nothing stored
    IssuedDocument damaged = failing.issue(toTrinh("p2", LocalDate.of(2019, 1, 6)));
    jdbc.update("UPDATE document_layout SET layout = ? WHERE document_id = ?",
        "{\"agencyLines\": [".getBytes(java.nio.charset.StandardCharsets.UTF_8), damaged.id());
    assertThatThrownBy(() -> service(NumberRegister.Numbering.PER_TYPE).file(damaged.id(), DocumentFormat.PDF))
        .isInstanceOf(DocumentException.class).hasMessageContaining("bị hỏng");
    assertThat(storedPdfs(damaged.id())).isZero();
  }

  @Test
  void aDocumentIssuedBeforeTheFrozenContentKeepsThePdfItWasStoredWith() throws Exception {
    // as issued before V9: DOCX and PDF rows, no frozen layout
    IssuedDocument legacy = new IssuedDocument(UUID.randomUUID().toString(), "p1", "BAO_CAO", null,
        "Báo cáo kết quả rà soát", LocalDate.of(2018, 12, 28));
    byte[] pdf = "%PDF-1.4 phát hành năm 2018".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    new DocumentStore(jdbc).insert(legacy, new DocumentStore.Registration("bao-cao-ket-qua-ra-soat", "STTTT", null,
        null, null, "BC-STTTT"), List.of(
            new DocumentFile(legacy.id(), DocumentFormat.DOCX, "Báo cáo 28-12-2018.docx", new byte[] {1, 2}),
            new DocumentFile(legacy.id(), DocumentFormat.PDF, "Báo cáo 28-12-2018.pdf", pdf)), null);
    DefaultDocumentService service = service(NumberRegister.Numbering.PER_TYPE);
    assertThat(service.formats(legacy.id())).containsExactly(DocumentFormat.DOCX, DocumentFormat.PDF);
    DocumentFile stored = service.file(legacy.id(), DocumentFormat.PDF).orElseThrow();
    assertThat(stored.content()).isEqualTo(pdf);
    assertThat(stored.fileName()).isEqualTo("Báo cáo 28-12-2018.pdf");
  }
}
