package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import vn.gov.directives.organization.ConfiguredOrganization;
import vn.gov.directives.organization.OrganizationLoader;

/**
 * The DOCX written directly is the package Apache POI wrote for the same layout: the same parts in the same order,
 * each part the same XML once parsed (attribute order, {@code <w:t/>} against {@code <w:t></w:t>} and how a
 * character is escaped aside), for every kind of document and for hostile text.
 */
class DocxPackageTest {

  static final TemplateLibrary LIBRARY = new TemplateLibrary(null);
  static final DocumentComposer COMPOSER = new DocumentComposer();
  static final String HOSTILE = "<w:p>&amp; \"ngoặc kép\" 'nháy' ]]> <![CDATA[x]]> & < >\n\n  Dòng có khoảng trắng ở hai đầu  \n"
      + "Ủy ban nhân dân tỉnh Bình Định — “Văn bản” … ";

  @Test
  void everyPartIsTheXmlPoiWroteForTheSameLayout() throws Exception {
    for (DocumentLayout layout : layouts()) {
      Map<String, byte[]> direct = parts(new DocxRenderer().render(layout));
      Map<String, byte[]> poi = parts(new PoiDocxRenderer().render(layout));
      assertThat(direct.keySet()).as(layout.documentTitle()).containsExactlyElementsOf(poi.keySet());
      for (String name : poi.keySet()) {
        Document expected = parse(poi.get(name));
        Document actual = parse(direct.get(name));
        if (name.equals("docProps/core.xml")) {
          // the time the file was made is the only thing that may differ
          assertThat(text(actual, "created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
          clear(expected, "created");
          clear(actual, "created");
        }
        assertThat(actual.getDocumentElement().isEqualNode(expected.getDocumentElement()))
            .as("%s in '%s':%n%s%n---- POI:%n%s", name, layout.documentTitle(),
                new String(direct.get(name), StandardCharsets.UTF_8), new String(poi.get(name), StandardCharsets.UTF_8))
            .isTrue();
      }
    }
  }

  @Test
  void hostileTextIsPrintedLiterallyAndTheFileOpensInPoi() throws Exception {
    Map<String, Object> values = DocumentFixtures.toTrinh();
    values.put("objectives", HOSTILE);
    DocumentLayout layout = COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT,
        DocumentFixtures.JAN_05_2019, 1, values);
    byte[] docx = new DocxRenderer().render(layout);
    String document = new String(parts(docx).get("word/document.xml"), StandardCharsets.UTF_8);
    assertThat(document).doesNotContain("<w:p>&amp;")
        .contains("<w:t>&lt;w:p&gt;&amp;amp; &quot;ngoặc kép&quot; 'nháy' ]]&gt; &lt;![CDATA[x]]&gt; &amp; &lt; &gt;</w:t>");
    try (XWPFDocument doc = DocumentFiles.docx(docx)) {
      // each line of a value is a paragraph of its own, as the composer laid it out
      assertThat(doc.getParagraphs()).extracting(p -> p.getText())
          .contains("<w:p>&amp; \"ngoặc kép\" 'nháy' ]]> <![CDATA[x]]> & < >", "Dòng có khoảng trắng ở hai đầu",
              "Ủy ban nhân dân tỉnh Bình Định — “Văn bản” …");
      assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo(layout.documentTitle());
    }
  }

  @Test
  void anArticleLeadKeepsItsTrailingSpace() throws Exception {
    DocumentLayout decision = COMPOSER.compose(LIBRARY.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND,
        DocumentFixtures.JAN_05_2019, 5, DocumentFixtures.quyetDinh());
    String document = new String(parts(new DocxRenderer().render(decision)).get("word/document.xml"), StandardCharsets.UTF_8);
    assertThat(document).contains("<w:t xml:space=\"preserve\">Điều 1. </w:t>");
  }

  @Test
  void coreTitleIsEscaped() throws Exception {
    String core = DocxRenderer.coreXml("Quyết định <số 1> & \"khác\"", Instant.parse("2019-01-05T01:02:03.456Z"));
    Document parsed = parse(core.getBytes(StandardCharsets.UTF_8));
    assertThat(text(parsed, "title")).isEqualTo("Quyết định <số 1> & \"khác\"");
    assertThat(text(parsed, "created")).isEqualTo("2019-01-05T01:02:03Z");
  }

  /** Every layout feature: draft marks, appendix with and without draft, tables, no signature, hostile values. */
  private static List<DocumentLayout> layouts() {
    LocalDate on = DocumentFixtures.JAN_05_2019;
    ConfiguredOrganization organization = OrganizationLoader.loadBundled();
    List<DocumentLayout> layouts = new ArrayList<>();
    layouts.add(COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT, on, 1, DocumentFixtures.toTrinh()));
    layouts.add(COMPOSER.compose(LIBRARY.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND, on, 5,
        DocumentFixtures.quyetDinh()));
    layouts.add(COMPOSER.compose(LIBRARY.load("phieu-trinh"), DocumentFixtures.VPUBND, on, null, DocumentFixtures.phieuTrinh()));
    layouts.add(COMPOSER.compose(LIBRARY.load("bao-cao-ket-qua-ra-soat"), DocumentFixtures.STTTT, on, null,
        DocumentFixtures.baoCao()));
    layouts.add(COMPOSER.compose(new TemplateLibrary(java.nio.file.Path.of("src/test/resources/bench/templates"))
        .load("quyet-dinh-xep-hang"), organization.agency("UBND", on), on, 12, DocumentBenchmark.ranking(organization, on)));
    layouts.add(COMPOSER.compose(LIBRARY.load("bao-cao-ket-qua-nhiem-vu"), organization.agency("SKHDT", on), on, 7,
        DocumentBenchmark.resultReport()));
    Map<String, Object> hostile = DocumentFixtures.toTrinh();
    hostile.put("objectives", HOSTILE);
    hostile.put("noticeReference", " " + HOSTILE);
    layouts.add(COMPOSER.compose(LIBRARY.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT, on, null, hostile));
    Map<String, Object> report = new LinkedHashMap<>(DocumentBenchmark.resultReport());
    report.put("resultSummary", HOSTILE);
    report.put("extensionHistory", "Gia hạn đến 30/4/2019.\n");
    report.put("resultProposals", "- Đề xuất 1;\n- Đề xuất 2.");
    layouts.add(COMPOSER.compose(LIBRARY.load("bao-cao-ket-qua-nhiem-vu"), organization.agency("STTTT", on), on, 8, report));
    return layouts;
  }

  static Map<String, byte[]> parts(byte[] docx) throws Exception {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        parts.put(entry.getName(), zip.readAllBytes());
      }
    }
    return parts;
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    document.normalizeDocument();
    return document;
  }

  private static String text(Document document, String localName) {
    return document.getElementsByTagNameNS("*", localName).item(0).getTextContent();
  }

  private static void clear(Document document, String localName) {
    Node node = document.getElementsByTagNameNS("*", localName).item(0);
    node.setTextContent("");
  }
}
