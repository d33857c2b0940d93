package vn.gov.directives.document;

import javax.xml.transform.TransformerFactory;

/**
 * POI creates a {@link TransformerFactory} for every XML part it writes (several per DOCX), and without the system
 * property {@code javax.xml.transform.TransformerFactory} each creation is a ServiceLoader scan of every jar on the
 * class path — measured as a sixth of the DOCX rendering time in the throughput benchmark. The ordinary lookup is
 * done once and its answer pinned in that property, so every later lookup (ours and other libraries') finds the same
 * implementation it would have found, without the scan. An implementation chosen explicitly is left alone.
 */
final class XmlFactories {

  static final String TRANSFORMER_FACTORY = TransformerFactory.class.getName();

  private XmlFactories() {}

  static synchronized void pinTransformerFactory() {
    if (System.getProperty(TRANSFORMER_FACTORY) == null) {
      System.setProperty(TRANSFORMER_FACTORY, TransformerFactory.newInstance().getClass().getName());
    }
  }
}
