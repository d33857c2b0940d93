package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.directives.document.DocumentFiles.flat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** Opens the generated DOCX with POI and PDF with PDFBox and checks what a records clerk checks. */
@SuppressWarnings("unchecked")
class DocumentRenderingTest {

  static final TemplateLibrary LIBRARY = new TemplateLibrary(null);
  static final DocumentComposer COMPOSER = new DocumentComposer();
  static byte[] toTrinhPdf;
  static byte[] toTrinhDocx;

  @BeforeAll
  static void renderToTrinh() throws Exception {
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, DocumentFixtures.toTrinh());
    toTrinhPdf = new PdfRenderer().render(layout);
    toTrinhDocx = new DocxRenderer().render(layout);
    Path preview = Path.of("target/document-preview");
    Files.createDirectories(preview);
    Files.write(preview.resolve("to-trinh-ke-hoach.pdf"), toTrinhPdf);
    Files.write(preview.resolve("to-trinh-ke-hoach.docx"), toTrinhDocx);
  }

  @Test
  void docxHeaderHasAgencyNumberNationalTitleAndVietnameseDate() throws Exception {
    try (XWPFDocument doc = DocumentFiles.docx(toTrinhDocx)) {
      XWPFTable header = doc.getTables().get(0);
      XWPFTableCell left = header.getRow(0).getCell(0);
      XWPFTableCell right = header.getRow(0).getCell(1);
      assertThat(texts(left)).containsSubsequence("UBND TỈNH BÌNH ĐỊNH", "SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG",
          "Số: 01/TTr-STTTT");
      assertThat(runOf(left, "UBND TỈNH BÌNH ĐỊNH").isBold()).isFalse();
      assertThat(runOf(left, "SỞ THÔNG TIN VÀ").isBold()).isTrue();
      assertThat(texts(right)).containsSubsequence("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 05 tháng 01 năm 2019");
      assertThat(runOf(right, "Bình Định, ngày 05 tháng 01 năm 2019").isItalic()).isTrue();
      assertThat(runOf(right, "Độc lập - Tự do - Hạnh phúc").isBold()).isTrue();
      assertThat(runOf(right, "Độc lập - Tự do - Hạnh phúc").getFontSizeAsDouble()).isEqualTo(13.0);
      // borderless header
      assertThat(header.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.NONE);
      assertThat(header.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.NONE);
    }
  }

  @Test
  void docxIsA4WithDecree30MarginsAndPageNumbersFromPageTwo() throws Exception {
    try (XWPFDocument doc = DocumentFiles.docx(toTrinhDocx)) {
      CTSectPr section = doc.getDocument().getBody().getSectPr();
      CTPageSz size = section.getPgSz();
      assertThat(new BigInteger(size.getW().toString())).isEqualTo(BigInteger.valueOf(11906)); // 210 mm
      assertThat(new BigInteger(size.getH().toString())).isEqualTo(BigInteger.valueOf(16838)); // 297 mm
      CTPageMar margins = section.getPgMar();
      assertThat(twipsToMm(margins.getTop())).isEqualTo(20.0);
      assertThat(twipsToMm(margins.getBottom())).isEqualTo(20.0);
      assertThat(twipsToMm(margins.getLeft())).isEqualTo(30.0);
      assertThat(twipsToMm(margins.getRight())).isEqualTo(15.0);
      assertThat(section.isSetTitlePg()).as("different first page: no number on page 1").isTrue();
      assertThat(doc.getHeaderFooterPolicy().getDefaultHeader().getParagraphs().get(0).getCTP().xmlText())
          .contains("PAGE");
      assertThat(doc.getHeaderFooterPolicy().getFirstPageHeader().getText()).isBlank();
    }
  }

  @Test
  void docxBodyTitleSignatureAndRecipientsFollowDecree30() throws Exception {
    try (XWPFDocument doc = DocumentFiles.docx(toTrinhDocx)) {
      XWPFParagraph title = paragraph(doc, "TỜ TRÌNH");
      assertThat(title.getRuns().get(0).isBold()).isTrue();
      assertThat(title.getAlignment().name()).isEqualTo("CENTER");
      XWPFParagraph basis = paragraph(doc, "Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;");
      assertThat(basis.getRuns().get(0).isItalic()).isTrue();
      XWPFParagraph body = paragraph(doc, "Sở Thông tin và Truyền thông kính trình Ủy ban nhân dân tỉnh xem xét");
      assertThat(body.getAlignment().name()).isEqualTo("BOTH");
      assertThat(body.getIndentationFirstLine()).isEqualTo(720); // 1.27 cm
      assertThat(body.getSpacingAfter()).isGreaterThanOrEqualTo(120); // >= 6 pt
      assertThat(body.getRuns().get(0).getFontFamily()).isEqualTo("Times New Roman");
      assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isBetween(13.0, 14.0);

      XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
      List<String> recipients = texts(closing.getRow(0).getCell(0));
      assertThat(recipients).containsExactly("Nơi nhận:", "- Như trên;", "- Văn phòng UBND tỉnh;", "- Lãnh đạo Sở;",
          "- Lưu: VT, STTTT.");
      XWPFRun label = runOf(closing.getRow(0).getCell(0), "Nơi nhận:");
      assertThat(label.isBold() && label.isItalic()).isTrue();
      assertThat(label.getFontSizeAsDouble()).isEqualTo(12.0);
      assertThat(runOf(closing.getRow(0).getCell(0), "- Như trên;").getFontSizeAsDouble()).isEqualTo(11.0);
      List<String> signature = texts(closing.getRow(0).getCell(1)).stream().filter(s -> !s.isBlank()).toList();
      assertThat(signature).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Dũng");
      assertThat(runOf(closing.getRow(0).getCell(1), "Nguyễn Văn Dũng").isBold()).isTrue();
    }
  }

  @Test
  void pdfIsA4EmbedsOnlyLiberationSerifAndNumbersPagesFromTwo() throws Exception {
    try (PDDocument doc = Loader.loadPDF(toTrinhPdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      for (PDPage page : doc.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
      }
    }
    List<String> fonts = DocumentFiles.pdfFonts(toTrinhPdf);
    assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+LiberationSerif(-Bold|-Italic|-BoldItalic)?"));
    List<String> pages = DocumentFiles.pdfPageTexts(toTrinhPdf);
    assertThat(pages.get(0).lines().findFirst().orElseThrow().strip()).startsWith("UBND TỈNH BÌNH ĐỊNH");
    assertThat(pages.get(1).lines().findFirst().orElseThrow().strip()).isEqualTo("2");
    // the appendix starts a page of its own, with the draft mark
    String appendixPage = pages.stream().filter(p -> p.contains("(Kèm theo Tờ trình")).findFirst().orElseThrow();
    assertThat(flat(appendixPage)).contains("DỰ THẢO KẾ HOẠCH Ứng dụng công nghệ thông tin trong hoạt động")
        .doesNotContain("Nơi nhận");
  }

  @Test
  void pdfTextHoldsHeaderNumberDateSignatureAndTheVietnameseInputExactly() throws Exception {
    String text = flat(DocumentFiles.pdfText(toTrinhPdf));
    assertThat(text).contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Độc lập - Tự do - Hạnh phúc", "Số: 01/TTr-STTTT",
        "Bình Định, ngày 05 tháng 01 năm 2019", "TỜ TRÌNH",
        "Về việc đề nghị phê duyệt " + DocumentFixtures.PLAN_TITLE, "Kính gửi: Ủy ban nhân dân tỉnh.",
        "Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10/4/2007 của Chính phủ về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước;",
        "Thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018 của UBND tỉnh.",
        "29 cơ quan, đơn vị đã báo cáo; 2 cơ quan, đơn vị không báo cáo",
        "Tổng kinh phí dự kiến: 12.500.000.000 đồng (Mười hai tỷ năm trăm triệu đồng), từ ngân sách tỉnh năm 2019.",
        "Nơi nhận:", "- Lưu: VT, STTTT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Dũng",
        "(Kèm theo Tờ trình số 01/TTr-STTTT ngày 05/01/2019 của Sở Thông tin và Truyền thông)");
    assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
  }

  @Test
  void decisionOfTheCommitteeIsSignedOnBehalfOfTheChairmanWithBasesInOrder() throws Exception {
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND,
        DocumentFixtures.JAN_05_2019, 5, DocumentFixtures.quyetDinh());
    assertThat(layout.headerAbove()).isEmpty();
    assertThat(layout.agencyLines()).containsExactly("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH");
    assertThat(layout.numberLine()).isEqualTo("Số: 05/QĐ-UBND");
    assertThat(layout.signature().authorityLines()).containsExactly("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
    assertThat(layout.documentTitle()).isEqualTo("Quyết định về việc phê duyệt " + DocumentFixtures.PLAN_TITLE);
    String text = flat(DocumentFiles.pdfText(new PdfRenderer().render(layout)));
    assertThat(text).containsSubsequence("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 05/QĐ-UBND", "QUYẾT ĐỊNH",
        "Về việc phê duyệt Kế hoạch", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;",
        "Căn cứ Quyết định số 900/QĐ-UBND ngày 17/3/2017 của UBND tỉnh phê duyệt Kế hoạch ứng dụng CNTT giai đoạn 2016 - 2020;",
        "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 01/TTr-STTTT ngày 07/01/2019.",
        "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.", "Chánh Văn phòng Ủy ban nhân dân tỉnh",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Phi Long",
        "(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2019 của Chủ tịch Ủy ban nhân dân tỉnh)");
  }

  @Test
  void aRendererReusesItsParsedFontsAndEachPdfIsTheSameAsRenderedAlone() throws Exception {
    DocumentLayout decision = COMPOSER.compose(LIBRARY.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND,
        DocumentFixtures.JAN_05_2019, 5, DocumentFixtures.quyetDinh());
    byte[] alone = new PdfRenderer().render(decision);
    PdfRenderer renderer = new PdfRenderer();
    byte[] toTrinh = renderer.render(COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, DocumentFixtures.toTrinh()));
    assertThat(renderer.idleFontSets()).as("the parsed fonts kept for the next document").isEqualTo(1);
    // the same parsed fonts, after another document used other glyphs of them
    byte[] afterAnother = renderer.render(decision);
    assertThat(renderer.idleFontSets()).isEqualTo(1);
    // the same pages and embedded font subsets (the file's ID and dates differ from one rendering to the next)
    assertThat(DocumentFiles.pagesAndFonts(afterAnother)).isEqualTo(DocumentFiles.pagesAndFonts(alone));
    assertThat(DocumentFiles.pagesAndFonts(toTrinh)).isEqualTo(DocumentFiles.pagesAndFonts(toTrinhPdf));
  }

  @Test
  void pdfBuiltAsADomIsTheSameAsFromParsedMarkupEvenWithHostileText() throws Exception {
    Map<String, Object> hostile = DocumentFixtures.toTrinh();
    hostile.put("objectives", "<b>đậm?</b> & \"ngoặc kép\" 'nháy' <![CDATA[x]]> &amp; &#39;\n\nDòng sau hai dấu xuống dòng; "
        + "Tiếng Việt: Ủy ban nhân dân tỉnh Bình Định");
    PdfRenderer renderer = new PdfRenderer();
    for (DocumentLayout layout : List.of(
        COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019, 1,
            hostile),
        COMPOSER.compose(LIBRARY.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND,
            DocumentFixtures.JAN_05_2019, 5, DocumentFixtures.quyetDinh()),
        COMPOSER.compose(LIBRARY.load("bao-cao-ket-qua-ra-soat"), DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019,
            null, DocumentFixtures.baoCao()))) {
      byte[] fromDom = renderer.render(layout);
      assertThat(DocumentFiles.pagesAndFonts(fromDom)).as(layout.documentTitle())
          .isEqualTo(DocumentFiles.pagesAndFonts(renderer.renderFromMarkup(layout)));
    }
    String text = flat(DocumentFiles.pdfText(renderer.render(COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"),
        DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019, 1, hostile))));
    assertThat(text).contains("<b>đậm?</b> & \"ngoặc kép\" 'nháy' <![CDATA[x]]> &amp; &#39;");
  }

  @Test
  void draftReportLeavesTheNumberBlankAndIsMarkedDraft() throws Exception {
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("bao-cao-ket-qua-ra-soat"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, null, DocumentFixtures.baoCao());
    assertThat(layout.numberLine()).isEqualTo("Số:      /BC-STTTT");
    assertThat(layout.draft()).isTrue();
    assertThat(layout.signature().authorityLines()).containsExactly("GIÁM ĐỐC");
    byte[] pdf = new PdfRenderer().render(layout);
    String text = flat(DocumentFiles.pdfText(pdf));
    assertThat(text).contains("DỰ THẢO", "BÁO CÁO",
        "Kết quả rà soát thực trạng ứng dụng công nghệ thông tin của các cơ quan, đơn vị năm 2019",
        "trước ngày 04/01/2019", "Sở Nội vụ", "UBND huyện An Lão", "Không báo cáo",
        "Đề xuất, kiến nghị: Đào tạo cán bộ chuyên trách CNTT.",
        "Không báo cáo trong thời hạn; được ghi nhận là không báo cáo.");
    try (XWPFDocument doc = DocumentFiles.docx(new DocxRenderer().render(layout))) {
      XWPFTable table = doc.getTables().get(1);
      assertThat(table.getNumberOfRows()).isEqualTo(4); // header + one row per agency
      assertThat(table.getRow(3).getCell(1).getText()).isEqualTo("UBND huyện An Lão");
      assertThat(table.getRow(1).getCell(3).getText()).isEqualTo("85");
      assertThat(texts(doc.getTables().get(0).getRow(0).getCell(0))).contains("Số:      /BC-STTTT");
    }
  }

  @Test
  void officeReviewFormHasNoNumberAtAll() throws Exception {
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("phieu-trinh"), DocumentFixtures.VPUBND,
        DocumentFixtures.JAN_05_2019, null, DocumentFixtures.phieuTrinh());
    assertThat(layout.numberLine()).isNull();
    assertThat(layout.draft()).isFalse();
    String text = flat(DocumentFiles.pdfText(new PdfRenderer().render(layout)));
    assertThat(text).doesNotContain("Số:").contains("PHIẾU TRÌNH",
        "Kính trình: Đồng chí Nguyễn Phi Long - Phó Chủ tịch UBND tỉnh",
        "Sở Thông tin và Truyền thông trình Ủy ban nhân dân tỉnh tại Tờ trình số 01/TTr-STTTT ngày 07/01/2019",
        "Nội dung Kế hoạch phù hợp với Kế hoạch giai đoạn 2016 - 2020.", "CHUYÊN VIÊN THẨM TRA", "Trần Thị Hồng");
  }

  @Test
  void valuesArePrintedLiterallyNeverEvaluated() throws Exception {
    String injection = "{{planYear}} ${planYear} #{planYear} <script>alert('x')</script> <#if x>y</#if> [#ftl] &amp; hết";
    Map<String, Object> values = DocumentFixtures.toTrinh();
    values.put("noticeReference", injection);
    values.put("objectives", injection);
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 3, values);
    PdfRenderer pdfRenderer = new PdfRenderer();
    assertThat(pdfRenderer.html(layout)).doesNotContain("<script>").contains("&lt;script&gt;");
    String pdfText = flat(DocumentFiles.pdfText(pdfRenderer.render(layout)));
    String docxText = flat(DocumentFiles.docxText(new DocxRenderer().render(layout)));
    for (String text : List.of(pdfText, docxText)) {
      // line wraps may fall anywhere in the basis: compare it without whitespace; the objective sits on one line
      assertThat(text.replaceAll("\\s", "")).contains(("Thực hiện " + injection + ".").replaceAll("\\s", ""));
      assertThat(text).contains("Mục tiêu " + injection + " 2. Nhiệm vụ");
    }
  }

  @Test
  void missingValueNamesTheTemplateAndThePlaceholder() {
    Map<String, Object> values = DocumentFixtures.toTrinh();
    values.remove("noticeReference");
    assertThatThrownBy(() -> COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, values))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("to-trinh-ke-hoach").hasMessageContaining("{{noticeReference}}");
    Map<String, Object> noSigner = DocumentFixtures.toTrinh();
    noSigner.remove("signerName");
    assertThatThrownBy(() -> COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, noSigner)).hasMessageContaining("signerName");
  }

  @Test
  void decomposedVietnameseInputComesOutComposed() throws Exception {
    Map<String, Object> values = DocumentFixtures.toTrinh();
    values.put("signerName", Normalizer.normalize("Nguyễn Thị Ánh Tuyết", Normalizer.Form.NFD));
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, values);
    assertThat(DocumentFiles.pdfText(new PdfRenderer().render(layout))).contains("Nguyễn Thị Ánh Tuyết");
  }

  @Test
  void aCharacterTheFontCannotPrintIsRefusedWithItsCode() {
    assertThatThrownBy(() -> DocumentFonts.checkPrintable("Kế hoạch 😀"))
        .isInstanceOf(DocumentException.class).hasMessageContaining("U+1F600");
    DocumentFonts.checkPrintable("ĂÂĐÊÔƠƯ ăâđêôơư ÁÀẢÃẠ ấầẩẫậ ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ “” – …");
  }

  @Test
  void officeStaffCanReplaceATemplateWithAFileInTheConfiguredDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("phieu-trinh.yaml"), """
        type: PHIEU_TRINH
        summary: "Mẫu sửa: {{planTitle}}"
        body:
          - "Nội dung sửa {{money|money}}"
        """);
    TemplateLibrary library = new TemplateLibrary(dir);
    DocumentLayout layout = COMPOSER.compose(library.load("phieu-trinh"), DocumentFixtures.VPUBND,
        DocumentFixtures.JAN_05_2019, null, Map.of("planTitle", "Kế hoạch X", "money", 1_250_000_000L));
    assertThat(layout.summary()).isEqualTo("Mẫu sửa: Kế hoạch X");
    assertThat(((DocumentLayout.Paragraph) layout.body().get(0)).text()).isEqualTo("Nội dung sửa 1.250.000.000 đồng");
    // the others still come from the bundle
    assertThat(library.load("to-trinh-ke-hoach").type()).isEqualTo(DocumentType.TO_TRINH);
    assertThatThrownBy(() -> library.load("../etc/passwd")).hasMessageContaining("không hợp lệ");
  }

  @Test
  void anEditedOrDeletedTemplateFileTakesEffectAtTheNextDocument_anUnchangedOneIsNotParsedAgain(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("phieu-trinh.yaml");
    Files.writeString(file, """
        type: PHIEU_TRINH
        summary: "Bản một: {{planTitle}}"
        body:
          - "Nội dung một"
        """);
    TemplateLibrary library = new TemplateLibrary(dir);
    DocumentTemplate first = library.load("phieu-trinh");
    assertThat(first.summary()).isEqualTo("Bản một: {{planTitle}}");
    assertThat(library.load("phieu-trinh")).isSameAs(first);
    assertThat(library.load("to-trinh-ke-hoach")).isSameAs(library.load("to-trinh-ke-hoach"));

    // the office edits the file: same size on purpose, only the modification time tells
    Files.writeString(file, """
        type: PHIEU_TRINH
        summary: "Bản hai: {{planTitle}}"
        body:
          - "Nội dung hai"
        """);
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(file).toMillis() + 2_000));
    DocumentTemplate second = library.load("phieu-trinh");
    assertThat(second.summary()).isEqualTo("Bản hai: {{planTitle}}");
    assertThat(second.body()).containsExactly("Nội dung hai");

    // a broken edit is refused with the reason, and fixing it works at once
    Files.writeString(file, "type: PHIEU_TRINH\nbody: [unclosed\n");
    assertThatThrownBy(() -> library.load("phieu-trinh")).isInstanceOf(DocumentException.class)
        .hasMessageContaining("sai cú pháp YAML");

    // the file removed: the bundled template again
    Files.delete(file);
    assertThat(library.load("phieu-trinh").source()).startsWith("classpath:");
  }

  @Test
  void aTemplateHandedOutIsReadOnly_noDocumentCanChangeTheNextOne() {
    DocumentTemplate template = LIBRARY.load("to-trinh-ke-hoach");
    assertThatThrownBy(() -> template.body().add("thêm")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> template.recipients().clear()).isInstanceOf(UnsupportedOperationException.class);
    Object nested = template.body().stream().filter(java.util.Map.class::isInstance).findFirst().orElseThrow();
    assertThatThrownBy(() -> ((Map<String, Object>) nested).put("paragraph", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- helpers

  private static double twipsToMm(Object twips) {
    return Math.round(new BigInteger(twips.toString()).doubleValue() * 25.4 / 1440);
  }

  private static List<String> texts(XWPFTableCell cell) {
    return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  private static XWPFRun runOf(XWPFTableCell cell, String text) {
    return cell.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow(
        () -> new AssertionError("no paragraph '" + text + "' in " + texts(cell))).getRuns().get(0);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String startsWith) {
    return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(startsWith)).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph starting with '" + startsWith + "'"));
  }
}
