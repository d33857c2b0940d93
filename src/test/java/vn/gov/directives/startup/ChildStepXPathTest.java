package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * ChildStepXPath gives the JDK's answer for every expression and context: the same elements in the same order, or the
 * same null, whether it walks the children itself or hands the question to the JDK.
 */
class ChildStepXPathTest {

  private static final String MAPPER = """
      <?xml version="1.0"?>
      <mapper namespace="x">
        <resultMap id="r1"/>
        <sql id="s1">a</sql>
        <!-- a comment -->
        <select id="q1"><selectKey keyProperty="id"/>select 1</select>
        <insert id="i1">insert</insert>
        <select id="q2">select <include refid="s1"/></select>
        <resultMap id="r2"><result property="p"/></resultMap>
        <update id="u1"><selectKey/><selectKey/>update</update>
        <delete id="d1">delete</delete>
        <sql id="s2">b</sql>
      </mapper>
      """;

  private static final String NAMESPACED = """
      <?xml version="1.0"?>
      <mapper xmlns:x="urn:x">
        <select id="q1"/>
        <x:select id="q2"/>
        <other xmlns="urn:y"><select id="q3"/></other>
      </mapper>
      """;

  private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();
  private final XPath childSteps = new ChildStepXPath(XPathFactory.newDefaultInstance().newXPath());

  @ParameterizedTest(name = "{0} from {1} in a {2}-aware document")
  @CsvSource({
      "/mapper, document, non-namespace",
      "/mapper, select, non-namespace",
      "/mapper/resultMap, mapper, non-namespace",
      "/mapper/sql, select, non-namespace",
      "/mapper/parameterMap, mapper, non-namespace",
      "select|insert|update|delete, mapper, non-namespace",
      "delete|select, mapper, non-namespace",
      "/mapper/sql|/mapper/resultMap|select, mapper, non-namespace",
      "selectKey, select, non-namespace",
      "selectKey, update, non-namespace",
      "selectKey, delete, non-namespace",
      "cache-ref, mapper, non-namespace",
      "resultMap/result, mapper, non-namespace",
      "mapper, document, non-namespace",
      "configuration, document, non-namespace",
      "/configuration, mapper, non-namespace",
      "select, mapper, namespace",
      "/mapper/select, mapper, namespace",
      "select, mapper, namespace-ignoring",
      "other/select, mapper, namespace",
      // Not child steps: the JDK answers.
      "//select, document, non-namespace",
      "select[@id='q2'], mapper, non-namespace",
      "*, mapper, non-namespace",
      "../mapper, select, non-namespace",
  })
  void givesTheJdksNodesInDocumentOrder(String expression, String context, String awareness) throws Exception {
    Document document = parse(awareness.equals("non-namespace") ? MAPPER : NAMESPACED,
        awareness.equals("namespace"));
    Node item = context.equals("document") ? document : document.getElementsByTagName(context).item(0);

    assertThat(ids(childSteps.evaluate(expression, item, XPathConstants.NODESET)))
        .isEqualTo(ids(jdk.evaluate(expression, item, XPathConstants.NODESET)));
    Node first = (Node) childSteps.evaluate(expression, item, XPathConstants.NODE);
    Node jdkFirst = (Node) jdk.evaluate(expression, item, XPathConstants.NODE);
    assertThat(first).isSameAs(jdkFirst);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "count(/mapper/select), NUMBER, 2.0",
      "/mapper/sql, STRING, a",
      "selectKey, BOOLEAN, false",
  })
  void handsOtherResultTypesToTheJdk(String expression, String type, String expected) throws Exception {
    Document document = parse(MAPPER, false);
    QName returnType = (QName) XPathConstants.class.getField(type).get(null);

    assertThat(String.valueOf(childSteps.evaluate(expression, document, returnType))).isEqualTo(expected);
  }

  @Test
  void returnsTheSameElementsAsTheJdkNotCopies() throws Exception {
    Document document = parse(MAPPER, false);
    NodeList statements = (NodeList) childSteps.evaluate("select|insert|update|delete",
        document.getDocumentElement(), XPathConstants.NODESET);

    assertThat(statements.getLength()).isEqualTo(5);
    assertThat(statements.item(0)).isSameAs(document.getElementsByTagName("select").item(0));
    assertThat(statements.item(5)).isNull();
  }

  private static Document parse(String xml, boolean namespaceAware) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(namespaceAware);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml.strip())));
  }

  /** Each node as its name and id (or its text), so that a failure says which nodes differ. */
  private static List<String> ids(Object result) {
    NodeList nodes = (NodeList) result;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      String id = node instanceof Element element && element.hasAttribute("id")
          ? element.getAttribute("id") : node.getTextContent().strip();
      ids.add(node.getNodeName() + "#" + id + "@" + System.identityHashCode(node));
    }
    return ids;
  }
}
