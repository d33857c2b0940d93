package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        new NumberRegister(jdbc, transactions, numbering), new DocumentStore(jdbc), tree, transactions);
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
}
