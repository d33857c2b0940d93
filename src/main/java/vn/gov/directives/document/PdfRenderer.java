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
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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

  /** Creates the documents the XHTML is built in (thread-safe: each call makes a new document). */
  private static final DOMImplementation DOM;

  /** PDFBox's deflate level for every stream it writes (font subsets, content streams, maps), read per stream. */
  static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

  static {
    XmlFactories.pin();
    PdfLibraryLogging.install();
    // Level 1 instead of zlib's default 6: measured 14 % less CPU per PDF for 5 % more bytes (41.3 → 43.4 KB for
    // a Báo cáo kết quả); the pages are the same. An operator's explicit -D setting is left alone.
    if (System.getProperty(DEFLATE_LEVEL) == null) {
      System.setProperty(DEFLATE_LEVEL, "1");
    }
    try {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      DOM = factory.newDocumentBuilder().getDOMImplementation();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public byte[] render(DocumentLayout layout) {
    Document html = document(layout);
    return render(builder -> builder.withW3cDocument(html, null));
  }

  /**
   * The same document handed over as XHTML markup that openhtmltopdf parses, as every PDF was made before the DOM
   * was built directly (tests: both must give the same pages).
   */
  byte[] renderFromMarkup(DocumentLayout layout) {
    String markup = html(layout);
    return render(builder -> builder.withHtmlContent(markup, null));
  }

  private byte[] render(java.util.function.Consumer<PdfRendererBuilder> content) {
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
      content.accept(builder);
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

  /** The XHTML the PDF is made from, as text (tests: what a value becomes in the document). */
  String html(DocumentLayout layout) {
    try {
      java.io.StringWriter out = new java.io.StringWriter();
      javax.xml.transform.Transformer serializer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
      // XML, not the HTML output method XSLT would choose for an <html> root (named entities, unclosed <br>)
      serializer.setOutputProperty(javax.xml.transform.OutputKeys.METHOD, "xml");
      serializer.transform(new javax.xml.transform.dom.DOMSource(document(layout)),
          new javax.xml.transform.stream.StreamResult(out));
      return out.toString();
    } catch (javax.xml.transform.TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The XHTML the PDF is made from, built as a W3C DOM: handing openhtmltopdf markup as a string made it parse it
   * again for every PDF. Every value goes in as a text node, so it can never become markup.
   */
  Document document(DocumentLayout layout) {
    Html h = new Html();
    Element head = h.child(h.root, "head");
    h.child(head, "meta").setAttribute("charset", "UTF-8");
    h.text(h.child(head, "title"), layout.documentTitle());
    h.text(h.child(head, "style"), CSS);
    Element body = h.child(h.root, "body");
    if (layout.draft()) {
      draftMark(h, body);
    }
    header(h, body, layout);
    if (layout.typeTitle() != null) {
      h.text(h.div(body, "title", null), layout.typeTitle());
    }
    if (layout.summary() != null && !layout.summary().isBlank()) {
      h.lines(h.div(body, "summary", null), layout.summary());
      rule(h, body, TEXT_WIDTH_MM / 4, 3);
    }
    for (String addressee : layout.addressees()) {
      h.lines(h.div(body, "addressee", null), addressee);
    }
    h.div(body, null, "height: 6pt");
    blocks(h, body, layout.body());
    closing(h, body, layout);
    if (layout.appendix() != null) {
      appendix(h, body, layout.appendix());
    }
    return h.document;
  }

  private static void draftMark(Html h, Element parent) {
    h.text(h.div(parent, "draft", null), DocumentLayout.DRAFT_MARK);
    h.div(parent, "clear", null);
  }

  private void header(Html h, Element body, DocumentLayout layout) {
    Element row = h.child(h.element(body, "table", "layout", null), "tr");
    Element left = h.element(row, "td", null, "width: " + mm(Header.LEFT_MM));
    for (String line : layout.headerAbove()) {
      h.text(h.div(left, "c l12", null), line);
    }
    String widest = "";
    for (String line : layout.agencyLines()) {
      h.text(h.div(left, "c l12", "font-weight: bold"), line);
      widest = line.length() > widest.length() ? line : widest;
    }
    float nameMm = Math.min(Header.LEFT_MM - 4, ptToMm(DocumentFonts.width(widest, Face.BOLD, 12)));
    rule(h, left, Math.max(nameMm / 3, 15), 1.5f);
    if (layout.numberLine() != null) {
      h.text(h.div(left, "c l13 gap", "white-space: pre"), layout.numberLine());
    }
    Element right = h.element(row, "td", null, "width: " + mm(Header.RIGHT_MM));
    h.text(h.div(right, "c l12", "font-weight: bold"), DocumentLayout.NATIONAL_TITLE);
    h.text(h.div(right, "c l13", "font-weight: bold"), DocumentLayout.MOTTO);
    rule(h, right, ptToMm(DocumentFonts.width(DocumentLayout.MOTTO, Face.BOLD, 13)), 1);
    h.text(h.div(right, "c l13 gap", "font-style: italic"), layout.placeAndDate());
  }

  private void blocks(Html h, Element parent, List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Paragraph p) {
        Element div = h.div(parent, "p " + p.align().name().toLowerCase(Locale.ROOT) + (p.firstLineIndent() ? " indent" : ""),
            "font-style: " + (p.italic() ? "italic" : "normal") + "; font-weight: " + (p.bold() ? "bold" : "normal"));
        if (p.lead() != null) {
          h.text(h.child(div, "b"), p.lead());
          h.lines(div, " " + p.text());
        } else {
          h.lines(div, p.text());
        }
      } else if (block instanceof Table t) {
        table(h, parent, t);
      }
    }
  }

  private void table(Html h, Element parent, Table table) {
    Element t = h.element(parent, "table", "data", null);
    Element head = h.child(h.child(t, "thead"), "tr");
    for (Column column : table.columns()) {
      h.lines(h.element(head, "th", null, "width: " + column.widthPercent() + "%"), column.title());
    }
    Element body = h.child(t, "tbody");
    for (List<String> row : table.rows()) {
      Element tr = h.child(body, "tr");
      for (int c = 0; c < row.size(); c++) {
        Align align = table.columns().get(c).align();
        h.lines(h.element(tr, "td", null, "text-align: "
            + (align == Align.JUSTIFY ? "justify" : align.name().toLowerCase(Locale.ROOT))), row.get(c));
      }
    }
  }

  private void closing(Html h, Element body, DocumentLayout layout) {
    if (layout.signature() == null && layout.recipients().isEmpty()) {
      return;
    }
    Element row = h.child(h.element(body, "table", "layout closing", null), "tr");
    Element left = h.element(row, "td", null, "width: 45%");
    if (!layout.recipients().isEmpty()) {
      h.text(h.div(left, "recipients-label", "margin-top: 6pt"), DocumentLayout.RECIPIENTS_LABEL);
      for (String line : layout.recipients()) {
        h.text(h.div(left, "recipient", null), line);
      }
    }
    Element right = h.element(row, "td", null, "width: 55%");
    if (layout.signature() != null) {
      h.div(right, null, "margin-top: 6pt");
      for (String line : layout.signature().authorityLines()) {
        h.text(h.div(right, "c", "font-weight: bold; font-style: normal"), line);
      }
      h.div(right, "signature-space", null);
      h.text(h.div(right, "c", "font-weight: bold"), layout.signature().name());
    }
  }

  private void appendix(Html h, Element body, Appendix appendix) {
    Element div = h.div(body, "appendix", null);
    if (appendix.draft()) {
      draftMark(h, div);
    }
    h.text(h.div(div, "c", "font-weight: bold; font-style: normal"), appendix.title());
    if (appendix.summary() != null) {
      h.lines(h.div(div, "c", "font-weight: bold; font-style: normal"), appendix.summary());
    }
    if (appendix.note() != null) {
      h.lines(h.div(div, "c l13", "font-style: italic; font-weight: normal"), appendix.note());
    }
    rule(h, div, TEXT_WIDTH_MM / 4, 3);
    h.div(div, null, "height: 8pt");
    blocks(h, div, appendix.body());
  }

  private static void rule(Html h, Element parent, float widthMm, float marginTopPt) {
    h.div(parent, "rule", "width: " + mm(widthMm) + "; margin-top: " + marginTopPt + "pt");
  }

  /** An XHTML document under construction: elements in the XHTML namespace, values as text nodes. */
  private static final class Html {
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    final Document document = DOM.createDocument(XHTML, "html", null);
    final Element root = document.getDocumentElement();

    Html() {
      root.setAttribute("lang", "vi");
    }

    Element child(Element parent, String tag) {
      return (Element) parent.appendChild(document.createElementNS(XHTML, tag));
    }

    Element element(Element parent, String tag, String cssClass, String style) {
      Element element = child(parent, tag);
      if (cssClass != null) {
        element.setAttribute("class", cssClass);
      }
      if (style != null) {
        element.setAttribute("style", style);
      }
      return element;
    }

    Element div(Element parent, String cssClass, String style) {
      return element(parent, "div", cssClass, style);
    }

    /** Text on one line (as the markup had it: one text node, none when empty). */
    void text(Element parent, String value) {
      if (!value.isEmpty()) {
        parent.appendChild(document.createTextNode(value));
      }
    }

    /** Text whose line breaks become {@code <br/>}. */
    void lines(Element parent, String value) {
      int from = 0;
      for (int nl = value.indexOf('\n'); nl >= 0; nl = value.indexOf('\n', from)) {
        text(parent, value.substring(from, nl));
        child(parent, "br");
        from = nl + 1;
      }
      text(parent, value.substring(from));
    }
  }

  private static String mm(float value) {
    return String.format(Locale.ROOT, "%.1fmm", value);
  }

  private static float ptToMm(float pt) {
    return pt * 25.4f / 72f;
  }

}
