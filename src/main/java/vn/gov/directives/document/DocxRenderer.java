package vn.gov.directives.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.gov.directives.document.DocumentFonts.Face;
import vn.gov.directives.document.DocumentLayout.Align;
import vn.gov.directives.document.DocumentLayout.Appendix;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Column;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Table;

/**
 * Writes a {@link DocumentLayout} as an editable Word document laid out per Decree 30.
 *
 * <p>The package is the one Apache POI wrote for this layout (same parts, same XML, checked part by part against
 * POI in the tests), written directly: the parts that never change are constant bytes and {@code word/document.xml}
 * is written as text. Building it through POI's XMLBeans model and package classes cost several times more CPU
 * than the document itself, inside the register's row lock (the number is in the text).
 */
public final class DocxRenderer {

  /** A4 and the Decree 30 margins in twentieths of a point (1 mm = 56.7 twips). */
  static final int PAGE_WIDTH = 11906;
  static final int PAGE_HEIGHT = 16838;
  static final int MARGIN_TOP = 1134;
  static final int MARGIN_BOTTOM = 1134;
  static final int MARGIN_LEFT = 1701;
  static final int MARGIN_RIGHT = 850;
  static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  static final int FIRST_LINE_INDENT = 720; // 1.27 cm
  static final int BODY_SIZE = 14;

  /** Line spacing of body paragraphs: 1.1 lines, in 240ths of a line. */
  private static final long BODY_LINE = Math.round(1.1 * 240);
  /** The exact line height of the tiny paragraph that draws a rule, as POI wrote setSpacingBetween(40, EXACT). */
  private static final long RULE_LINE = Math.round(40.0 * 20);

  /** The header columns' widths come from the font's metrics: parsed on the first document, not at start-up. */
  static final class Header {
    static final int LEFT = mmToTwips(DocumentFonts.headerLeftMm(165f));
    static final int RIGHT = TEXT_WIDTH - LEFT;

    private Header() {}
  }

  static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  static final String XML_DECLARATION_STANDALONE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
  static final String FONTS = "<w:rFonts w:ascii=\"" + DocumentFonts.DOCX_FAMILY + "\" w:hAnsi=\""
      + DocumentFonts.DOCX_FAMILY + "\" w:cs=\"" + DocumentFonts.DOCX_FAMILY + "\" w:eastAsia=\""
      + DocumentFonts.DOCX_FAMILY + "\"/>";

  /** The package's parts in POI's order; only docProps/core.xml and word/document.xml differ between documents. */
  static final String CONTENT_TYPES = XML_DECLARATION_STANDALONE
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" Extension=\"rels\"/>"
      + "<Default ContentType=\"application/xml\" Extension=\"xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\" PartName=\"/docProps/app.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" PartName=\"/docProps/core.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" PartName=\"/word/document.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\" PartName=\"/word/header1.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\" PartName=\"/word/header2.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\" PartName=\"/word/settings.xml\"/>"
      + "<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\" PartName=\"/word/styles.xml\"/>"
      + "</Types>";
  static final String PACKAGE_RELATIONSHIPS = XML_DECLARATION_STANDALONE + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
      + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
      + "<Relationship Id=\"rId2\" Target=\"docProps/app.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\"/>"
      + "<Relationship Id=\"rId3\" Target=\"docProps/core.xml\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\"/>"
      + "</Relationships>";
  static final String APP = XML_DECLARATION
      + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      + "<Application>Apache POI</Application></Properties>";
  static final String DOCUMENT_RELATIONSHIPS = XML_DECLARATION_STANDALONE + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
      + "<Relationship Id=\"rId1\" Target=\"settings.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\"/>"
      + "<Relationship Id=\"rId2\" Target=\"styles.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\"/>"
      + "<Relationship Id=\"rId3\" Target=\"header1.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\"/>"
      + "<Relationship Id=\"rId4\" Target=\"header2.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\"/>"
      + "</Relationships>";
  /** Page numbers from page 2, centred in the top margin: an empty first-page header and a PAGE field elsewhere. */
  static final String FIRST_PAGE_HEADER = XML_DECLARATION + "<w:hdr xmlns:w=\"" + W + "\"><w:p/></w:hdr>";
  static final String DEFAULT_HEADER = XML_DECLARATION + "<w:hdr xmlns:w=\"" + W + "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      + "<w:fldSimple w:instr=\"PAGE\"><w:r><w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r>"
      + "</w:fldSimple></w:p></w:hdr>";
  static final String SETTINGS = XML_DECLARATION + "<w:settings xmlns:w=\"" + W + "\"/>";
  static final String STYLES = XML_DECLARATION + "<w:styles xmlns:w=\"" + W + "\"><w:docDefaults><w:rPrDefault><w:rPr>"
      + FONTS + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults></w:styles>";
  static final String SECTION = "<w:sectPr><w:headerReference w:type=\"first\" r:id=\"rId3\"/>"
      + "<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
      + "<w:pgSz w:w=\"" + PAGE_WIDTH + "\" w:h=\"" + PAGE_HEIGHT + "\" w:orient=\"portrait\"/>"
      + "<w:pgMar w:top=\"" + MARGIN_TOP + "\" w:bottom=\"" + MARGIN_BOTTOM + "\" w:left=\"" + MARGIN_LEFT + "\" w:right=\""
      + MARGIN_RIGHT + "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg w:val=\"on\"/></w:sectPr>";

  private static final byte[] CONTENT_TYPES_BYTES = CONTENT_TYPES.getBytes(StandardCharsets.UTF_8);
  private static final byte[] PACKAGE_RELATIONSHIPS_BYTES = PACKAGE_RELATIONSHIPS.getBytes(StandardCharsets.UTF_8);
  private static final byte[] APP_BYTES = APP.getBytes(StandardCharsets.UTF_8);
  private static final byte[] DOCUMENT_RELATIONSHIPS_BYTES = DOCUMENT_RELATIONSHIPS.getBytes(StandardCharsets.UTF_8);
  private static final byte[] FIRST_PAGE_HEADER_BYTES = FIRST_PAGE_HEADER.getBytes(StandardCharsets.UTF_8);
  private static final byte[] DEFAULT_HEADER_BYTES = DEFAULT_HEADER.getBytes(StandardCharsets.UTF_8);
  private static final byte[] SETTINGS_BYTES = SETTINGS.getBytes(StandardCharsets.UTF_8);
  private static final byte[] STYLES_BYTES = STYLES.getBytes(StandardCharsets.UTF_8);

  public byte[] render(DocumentLayout layout) {
    byte[] document = documentXml(layout).getBytes(StandardCharsets.UTF_8);
    byte[] core = coreXml(layout.documentTitle(), Instant.now()).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      part(zip, "[Content_Types].xml", CONTENT_TYPES_BYTES);
      part(zip, "_rels/.rels", PACKAGE_RELATIONSHIPS_BYTES);
      part(zip, "docProps/app.xml", APP_BYTES);
      part(zip, "docProps/core.xml", core);
      part(zip, "word/document.xml", document);
      part(zip, "word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS_BYTES);
      part(zip, "word/header1.xml", FIRST_PAGE_HEADER_BYTES);
      part(zip, "word/header2.xml", DEFAULT_HEADER_BYTES);
      part(zip, "word/settings.xml", SETTINGS_BYTES);
      part(zip, "word/styles.xml", STYLES_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void part(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** The core properties: when the file was made (to the second, UTC) and the document's title. */
  static String coreXml(String title, Instant created) {
    StringBuilder x = new StringBuilder(512).append(XML_DECLARATION_STANDALONE)
        .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(created.truncatedTo(ChronoUnit.SECONDS))
        .append("</dcterms:created><dc:creator>Apache POI</dc:creator>");
    if (title != null) {
      escape(x.append("<dc:title>"), title).append("</dc:title>");
    }
    return x.append("</cp:coreProperties>").toString();
  }

  /** {@code word/document.xml}. */
  String documentXml(DocumentLayout layout) {
    StringBuilder x = new StringBuilder(16384).append(XML_DECLARATION)
        .append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\"><w:body>");
    if (layout.draft()) {
      draftMark(x, false);
    }
    header(x, layout);
    if (layout.typeTitle() != null) {
      centered(x, 240, 0);
      run(x, layout.typeTitle(), BODY_SIZE, true, false);
      x.append("</w:p>");
    }
    if (layout.summary() != null && !layout.summary().isBlank()) {
      centered(x, layout.typeTitle() == null ? 120 : 0, 0);
      run(x, layout.summary(), BODY_SIZE, true, false);
      x.append("</w:p>");
      rule(x, TEXT_WIDTH, TEXT_WIDTH / 4);
    }
    for (String addressee : layout.addressees()) {
      centered(x, 120, 120);
      run(x, addressee, BODY_SIZE, false, false);
      x.append("</w:p>");
    }
    blocks(x, layout.body());
    closing(x, layout);
    if (layout.appendix() != null) {
      appendix(x, layout.appendix());
    }
    return x.append(SECTION).append("</w:body></w:document>").toString();
  }

  /** The boxed "DỰ THẢO" at the right margin; leaves the paragraph open when its text follows. */
  private static void draftMark(StringBuilder x, boolean pageBreakBefore) {
    x.append("<w:p><w:pPr>");
    if (pageBreakBefore) {
      x.append("<w:pageBreakBefore w:val=\"on\"/>");
    }
    x.append("<w:pBdr><w:top w:val=\"single\"/><w:left w:val=\"single\"/><w:bottom w:val=\"single\"/>")
        .append("<w:right w:val=\"single\"/></w:pBdr><w:spacing w:after=\"120\"/><w:ind w:left=\"")
        .append(TEXT_WIDTH - mmToTwips(32)).append("\"/><w:jc w:val=\"center\"/></w:pPr>");
    run(x, DocumentLayout.DRAFT_MARK, 13, true, false);
    x.append("</w:p>");
  }

  private void header(StringBuilder x, DocumentLayout layout) {
    borderlessTable(x, Header.LEFT, Header.RIGHT);
    cell(x, Header.LEFT);
    boolean firstLine = true;
    for (String line : layout.headerAbove()) {
      centered(x, 0, 0);
      run(x, line, 12, false, false);
      x.append("</w:p>");
      firstLine = false;
    }
    String widest = "";
    for (String line : layout.agencyLines()) {
      centered(x, 0, 0);
      run(x, line, 12, true, false);
      x.append("</w:p>");
      firstLine = false;
      widest = line.length() > widest.length() ? line : widest;
    }
    if (firstLine) {
      x.append("<w:p/>"); // the cell's own first paragraph, left empty as POI made it
    }
    // The short rule under the agency name: about a third of its length (Decree 30 says 1/3 to 1/2).
    int nameWidth = Math.min(Header.LEFT - 300, ptToTwips(DocumentFonts.width(widest, Face.BOLD, 12)));
    rule(x, Header.LEFT, Math.max(nameWidth / 3, mmToTwips(15)));
    if (layout.numberLine() != null) {
      centered(x, 80, 0);
      run(x, layout.numberLine(), 13, false, false);
      x.append("</w:p>");
    }
    x.append("</w:tc>");
    cell(x, Header.RIGHT);
    centered(x, 0, 0);
    run(x, DocumentLayout.NATIONAL_TITLE, 12, true, false);
    x.append("</w:p>");
    centered(x, 0, 0);
    run(x, DocumentLayout.MOTTO, 13, true, false);
    x.append("</w:p>");
    // The rule under the motto is as long as the motto.
    rule(x, Header.RIGHT, ptToTwips(DocumentFonts.width(DocumentLayout.MOTTO, Face.BOLD, 13)));
    centered(x, 80, 0);
    run(x, layout.placeAndDate(), 13, false, true);
    x.append("</w:p></w:tc></w:tr></w:tbl>");
  }

  private void blocks(StringBuilder x, List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Paragraph paragraph) {
        paragraph(x, paragraph);
      } else if (block instanceof Table table) {
        dataTable(x, table);
      }
    }
  }

  private void paragraph(StringBuilder x, Paragraph paragraph) {
    x.append("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"").append(BODY_LINE)
        .append("\" w:lineRule=\"auto\"/>"); // 6 pt between paragraphs
    if (paragraph.firstLineIndent()) {
      x.append("<w:ind w:firstLine=\"").append(FIRST_LINE_INDENT).append("\"/>");
    }
    x.append("<w:jc w:val=\"").append(alignment(paragraph.align())).append("\"/></w:pPr>");
    if (paragraph.lead() != null) {
      run(x, paragraph.lead() + " ", BODY_SIZE, true, paragraph.italic());
    }
    run(x, paragraph.text(), BODY_SIZE, paragraph.bold(), paragraph.italic());
    x.append("</w:p>");
  }

  private void dataTable(StringBuilder x, Table table) {
    int columns = table.columns().size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = TEXT_WIDTH * table.columns().get(c).widthPercent() / 100;
    }
    x.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/><w:tblBorders>")
        .append("<w:top w:val=\"single\"/><w:left w:val=\"single\"/><w:bottom w:val=\"single\"/>")
        .append("<w:right w:val=\"single\"/><w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/>")
        .append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>");
    grid(x, widths);
    x.append("<w:tr><w:trPr><w:tblHeader w:val=\"on\"/></w:trPr>");
    for (int c = 0; c < columns; c++) {
      Column column = table.columns().get(c);
      cell(x, widths[c]);
      cellParagraph(x, Align.CENTER);
      run(x, column.title(), 12, true, false);
      x.append("</w:p></w:tc>");
    }
    x.append("</w:tr>");
    for (List<String> row : table.rows()) {
      x.append("<w:tr><w:trPr><w:cantSplit w:val=\"on\"/></w:trPr>");
      for (int c = 0; c < columns; c++) {
        cell(x, widths[c]);
        cellParagraph(x, table.columns().get(c).align());
        run(x, row.get(c), 12, false, false);
        x.append("</w:p></w:tc>");
      }
      x.append("</w:tr>");
    }
    x.append("</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>");
  }

  private static void cellParagraph(StringBuilder x, Align align) {
    x.append("<w:p><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"").append(alignment(align))
        .append("\"/></w:pPr>");
  }

  private void closing(StringBuilder x, DocumentLayout layout) {
    if (layout.signature() == null && layout.recipients().isEmpty()) {
      return;
    }
    int leftWidth = TEXT_WIDTH * 45 / 100;
    borderlessTable(x, leftWidth, TEXT_WIDTH - leftWidth);
    cell(x, leftWidth);
    if (!layout.recipients().isEmpty()) {
      x.append("<w:p><w:pPr><w:spacing w:before=\"120\"/></w:pPr>");
      run(x, DocumentLayout.RECIPIENTS_LABEL, 12, true, true);
      x.append("</w:p>");
      for (String line : layout.recipients()) {
        x.append("<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>");
        run(x, line, 11, false, false);
        x.append("</w:p>");
      }
    } else {
      x.append("<w:p/>");
    }
    x.append("</w:tc>");
    cell(x, TEXT_WIDTH - leftWidth);
    if (layout.signature() != null) {
      centered(x, 120, 0);
      boolean firstLine = true;
      for (String line : layout.signature().authorityLines()) {
        if (!firstLine) {
          x.append("</w:p>");
          centered(x, 0, 0);
        }
        run(x, line, BODY_SIZE, true, false);
        firstLine = false;
      }
      x.append("</w:p>");
      for (int i = 0; i < 4; i++) {
        centered(x, 0, 0);
        x.append("</w:p>");
      }
      centered(x, 240, 0);
      run(x, layout.signature().name(), BODY_SIZE, true, false);
      x.append("</w:p>");
    } else {
      x.append("<w:p/>");
    }
    x.append("</w:tc></w:tr></w:tbl>");
  }

  private void appendix(StringBuilder x, Appendix appendix) {
    if (appendix.draft()) {
      draftMark(x, true);
      centered(x, 0, 0);
    } else {
      x.append("<w:p><w:pPr><w:pageBreakBefore w:val=\"on\"/><w:spacing w:before=\"0\" w:after=\"0\"/>")
          .append("<w:jc w:val=\"center\"/></w:pPr>");
    }
    run(x, appendix.title(), BODY_SIZE, true, false);
    x.append("</w:p>");
    if (appendix.summary() != null) {
      centered(x, 0, 0);
      run(x, appendix.summary(), BODY_SIZE, true, false);
      x.append("</w:p>");
    }
    if (appendix.note() != null) {
      centered(x, 0, 0);
      run(x, appendix.note(), 13, false, true);
      x.append("</w:p>");
    }
    rule(x, TEXT_WIDTH, TEXT_WIDTH / 4);
    blocks(x, appendix.body());
  }

  // ---------------------------------------------------------------- helpers

  /** Opens a two-column table without borders and its only row. */
  private static void borderlessTable(StringBuilder x, int leftWidth, int rightWidth) {
    x.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(leftWidth + rightWidth).append("\" w:type=\"dxa\"/><w:tblBorders>");
    for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      x.append("<w:").append(side).append(" w:val=\"none\" w:sz=\"0\" w:space=\"0\" w:color=\"auto\"/>");
    }
    x.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar/></w:tblPr>");
    grid(x, new int[] {leftWidth, rightWidth});
    x.append("<w:tr>");
  }

  private static void grid(StringBuilder x, int[] widths) {
    x.append("<w:tblGrid>");
    for (int w : widths) {
      x.append("<w:gridCol w:w=\"").append(w).append("\"/>");
    }
    x.append("</w:tblGrid>");
  }

  private static void cell(StringBuilder x, int twips) {
    x.append("<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"").append(twips).append("\"/></w:tcPr>");
  }

  /** A centred horizontal rule of the given length, drawn as the top border of a tiny empty paragraph. */
  private static void rule(StringBuilder x, int availableWidth, int length) {
    int side = Math.max(0, (availableWidth - length) / 2);
    x.append("<w:p><w:pPr><w:pBdr><w:top w:val=\"single\"/></w:pBdr><w:spacing w:before=\"20\" w:after=\"0\" w:line=\"")
        .append(RULE_LINE).append("\" w:lineRule=\"exact\"/><w:ind w:left=\"").append(side).append("\" w:right=\"")
        .append(side).append("\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:r></w:p>");
  }

  /** Opens a centred paragraph. */
  private static void centered(StringBuilder x, int before, int after) {
    x.append("<w:p><w:pPr><w:spacing w:before=\"").append(before).append("\" w:after=\"").append(after)
        .append("\"/><w:jc w:val=\"center\"/></w:pPr>");
  }

  /** Adds the text as runs, "\n" as line breaks. */
  private static void run(StringBuilder x, String text, int size, boolean bold, boolean italic) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      x.append("<w:r><w:rPr>").append(FONTS).append("<w:sz w:val=\"").append(size * 2).append("\"/><w:b w:val=\"")
          .append(bold ? "on" : "off").append("\"/><w:i w:val=\"").append(italic ? "on" : "off")
          .append("\"/><w:lang w:val=\"vi-VN\"/></w:rPr>");
      String line = lines[i];
      // as Word needs it (and POI wrote it): spaces at either end are kept only when the text says so
      boolean preserve = !line.isEmpty()
          && (Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(line.length() - 1)));
      escape(x.append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>"), line).append("</w:t>");
      if (i < lines.length - 1) {
        x.append("<w:br/>");
      }
      x.append("</w:r>");
    }
  }

  /** Text content escaped for XML: a value is never markup. */
  static StringBuilder escape(StringBuilder x, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> x.append("&amp;");
        case '<' -> x.append("&lt;");
        case '>' -> x.append("&gt;");
        case '"' -> x.append("&quot;");
        default -> x.append(c);
      }
    }
    return x;
  }

  private static String alignment(Align align) {
    return switch (align) {
      case CENTER -> "center";
      case LEFT -> "left";
      case RIGHT -> "right";
      case JUSTIFY -> "both";
    };
  }

  static int mmToTwips(double mm) {
    return (int) Math.round(mm * 1440 / 25.4);
  }

  static int ptToTwips(float pt) {
    return Math.round(pt * 20);
  }
}
