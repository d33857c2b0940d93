package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import vn.gov.directives.document.DocumentLayout.Table;
import org.junit.jupiter.api.Test;
import vn.gov.directives.bench.BenchReport;
import vn.gov.directives.bench.BenchReport.Stats;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.ConfiguredOrganization;
import vn.gov.directives.organization.OrganizationLoader;

/**
 * Benchmark 3 (not part of {@code ./mvnw verify}; run by {@code bench/run.sh documents}): DOCX and PDF of a Tờ trình
 * and of a ranking decision with a 31-row table, composed and rendered the way {@link DefaultDocumentService} does
 * (without the database). Prints median and p95 per document, then documents/s with one and with two threads; per
 * document also the layout frozen at issue (JSON) and the PDF typeset from it on the first download.
 * The last PDFs are written to target/bench/ so that page images can be compared (bench/compare-pages.sh).
 */
class DocumentBenchmark {

  static final int RANKED_ROWS = 31;

  @Test
  void documents() throws Exception {
    int warmup = BenchReport.size("bench.documents.warmup", 30);
    int runs = BenchReport.size("bench.documents.runs", 200);
    BenchReport report = new BenchReport("documents");
    report.line("%d warm-up + %d measured renders per document and format, one thread; then %d with 2 threads",
        warmup, runs, runs);

    TemplateLibrary library = new TemplateLibrary(Path.of("src/test/resources/bench/templates"));
    DocumentComposer composer = new DocumentComposer();
    ConfiguredOrganization organization = OrganizationLoader.loadBundled();
    LocalDate issued = LocalDate.of(2019, 1, 5);
    Supplier<DocumentLayout> toTrinh = () -> composer.compose(library.load("to-trinh-ke-hoach"),
        organization.agency("STTTT", issued), issued, 1, DocumentFixtures.toTrinh());
    Map<String, Object> ranking = ranking(organization, issued);
    Supplier<DocumentLayout> decision = () -> composer.compose(library.load("quyet-dinh-xep-hang"),
        organization.agency("UBND", issued), issued, 12, ranking);
    Map<String, Object> reportValues = resultReport();
    Supplier<DocumentLayout> report3 = () -> composer.compose(library.load("bao-cao-ket-qua-nhiem-vu"),
        organization.agency("SKHDT", issued), issued, 7, reportValues);
    assertThat(((Table) decision.get().body().stream().filter(Table.class::isInstance).findFirst().orElseThrow())
        .rows()).hasSize(RANKED_ROWS);

    DocxRenderer docx = new DocxRenderer();
    PdfRenderer pdf = new PdfRenderer();
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.write(out.resolve("to-trinh.pdf"), pdf.render(toTrinh.get()));
    Files.write(out.resolve("ranking-decision.pdf"), pdf.render(decision.get()));
    Files.write(out.resolve("ranking-decision.docx"), docx.render(decision.get()));
    Files.write(out.resolve("result-report.pdf"), pdf.render(report3.get()));
    Files.write(out.resolve("result-report.docx"), docx.render(report3.get()));
    Files.write(out.resolve("to-trinh.docx"), docx.render(toTrinh.get()));
    try (var loaded = org.apache.pdfbox.Loader.loadPDF(out.resolve("ranking-decision.pdf").toFile())) {
      report.line("Tờ trình PDF %d pages; ranking decision PDF %d pages",
          org.apache.pdfbox.Loader.loadPDF(out.resolve("to-trinh.pdf").toFile()).getNumberOfPages(),
          loaded.getNumberOfPages());
    }

    // "before" in the same run: the DOCX as POI built it (PoiDocxRenderer, the tests' reference) and the PDF from
    // XHTML markup openhtmltopdf parses, at zlib's default deflate level (-Dbench.documents.before=false skips them)
    boolean before = Boolean.parseBoolean(System.getProperty("bench.documents.before", "true"));
    PoiDocxRenderer poi = new PoiDocxRenderer();
    Map<String, Supplier<DocumentLayout>> documents = new LinkedHashMap<>();
    documents.put("Tờ trình", toTrinh);
    documents.put("Quyết định xếp hạng (31 hàng)", decision);
    documents.put("Báo cáo kết quả nhiệm vụ", report3);
    for (var document : documents.entrySet()) {
      Supplier<DocumentLayout> layout = document.getValue();
      measure(report, document.getKey() + " DOCX", () -> docx.render(layout.get()), warmup, runs);
      if (before) {
        measure(report, "  before: POI", () -> poi.render(layout.get()), warmup, runs);
      }
      measure(report, document.getKey() + " PDF", () -> pdf.render(layout.get()), warmup, runs);
      // what issuing stores instead of the PDF, and what the first download then pays (without the database)
      measure(report, "  frozen layout (JSON), at issue", () -> DocumentLayoutJson.write(layout.get()), warmup, runs);
      byte[] frozen = DocumentLayoutJson.write(layout.get());
      measure(report, "  PDF from it, first download", () -> pdf.render(DocumentLayoutJson.read(frozen,
          DocumentLayoutJson.VERSION)), warmup, runs);
      int docxBytes = docx.render(layout.get()).length;
      report.line("  stored at issue: DOCX + PDF %d bytes before, DOCX + frozen layout %d bytes now",
          docxBytes + pdf.render(layout.get()).length, docxBytes + frozen.length);
      if (before) {
        String level = System.getProperty(PdfRenderer.DEFLATE_LEVEL);
        System.setProperty(PdfRenderer.DEFLATE_LEVEL, "-1");
        try {
          measure(report, "  before: markup, deflate 6", () -> pdf.renderFromMarkup(layout.get()), warmup, runs);
        } finally {
          System.setProperty(PdfRenderer.DEFLATE_LEVEL, level);
        }
      }
    }
    report.line("targets: DOCX median <= 20 ms, PDF median <= 150 ms");
  }

  private static void measure(BenchReport report, String what, Supplier<byte[]> render, int warmup, int runs)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      render.get();
    }
    long[] nanos = new long[runs];
    long[] cpu = new long[runs];
    int size = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long begin = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      byte[] bytes = render.get();
      cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
      nanos[i] = System.nanoTime() - start;
      assertThat(bytes).isNotEmpty();
      size = bytes.length;
    }
    double oneThread = runs / ((System.nanoTime() - begin) / 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long start = System.nanoTime();
      List<Future<byte[]>> done = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        done.add(pool.submit(render::get));
      }
      for (Future<byte[]> f : done) {
        f.get();
      }
      double twoThreads = runs / ((System.nanoTime() - start) / 1e9);
      Stats wall = Stats.of(nanos);
      Stats onCpu = Stats.of(cpu);
      report.line("%-36s %6d bytes | wall median %.1f ms, p95 %.1f ms | CPU median %.1f ms, p95 %.1f ms | %.1f documents/s"
          + " (1 thread), %.1f documents/s (2 threads)", what, size, wall.medianMs(), wall.p95Ms(), onCpu.medianMs(),
          onCpu.p95Ms(), oneThread, twoThreads);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The numbered Báo cáo kết quả that every generic assignment issues once accepted (AssignmentReportIssuer), with
   * the values the throughput benchmark's assignments carry.
   */
  static Map<String, Object> resultReport() {
    Map<String, Object> values = new HashMap<>();
    values.put("noticeNumber", "295/TB-UBND");
    values.put("noticeDateText", "26/12/2018");
    values.put("assignmentCode", "1.2");
    values.put("assignmentTitle", "Triển khai Hệ thống Văn phòng điện tử đến cấp xã");
    values.put("leadAgencyName", "Sở Kế hoạch và Đầu tư");
    values.put("assignmentDeadlineText", "28/02/2019");
    values.put("resultSummary", "Đã hoàn thành nhiệm vụ.\nĐã báo cáo UBND tỉnh.");
    values.put("completedOnText", "05/01/2019");
    return values;
  }

  /** A ranking of the departments and districts (and more agencies if needed) to 31 rows. */
  static Map<String, Object> ranking(ConfiguredOrganization organization, LocalDate on) {
    List<Agency> agencies = new ArrayList<>(organization.departmentsAndDistricts(on));
    organization.agencies(on).stream().filter(a -> !agencies.contains(a)).forEach(agencies::add);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < RANKED_ROWS; i++) {
      Agency agency = agencies.get(i % agencies.size());
      Map<String, Object> row = new LinkedHashMap<>();
      double score = 95.5 - i * 1.75;
      row.put("agencyName", agency.name());
      row.put("score", String.format(java.util.Locale.ROOT, "%.2f", score).replace('.', ','));
      row.put("rank", i + 1);
      row.put("grade", score >= 80 ? "Tốt" : score >= 65 ? "Khá" : "Trung bình");
      rows.add(row);
    }
    Map<String, Object> values = new HashMap<>();
    values.put("rankingYear", 2018);
    values.put("legalBases", List.of(
        "Nghị định số 64/2007/NĐ-CP ngày 10/4/2007 của Chính phủ về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
        "Quyết định số 900/QĐ-UBND ngày 17/3/2017 của UBND tỉnh phê duyệt Kế hoạch ứng dụng CNTT giai đoạn 2016 - 2020"));
    values.put("rankings", rows);
    values.put("signerName", "Nguyễn Phi Long");
    values.put("signerTitle", "Phó Chủ tịch");
    values.put("signerDeputy", true);
    return values;
  }
}
