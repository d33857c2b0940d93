package vn.gov.directives.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.gov.directives.document.DocumentFonts.Face;
import vn.gov.directives.document.DocumentLayout.Align;
import vn.gov.directives.document.DocumentLayout.Appendix;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Column;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Table;

/**
 * Writes a {@link DocumentLayout} as PDF through XHTML (openhtmltopdf on PDFBox) with Liberation Serif embedded
 * (subset) as the only font. Every text is HTML-escaped: values are never markup.
 */
public final class PdfRenderer {

  static final float TEXT_WIDTH_MM = 210 - 30 - 15;

  /** The header columns' widths come from the font's metrics: parsed on the first document, not at start-up. */
  static final class Header {
    static final float LEFT_MM = DocumentFonts.headerLeftMm(TEXT_WIDTH_MM);
    static final float RIGHT_MM = TEXT_WIDTH_MM - LEFT_MM;

    private Header() {}
  }

  private static final String CSS = """
      @page { size: 210mm 297mm; margin: 20mm 15mm 20mm 30mm;
        @top-center { content: counter(page); font-family: 'Liberation Serif'; font-size: 13pt; } }
      @page :first { @top-center { content: none; } }
      * { font-family: 'Liberation Serif'; }
      body { font-size: 14pt; margin: 0; color: #000; }
      table.layout { width: 100%; border-collapse: collapse; table-layout: fixed; }
      table.layout td { vertical-align: top; padding: 0; }
      .c { text-align: center; }
      .b { font-weight: bold; }
      .i { font-style: italic; }
      .l12 { font-size: 12pt; line-height: 1.2; }
      .l13 { font-size: 13pt; line-height: 1.2; }
      .rule { border-top: 0.6pt solid #000; height: 0; margin-left: auto; margin-right: auto; }
      .gap { margin-top: 4pt; }
      .title { margin-top: 14pt; font-weight: bold; text-align: center; }
      .summary { font-weight: bold; text-align: center; }
      .addressee { text-align: center; margin: 6pt 0; }
      div.p { margin: 0 0 6pt 0; line-height: 1.25; }
      div.justify { text-align: justify; }
      div.left { text-align: left; }
      div.right { text-align: right; }
      div.center { text-align: center; }
      div.indent { text-indent: 1.27cm; }
      .draft { float: right; border: 1pt solid #000; padding: 2pt 8pt; font-weight: bold; font-size: 13pt; }
      .clear { clear: both; }
      table.data { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12pt; margin: 4pt 0 8pt 0;
        -fs-table-paginate: paginate; }
      table.data th, table.data td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
      table.data th { font-weight: bold; text-align: center; vertical-align: middle; }
      table.data tr { page-break-inside: avoid; }
      .closing { margin-top: 8pt; page-break-inside: avoid; }
      .recipients-label { font-size: 12pt; font-weight: bold; font-style: italic; }
      .recipient { font-size: 11pt; line-height: 1.15; }
      .signature-space { height: 22mm; }
      .appendix { page-break-before: always; }
      """;

  /** Parsed font sets kept between renderings: as many as renderings ran at the same time, up to this. */
  static final int KEPT_FONT_SETS = 8;

  /**
   * Parsed faces (REGULAR, BOLD, ITALIC, BOLD_ITALIC) not in use. Parsing the four faces was about 15 % of a PDF's
   * CPU. A parsed {@link TrueTypeFont} reads its tables lazily from one buffer and is not thread-safe, so a
   * rendering takes a set for itself and gives it back when done; PDFBox does not close a font handed to
   * {@code PDType0Font.load(document, ttf, subset)} with the document, and the subset embedded in each PDF is built
   * from the glyphs that document uses, so the bytes do not depend on what the set rendered before.
   */
  private final BlockingQueue<TrueTypeFont[]> idleFonts = new ArrayBlockingQueue<>(KEPT_FONT_SETS);

  static {
    XmlFactories.pin();
  }

  public byte[] render(DocumentLayout layout) {
    String html = html(layout);
    TrueTypeFont[] fonts = idleFonts.poll();
    boolean reusable = false;
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (fonts == null) {
        fonts = parseFonts();
      }
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      font(builder, document, fonts[Face.REGULAR.ordinal()], 400, FontStyle.NORMAL);
      font(builder, document, fonts[Face.BOLD.ordinal()], 700, FontStyle.NORMAL);
      font(builder, document, fonts[Face.ITALIC.ordinal()], 400, FontStyle.ITALIC);
      font(builder, document, fonts[Face.BOLD_ITALIC.ordinal()], 700, FontStyle.ITALIC);
      builder.useUnicodeLineBreaker(new NumberKeepingLineBreaker());
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      reusable = true;
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // a set used by a rendering that failed half-way is not trusted again
      if (fonts != null && !(reusable && idleFonts.offer(fonts))) {
        close(fonts);
      }
    }
  }

  /** Parsed font sets waiting for the next rendering (tests). */
  int idleFontSets() {
    return idleFonts.size();
  }

  /**
   * The four faces parsed, with glyph substitution off. PDFBox 3 otherwise runs the font's GSUB rules on every
   * string it draws, compiling regular expressions each time: two thirds of the rendering time, for at most an
   * "fi"/"fl" ligature that the layout (measured without substitution) never accounted for anyway. Vietnamese text
   * is NFC-composed before it gets here, so no mark composition is lost.
   */
  private static TrueTypeFont[] parseFonts() throws IOException {
    TrueTypeFont[] fonts = new TrueTypeFont[Face.values().length];
    for (Face face : Face.values()) {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(DocumentFonts.bytes(face)));
      ttf.setEnableGsub(false);
      fonts[face.ordinal()] = ttf;
    }
    return fonts;
  }

  private static void close(TrueTypeFont[] fonts) {
    for (TrueTypeFont font : fonts) {
      try {
        if (font != null) {
          font.close();
        }
      } catch (IOException ignored) {
        // an in-memory buffer: nothing to release
      }
    }
  }

  /**
   * The default breaker treats text as URLs and breaks at slashes ("01" / "/TTr-STTTT"). Document numbers, dates
   * and the closing "./." must never break there, so only breaks the plain line rules allow and that do not touch a
   * slash are used.
   */
  static final class NumberKeepingLineBreaker implements com.openhtmltopdf.extend.FSTextBreaker {
    private final java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(DocumentComposer.VIETNAMESE);
    private String text = "";

    @Override
    public void setText(String newText) {
      text = newText;
      lines.setText(newText);
    }

    @Override
    public int next() {
      int position = lines.next();
      while (position != java.text.BreakIterator.DONE && position > 0 && position < text.length()
          && (text.charAt(position - 1) == '/' || text.charAt(position) == '/')) {
        position = lines.next();
      }
      return position;
    }
  }

  /** Embeds the parsed face in the document (subset; PDFBox leaves the parsed font open). */
  private static void font(PdfRendererBuilder builder, PDDocument document, TrueTypeFont ttf, int weight,
      FontStyle style) throws IOException {
    PDFont font = PDType0Font.load(document, ttf, true);
    builder.useFont(new PDFontSupplier(font), DocumentFonts.FAMILY, weight, style, true);
  }

  /** The XHTML the PDF is made from; package-visible so tests can check the escaping. */
  String html(DocumentLayout layout) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head>")
        .append("<meta charset=\"UTF-8\"/><title>").append(esc(layout.documentTitle())).append("</title><style>")
        .append(CSS).append("</style></head><body>");
    if (layout.draft()) {
      h.append("<div class=\"draft\">").append(DocumentLayout.DRAFT_MARK).append("</div><div class=\"clear\"></div>");
    }
    header(h, layout);
    if (layout.typeTitle() != null) {
      h.append("<div class=\"title\">").append(esc(layout.typeTitle())).append("</div>");
    }
    if (layout.summary() != null && !layout.summary().isBlank()) {
      h.append("<div class=\"summary\">").append(text(layout.summary())).append("</div>");
      rule(h, TEXT_WIDTH_MM / 4, 3);
    }
    for (String addressee : layout.addressees()) {
      h.append("<div class=\"addressee\">").append(text(addressee)).append("</div>");
    }
    h.append("<div style=\"height: 6pt\"></div>");
    blocks(h, layout.body());
    closing(h, layout);
    if (layout.appendix() != null) {
      appendix(h, layout.appendix());
    }
    h.append("</body></html>");
    return h.toString();
  }

  private void header(StringBuilder h, DocumentLayout layout) {
    h.append("<table class=\"layout\"><tr><td style=\"width: ").append(mm(Header.LEFT_MM)).append("\">");
    for (String line : layout.headerAbove()) {
      h.append("<div class=\"c l12\">").append(esc(line)).append("</div>");
    }
    String widest = "";
    for (String line : layout.agencyLines()) {
      h.append("<div class=\"c l12\" style=\"font-weight: bold\">").append(esc(line)).append("</div>");
      widest = line.length() > widest.length() ? line : widest;
    }
    float nameMm = Math.min(Header.LEFT_MM - 4, ptToMm(DocumentFonts.width(widest, Face.BOLD, 12)));
    rule(h, Math.max(nameMm / 3, 15), 1.5f);
    if (layout.numberLine() != null) {
      h.append("<div class=\"c l13 gap\" style=\"white-space: pre\">").append(esc(layout.numberLine())).append("</div>");
    }
    h.append("</td><td style=\"width: ").append(mm(Header.RIGHT_MM)).append("\">");
    h.append("<div class=\"c l12\" style=\"font-weight: bold\">").append(esc(DocumentLayout.NATIONAL_TITLE)).append("</div>");
    h.append("<div class=\"c l13\" style=\"font-weight: bold\">").append(esc(DocumentLayout.MOTTO)).append("</div>");
    rule(h, ptToMm(DocumentFonts.width(DocumentLayout.MOTTO, Face.BOLD, 13)), 1);
    h.append("<div class=\"c l13 gap\" style=\"font-style: italic\">").append(esc(layout.placeAndDate())).append("</div>");
    h.append("</td></tr></table>");
  }

  private void blocks(StringBuilder h, List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Paragraph p) {
        h.append("<div class=\"p ").append(p.align().name().toLowerCase(Locale.ROOT));
        if (p.firstLineIndent()) {
          h.append(" indent");
        }
        h.append("\" style=\"font-style: ").append(p.italic() ? "italic" : "normal").append("; font-weight: ")
            .append(p.bold() ? "bold" : "normal").append("\">");
        if (p.lead() != null) {
          h.append("<b>").append(esc(p.lead())).append("</b> ");
        }
        h.append(text(p.text())).append("</div>");
      } else if (block instanceof Table t) {
        table(h, t);
      }
    }
  }

  private void table(StringBuilder h, Table table) {
    h.append("<table class=\"data\"><thead><tr>");
    for (Column column : table.columns()) {
      h.append("<th style=\"width: ").append(column.widthPercent()).append("%\">").append(text(column.title()))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (List<String> row : table.rows()) {
      h.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        Align align = table.columns().get(c).align();
        h.append("<td style=\"text-align: ").append(align == Align.JUSTIFY ? "justify" : align.name().toLowerCase(Locale.ROOT))
            .append("\">").append(text(row.get(c))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private void closing(StringBuilder h, DocumentLayout layout) {
    if (layout.signature() == null && layout.recipients().isEmpty()) {
      return;
    }
    h.append("<table class=\"layout closing\"><tr><td style=\"width: 45%\">");
    if (!layout.recipients().isEmpty()) {
      h.append("<div class=\"recipients-label\" style=\"margin-top: 6pt\">").append(esc(DocumentLayout.RECIPIENTS_LABEL))
          .append("</div>");
      for (String line : layout.recipients()) {
        h.append("<div class=\"recipient\">").append(esc(line)).append("</div>");
      }
    }
    h.append("</td><td style=\"width: 55%\">");
    if (layout.signature() != null) {
      h.append("<div style=\"margin-top: 6pt\"></div>");
      for (String line : layout.signature().authorityLines()) {
        h.append("<div class=\"c\" style=\"font-weight: bold; font-style: normal\">").append(esc(line)).append("</div>");
      }
      h.append("<div class=\"signature-space\"></div><div class=\"c\" style=\"font-weight: bold\">").append(esc(layout.signature().name()))
          .append("</div>");
    }
    h.append("</td></tr></table>");
  }

  private void appendix(StringBuilder h, Appendix appendix) {
    h.append("<div class=\"appendix\">");
    if (appendix.draft()) {
      h.append("<div class=\"draft\">").append(DocumentLayout.DRAFT_MARK).append("</div><div class=\"clear\"></div>");
    }
    h.append("<div class=\"c\" style=\"font-weight: bold; font-style: normal\">").append(esc(appendix.title())).append("</div>");
    if (appendix.summary() != null) {
      h.append("<div class=\"c\" style=\"font-weight: bold; font-style: normal\">").append(text(appendix.summary())).append("</div>");
    }
    if (appendix.note() != null) {
      h.append("<div class=\"c l13\" style=\"font-style: italic; font-weight: normal\">").append(text(appendix.note())).append("</div>");
    }
    rule(h, TEXT_WIDTH_MM / 4, 3);
    h.append("<div style=\"height: 8pt\"></div>");
    blocks(h, appendix.body());
    h.append("</div>");
  }

  private static void rule(StringBuilder h, float widthMm, float marginTopPt) {
    h.append("<div class=\"rule\" style=\"width: ").append(mm(widthMm)).append("; margin-top: ").append(marginTopPt)
        .append("pt\"></div>");
  }

  private static String mm(float value) {
    return String.format(Locale.ROOT, "%.1fmm", value);
  }

  private static float ptToMm(float pt) {
    return pt * 25.4f / 72f;
  }

  /** Escaped text with line breaks. */
  private static String text(String value) {
    return esc(value).replace("\n", "<br/>");
  }


  static String esc(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
