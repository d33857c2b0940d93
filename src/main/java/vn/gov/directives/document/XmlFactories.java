package vn.gov.directives.document;

import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * A library that creates a {@link TransformerFactory} for every XML part it writes (POI did, several per DOCX, when it
 * wrote ours; it is now the tests' reference renderer) pays, without the system property
 * {@code javax.xml.transform.TransformerFactory}, a ServiceLoader scan of every jar on the class path at each creation
 * — a sixth of POI's DOCX rendering time in the throughput benchmark. The ordinary lookup is
 * done once and its answer pinned in that property, so every later lookup (ours and other libraries') finds the same
 * implementation it would have found, without the scan. An implementation chosen explicitly is left alone.
 * openhtmltopdf does the same with a {@link SAXParserFactory} and a {@link DocumentBuilderFactory} for every PDF
 * (its XHTML parser): about 3 % of a PDF's CPU in the throughput benchmark, pinned the same way.
 */
final class XmlFactories {

  static final String TRANSFORMER_FACTORY = TransformerFactory.class.getName();

  static final String SAX_PARSER_FACTORY = SAXParserFactory.class.getName();
  static final String DOCUMENT_BUILDER_FACTORY = DocumentBuilderFactory.class.getName();

  private XmlFactories() {}

  /** Called from the renderers' static initialisers: once per class, not per document. */
  static synchronized void pin() {
    pin(TRANSFORMER_FACTORY, () -> TransformerFactory.newInstance().getClass().getName());
    pin(SAX_PARSER_FACTORY, () -> SAXParserFactory.newInstance().getClass().getName());
    pin(DOCUMENT_BUILDER_FACTORY, () -> DocumentBuilderFactory.newInstance().getClass().getName());
  }

  private static void pin(String property, Supplier<String> ordinaryLookup) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, ordinaryLookup.get());
    }
  }
}
