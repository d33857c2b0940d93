package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;

/** The XML parser factories openhtmltopdf asks for on every PDF are looked up once, and are the same ones. */
class XmlFactoriesTest {

  @Test
  void afterAPdfTheParserFactoriesArePinnedToWhatTheOrdinaryLookupFinds() {
    new PdfRenderer().render(new DocumentComposer().compose(new TemplateLibrary(null).load("to-trinh-ke-hoach"),
        DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019, 1, DocumentFixtures.toTrinh()));
    String sax = System.getProperty(XmlFactories.SAX_PARSER_FACTORY);
    String dom = System.getProperty(XmlFactories.DOCUMENT_BUILDER_FACTORY);
    assertThat(sax).isNotBlank();
    assertThat(dom).isNotBlank();
    // without the property the lookup scans the class path and finds the same implementation
    System.clearProperty(XmlFactories.SAX_PARSER_FACTORY);
    System.clearProperty(XmlFactories.DOCUMENT_BUILDER_FACTORY);
    try {
      assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(sax);
      assertThat(DocumentBuilderFactory.newInstance().getClass().getName()).isEqualTo(dom);
    } finally {
      System.setProperty(XmlFactories.SAX_PARSER_FACTORY, sax);
      System.setProperty(XmlFactories.DOCUMENT_BUILDER_FACTORY, dom);
    }
  }
}
