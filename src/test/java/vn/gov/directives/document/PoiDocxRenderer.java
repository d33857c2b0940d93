package vn.gov.directives.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import vn.gov.directives.document.DocumentFonts.Face;
import vn.gov.directives.document.DocumentLayout.Align;
import vn.gov.directives.document.DocumentLayout.Appendix;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Column;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Table;

/** The DOCX as Apache POI wrote it before DocxRenderer wrote the XML directly: the reference the tests compare with. */
final class PoiDocxRenderer {

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

  static {
    XmlFactories.pin();
  }

  /** The header columns' widths come from the font's metrics: parsed on the first document, not at start-up. */
  static final class Header {
    static final int LEFT = mmToTwips(DocumentFonts.headerLeftMm(165f));
    static final int RIGHT = TEXT_WIDTH - LEFT;

    private Header() {}
  }

  public byte[] render(DocumentLayout layout) {
    XWPFDocument doc = new XWPFDocument();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(doc);
      if (layout.draft()) {
        draftMark(doc.createParagraph());
      }
      header(doc, layout);
      if (layout.typeTitle() != null) {
        XWPFParagraph title = centered(doc.createParagraph(), 240, 0);
        run(title, layout.typeTitle(), BODY_SIZE, true, false);
      }
      if (layout.summary() != null && !layout.summary().isBlank()) {
        XWPFParagraph summary = centered(doc.createParagraph(), layout.typeTitle() == null ? 120 : 0, 0);
        run(summary, layout.summary(), BODY_SIZE, true, false);
        rule(doc.createParagraph(), TEXT_WIDTH, TEXT_WIDTH / 4);
      }
      for (String addressee : layout.addressees()) {
        run(centered(doc.createParagraph(), 120, 120), addressee, BODY_SIZE, false, false);
      }
      blocks(doc, layout.body());
      closing(doc, layout);
      if (layout.appendix() != null) {
        appendix(doc, layout.appendix());
      }
      doc.getProperties().getCoreProperties().setTitle(layout.documentTitle());
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // not close(): a new document's package is bound to POI's own in-memory stream, and close() would serialise
      // the whole package a second time into it (a fifth of the DOCX time, measured) only to throw it away
      doc.getPackage().revert();
    }
  }

  private void page(XWPFDocument doc) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(DocumentFonts.DOCX_FAMILY);
    fonts.setHAnsi(DocumentFonts.DOCX_FAMILY);
    fonts.setCs(DocumentFonts.DOCX_FAMILY);
    fonts.setEastAsia(DocumentFonts.DOCX_FAMILY);
    doc.createStyles().setDefaultFonts(fonts);

    CTSectPr section = doc.getDocument().getBody().isSetSectPr()
        ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_WIDTH));
    size.setH(BigInteger.valueOf(PAGE_HEIGHT));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN_TOP));
    margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    margins.setHeader(BigInteger.valueOf(567));
    margins.setFooter(BigInteger.valueOf(567));
    margins.setGutter(BigInteger.ZERO);

    // Page numbers from page 2, centred in the top margin: an empty first-page header and a PAGE field elsewhere.
    doc.createHeader(HeaderFooterType.FIRST).createParagraph();
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph number = header.createParagraph();
    number.setAlignment(ParagraphAlignment.CENTER);
    CTSimpleField field = number.getCTP().addNewFldSimple();
    field.setInstr("PAGE");
    CTR fieldRun = field.addNewR();
    CTRPr runProperties = fieldRun.addNewRPr();
    runProperties.addNewSz().setVal(BigInteger.valueOf(26));
    runProperties.addNewSzCs().setVal(BigInteger.valueOf(26));
    fieldRun.addNewT().setStringValue("2");
  }

  private void draftMark(XWPFParagraph p) {
    p.setAlignment(ParagraphAlignment.CENTER);
    int box = mmToTwips(32);
    p.setIndentationLeft(TEXT_WIDTH - box);
    p.setBorderTop(Borders.SINGLE);
    p.setBorderBottom(Borders.SINGLE);
    p.setBorderLeft(Borders.SINGLE);
    p.setBorderRight(Borders.SINGLE);
    p.setSpacingAfter(120);
    run(p, DocumentLayout.DRAFT_MARK, 13, true, false);
  }

  private void header(XWPFDocument doc, DocumentLayout layout) {
    XWPFTable table = borderlessTable(doc, Header.LEFT, Header.RIGHT);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFTableCell right = table.getRow(0).getCell(1);

    XWPFParagraph p = left.getParagraphs().get(0);
    boolean firstLine = true;
    for (String line : layout.headerAbove()) {
      run(firstLine ? centered(p, 0, 0) : centered(left.addParagraph(), 0, 0), line, 12, false, false);
      firstLine = false;
    }
    String widest = "";
    for (String line : layout.agencyLines()) {
      run(firstLine ? centered(p, 0, 0) : centered(left.addParagraph(), 0, 0), line, 12, true, false);
      firstLine = false;
      widest = line.length() > widest.length() ? line : widest;
    }
    // The short rule under the agency name: about a third of its length (Decree 30 says 1/3 to 1/2).
    int nameWidth = Math.min(Header.LEFT - 300, ptToTwips(DocumentFonts.width(widest, Face.BOLD, 12)));
    rule(left.addParagraph(), Header.LEFT, Math.max(nameWidth / 3, mmToTwips(15)));
    if (layout.numberLine() != null) {
      run(centered(left.addParagraph(), 80, 0), layout.numberLine(), 13, false, false);
    }

    XWPFParagraph national = centered(right.getParagraphs().get(0), 0, 0);
    run(national, DocumentLayout.NATIONAL_TITLE, 12, true, false);
    run(centered(right.addParagraph(), 0, 0), DocumentLayout.MOTTO, 13, true, false);
    // The rule under the motto is as long as the motto.
    rule(right.addParagraph(), Header.RIGHT, ptToTwips(DocumentFonts.width(DocumentLayout.MOTTO, Face.BOLD, 13)));
    run(centered(right.addParagraph(), 80, 0), layout.placeAndDate(), 13, false, true);
  }

  private void blocks(XWPFDocument doc, List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Paragraph paragraph) {
        paragraph(doc.createParagraph(), paragraph);
      } else if (block instanceof Table table) {
        dataTable(doc, table);
      }
    }
  }

  private void paragraph(XWPFParagraph p, Paragraph paragraph) {
    p.setAlignment(alignment(paragraph.align()));
    p.setSpacingBefore(0);
    p.setSpacingAfter(120); // 6 pt between paragraphs
    p.setSpacingBetween(1.1, LineSpacingRule.AUTO);
    if (paragraph.firstLineIndent()) {
      p.setIndentationFirstLine(FIRST_LINE_INDENT);
    }
    if (paragraph.lead() != null) {
      run(p, paragraph.lead() + " ", BODY_SIZE, true, paragraph.italic());
    }
    run(p, paragraph.text(), BODY_SIZE, paragraph.bold(), paragraph.italic());
  }

  private void dataTable(XWPFDocument doc, Table table) {
    int columns = table.columns().size();
    XWPFTable t = doc.createTable(table.rows().size() + 1, columns);
    t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
    CTTblWidth width = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW()
        : t.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(TEXT_WIDTH));
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = TEXT_WIDTH * table.columns().get(c).widthPercent() / 100;
    }
    grid(t, widths);
    XWPFTableRow header = t.getRow(0);
    header.setRepeatHeader(true);
    for (int c = 0; c < columns; c++) {
      Column column = table.columns().get(c);
      XWPFTableCell cell = header.getCell(c);
      cellWidth(cell, widths[c]);
      run(cellParagraph(cell, Align.CENTER), column.title(), 12, true, false);
    }
    for (int r = 0; r < table.rows().size(); r++) {
      XWPFTableRow row = t.getRow(r + 1);
      row.setCantSplitRow(true);
      for (int c = 0; c < columns; c++) {
        XWPFTableCell cell = row.getCell(c);
        cellWidth(cell, widths[c]);
        run(cellParagraph(cell, table.columns().get(c).align()), table.rows().get(r).get(c), 12, false, false);
      }
    }
    doc.createParagraph().setSpacingAfter(0);
  }

  private XWPFParagraph cellParagraph(XWPFTableCell cell, Align align) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(alignment(align));
    p.setSpacingBefore(40);
    p.setSpacingAfter(40);
    return p;
  }

  private void closing(XWPFDocument doc, DocumentLayout layout) {
    if (layout.signature() == null && layout.recipients().isEmpty()) {
      return;
    }
    int leftWidth = TEXT_WIDTH * 45 / 100;
    XWPFTable table = borderlessTable(doc, leftWidth, TEXT_WIDTH - leftWidth);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFTableCell right = table.getRow(0).getCell(1);
    if (!layout.recipients().isEmpty()) {
      XWPFParagraph label = left.getParagraphs().get(0);
      label.setSpacingBefore(120);
      run(label, DocumentLayout.RECIPIENTS_LABEL, 12, true, true);
      for (String line : layout.recipients()) {
        XWPFParagraph p = left.addParagraph();
        p.setSpacingAfter(0);
        run(p, line, 11, false, false);
      }
    }
    if (layout.signature() != null) {
      XWPFParagraph first = centered(right.getParagraphs().get(0), 120, 0);
      boolean firstLine = true;
      for (String line : layout.signature().authorityLines()) {
        run(firstLine ? first : centered(right.addParagraph(), 0, 0), line, BODY_SIZE, true, false);
        firstLine = false;
      }
      for (int i = 0; i < 4; i++) {
        centered(right.addParagraph(), 0, 0);
      }
      run(centered(right.addParagraph(), 240, 0), layout.signature().name(), BODY_SIZE, true, false);
    }
  }

  private void appendix(XWPFDocument doc, Appendix appendix) {
    XWPFParagraph first = doc.createParagraph();
    first.setPageBreak(true);
    if (appendix.draft()) {
      draftMark(first);
      first = doc.createParagraph();
    }
    run(centered(first, 0, 0), appendix.title(), BODY_SIZE, true, false);
    if (appendix.summary() != null) {
      run(centered(doc.createParagraph(), 0, 0), appendix.summary(), BODY_SIZE, true, false);
    }
    if (appendix.note() != null) {
      run(centered(doc.createParagraph(), 0, 0), appendix.note(), 13, false, true);
    }
    rule(doc.createParagraph(), TEXT_WIDTH, TEXT_WIDTH / 4);
    blocks(doc, appendix.body());
  }

  // ---------------------------------------------------------------- helpers

  private static XWPFTable borderlessTable(XWPFDocument doc, int leftWidth, int rightWidth) {
    XWPFTable table = doc.createTable(1, 2);
    table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
    table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
    table.setCellMargins(0, 0, 0, 0);
    CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
        : table.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(leftWidth + rightWidth));
    grid(table, new int[] {leftWidth, rightWidth});
    cellWidth(table.getRow(0).getCell(0), leftWidth);
    cellWidth(table.getRow(0).getCell(1), rightWidth);
    return table;
  }

  private static void grid(XWPFTable table, int[] widths) {
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
        : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
  }

  private static void cellWidth(XWPFTableCell cell, int twips) {
    var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(twips));
  }

  /** A centred horizontal rule of the given length, drawn as the top border of a tiny empty paragraph. */
  private static void rule(XWPFParagraph p, int availableWidth, int length) {
    int side = Math.max(0, (availableWidth - length) / 2);
    p.setIndentationLeft(side);
    p.setIndentationRight(side);
    p.setBorderTop(Borders.SINGLE);
    p.setSpacingBefore(20);
    p.setSpacingAfter(0);
    p.setSpacingBetween(40, LineSpacingRule.EXACT);
    XWPFRun r = p.createRun();
    r.setFontSize(2);
  }

  private static XWPFParagraph centered(XWPFParagraph p, int before, int after) {
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingBefore(before);
    p.setSpacingAfter(after);
    return p;
  }

  /** Adds the text as runs, "\n" as line breaks. */
  private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun r = p.createRun();
      r.setFontFamily(DocumentFonts.DOCX_FAMILY);
      r.setFontSize(size);
      r.setBold(bold);
      r.setItalic(italic);
      r.setLang("vi-VN");
      r.setText(lines[i]);
      if (i < lines.length - 1) {
        r.addBreak();
      }
    }
  }

  private static ParagraphAlignment alignment(Align align) {
    return switch (align) {
      case CENTER -> ParagraphAlignment.CENTER;
      case LEFT -> ParagraphAlignment.LEFT;
      case RIGHT -> ParagraphAlignment.RIGHT;
      case JUSTIFY -> ParagraphAlignment.BOTH;
    };
  }

  static int mmToTwips(double mm) {
    return (int) Math.round(mm * 1440 / 25.4);
  }

  static int ptToTwips(float pt) {
    return Math.round(pt * 20);
  }
}
