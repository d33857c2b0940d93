package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.directives.document.DocumentLayout.Align;
import vn.gov.directives.document.DocumentLayout.Appendix;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Column;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Signature;
import vn.gov.directives.document.DocumentLayout.Table;

/** The content frozen at issue: every layout element survives the stored form, and the PDF typeset from it is the same. */
class DocumentLayoutJsonTest {

  /** Written by version 1 of the form: a document issued today must still be readable, and print the same, later. */
  static final Path VERSION_1_SAMPLE = Path.of("src/test/resources/documents/layout-v1.json");

  private static final TemplateLibrary LIBRARY = new TemplateLibrary(null);

  /** A layout with every element and every kind of value a renderer prints, including the empty and absent ones. */
  static DocumentLayout everyElement() {
    List<Block> body = List.of(
        new Paragraph("Điều 1.", "Phê duyệt Kế hoạch ứng dụng CNTT năm 2019.\nDòng thứ hai sau dấu xuống dòng.",
            false, false, Align.JUSTIFY, true),
        new Paragraph(null, "I. KẾT QUẢ THỰC HIỆN", true, false, Align.LEFT, false),
        new Paragraph(null, "Căn cứ Luật Tổ chức chính quyền địa phương;", false, true, Align.JUSTIFY, true),
        new Paragraph(null, "QUYẾT ĐỊNH:", true, true, Align.CENTER, false),
        new Paragraph(null, "Giá trị in nguyên văn: {{x}} ${y} <script>alert(1)</script> \"trích\" & 'nháy'", false,
            false, Align.RIGHT, false),
        new Paragraph("", "", false, false, Align.JUSTIFY, false),
        new Table(List.of(new Column("TT", 8, Align.CENTER), new Column("Đơn vị", 52, Align.LEFT),
            new Column("Điểm", 20, Align.RIGHT), new Column("Xếp loại", 20, Align.JUSTIFY)),
            List.of(List.of("1", "Sở Thông tin và Truyền thông", "92,50", "Tốt"),
                List.of("2", "UBND huyện An Lão", "", "Không báo cáo"))),
        new Table(List.of(new Column("Trống", 100, Align.LEFT)), List.of()));
    Appendix appendix = new Appendix(true, "KẾ HOẠCH", "Ứng dụng CNTT năm 2019",
        "(Kèm theo Tờ trình số 01/TTr-STTTT ngày 05/01/2019)",
        List.of(Paragraph.body("Mục tiêu: 100% văn bản đi được ký số."),
            new Table(List.of(new Column("Nhiệm vụ", 100, Align.LEFT)), List.of(List.of("Hạ tầng")))));
    return new DocumentLayout(List.of("UBND TỈNH BÌNH ĐỊNH"), List.of("SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG"),
        "Số:      /TTr-STTTT", true, "Bình Định, ngày 05 tháng 01 năm 2019", "TỜ TRÌNH",
        "Về việc đề nghị phê duyệt Kế hoạch", List.of("Kính gửi: Ủy ban nhân dân tỉnh."), body,
        new Signature(List.of("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Nguyễn Văn Dũng"),
        List.of("- Như trên;", "- Lưu: VT, STTTT."), appendix, "Tờ trình về việc đề nghị phê duyệt Kế hoạch");
  }

  @Test
  void everyElementOfALayoutSurvivesTheStoredForm() {
    DocumentLayout layout = everyElement();
    assertThat(DocumentLayoutJson.read(DocumentLayoutJson.write(layout), DocumentLayoutJson.VERSION))
        .isEqualTo(layout);
    // what a layout may leave out: no header above, number, title, summary, signature, appendix, recipients
    DocumentLayout bare = new DocumentLayout(List.of(), List.of("VĂN PHÒNG UBND TỈNH"), null, false,
        "Bình Định, ngày 07 tháng 01 năm 2019", null, null, List.of(), List.of(Paragraph.body("Nội dung.")), null,
        List.of(), null, "Phiếu trình");
    assertThat(DocumentLayoutJson.read(DocumentLayoutJson.write(bare), DocumentLayoutJson.VERSION)).isEqualTo(bare);
  }

  @Test
  void theStoredFormIsReadableJsonWithNamedFieldsAndTaggedBlocks() {
    String json = new String(DocumentLayoutJson.write(everyElement()), StandardCharsets.UTF_8);
    // Vietnamese as written (an archivist can read it in the database), blocks tagged, alignment by name
    assertThat(json).contains("\"numberLine\":\"Số:      /TTr-STTTT\"", "\"draft\":true",
        "\"kind\":\"paragraph\"", "\"kind\":\"table\"", "\"align\":\"CENTER\"", "\"lead\":\"Điều 1.\"",
        "\"widthPercent\":52", "\"name\":\"Nguyễn Văn Dũng\"");
  }

  @Test
  void aLayoutWrittenByVersion1IsReadTheSameForEver() throws Exception {
    // the sample was written once by version 1; a change to DocumentLayout that cannot read it needs a new version
    // with a reader for this one (see DocumentLayoutJson), never a changed sample
    assertThat(DocumentLayoutJson.read(Files.readAllBytes(VERSION_1_SAMPLE), 1)).isEqualTo(everyElement());
  }

  @Test
  void everyBundledTemplateRoundTripsAndItsPdfIsTheSameAsTypesetAtIssue() throws Exception {
    List<String> names = TemplateSamples.bundledNames();
    assertThat(names).hasSizeGreaterThanOrEqualTo(20).contains("bao-cao-ket-qua-nhiem-vu", "quyet-dinh-xep-hang");
    PdfRenderer renderer = new PdfRenderer();
    Set<Align> alignments = EnumSet.noneOf(Align.class);
    List<String> covered = new ArrayList<>();
    for (String name : names) {
      DocumentLayout issued = TemplateSamples.compose(LIBRARY, name, DocumentFixtures.STTTT,
          DocumentFixtures.JAN_05_2019);
      DocumentLayout frozen = DocumentLayoutJson.read(DocumentLayoutJson.write(issued), DocumentLayoutJson.VERSION);
      assertThat(frozen).as(name).isEqualTo(issued);

      byte[] atIssue = renderer.render(issued);
      byte[] later = renderer.render(frozen);
      assertThat(DocumentFiles.pdfPageTexts(later)).as(name + ": text per page").isEqualTo(
          DocumentFiles.pdfPageTexts(atIssue));
      assertThat(DocumentFiles.pagesAndFonts(later)).as(name + ": page content and fonts").isEqualTo(
          DocumentFiles.pagesAndFonts(atIssue));

      collect(issued.body(), alignments, covered);
      if (issued.appendix() != null) {
        covered.add("appendix");
        collect(issued.appendix().body(), alignments, covered);
      }
      if (issued.signature() != null) {
        covered.add("signature");
      }
      if (!issued.recipients().isEmpty()) {
        covered.add("recipients");
      }
      if (issued.draft()) {
        covered.add("draft");
      }
    }
    // the bundled templates between them use every kind of element the stored form must carry
    assertThat(covered).contains("table", "lead", "appendix", "signature", "recipients", "bold", "italic");
    assertThat(alignments).contains(Align.JUSTIFY, Align.CENTER, Align.LEFT);
  }

  private static void collect(List<Block> blocks, Set<Align> alignments, List<String> covered) {
    for (Block block : blocks) {
      if (block instanceof Table table) {
        covered.add("table");
        table.columns().forEach(column -> alignments.add(column.align()));
      } else if (block instanceof Paragraph p) {
        alignments.add(p.align());
        if (p.lead() != null) {
          covered.add("lead");
        }
        if (p.bold()) {
          covered.add("bold");
        }
        if (p.italic()) {
          covered.add("italic");
        }
      }
    }
  }

  @Test
  void aStoredFormThatCannotBeReadIsAClearErrorNeverAnEmptyOrPartDocument() {
    byte[] json = DocumentLayoutJson.write(everyElement());
    assertThatThrownBy(() -> DocumentLayoutJson.read(json, 2)).isInstanceOf(DocumentException.class)
        .hasMessageContaining("phiên bản 2").hasMessageContaining("stored layout version 2, this code reads 1");
    assertThatThrownBy(() -> DocumentLayoutJson.read("{\"numberLine\":".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(DocumentException.class).hasMessageContaining("bị hỏng");
    // a field this version does not know is refused: dropping it would drop frozen text without a word
    String unknown = new String(json, StandardCharsets.UTF_8).replace("\"draft\":true", "\"draft\":true,\"seal\":\"x\"");
    assertThatThrownBy(() -> DocumentLayoutJson.read(unknown.getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(DocumentException.class).hasMessageContaining("seal");
    String unknownBlock = new String(json, StandardCharsets.UTF_8).replace("\"kind\":\"table\"", "\"kind\":\"image\"");
    assertThatThrownBy(() -> DocumentLayoutJson.read(unknownBlock.getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(DocumentException.class).hasMessageContaining("image");
    assertThatThrownBy(() -> DocumentLayoutJson.read("null".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(DocumentException.class).hasMessageContaining("trống");
  }
}
