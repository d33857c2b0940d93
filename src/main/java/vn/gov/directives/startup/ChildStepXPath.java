package vn.gov.directives.startup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathEvaluationResult;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * An XPath that answers the expressions MyBatis's mapping parser asks — child steps such as {@code selectKey},
 * {@code /mapper/resultMap} or {@code select|insert|update|delete}, for a node or a node-set — by walking the DOM's
 * children, and hands everything else to the JDK's XPath unchanged. The answer is the same as the JDK's: elements
 * without a namespace whose name is the step's, in document order. A document where a child element has a namespace
 * or a prefix is left to the JDK too, so that the two never differ on how a name matches.
 */
final class ChildStepXPath implements XPath {

  /** An element name without a prefix. */
  private static final String ELEMENT_NAME = "[A-Za-z_][A-Za-z0-9_.-]*";
  /** An optional {@code /}, then element names joined by {@code /}. */
  private static final String CHILD_PATH = "/?" + ELEMENT_NAME + "(/" + ELEMENT_NAME + ")*";
  /** One or more paths separated by {@code |}. */
  private static final Pattern CHILD_STEPS = Pattern.compile(CHILD_PATH + "(\\|" + CHILD_PATH + ")*");

  /** The few distinct expressions MyBatis uses, parsed once per JVM; an empty value means "not child steps". */
  private static final Map<String, Optional<List<Path>>> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_PARSED = 256;

  private final XPath jdk;

  ChildStepXPath(XPath jdk) {
    this.jdk = jdk;
  }

  @Override
  public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
    boolean nodeResult = XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType);
    if (nodeResult && item instanceof Node context && expression != null) {
      Optional<List<Path>> paths = parse(expression);
      if (paths.isPresent()) {
        List<Node> found = select(paths.get(), context);
        if (found != null) {
          if (XPathConstants.NODE.equals(returnType)) {
            return found.isEmpty() ? null : found.get(0);
          }
          return new Nodes(found);
        }
      }
    }
    return jdk.evaluate(expression, item, returnType);
  }

  private static Optional<List<Path>> parse(String expression) {
    Optional<List<Path>> parsed = PARSED.get(expression);
    if (parsed == null) {
      parsed = Optional.empty();
      if (CHILD_STEPS.matcher(expression).matches()) {
        List<Path> paths = new ArrayList<>();
        for (String path : expression.split("\\|")) {
          boolean absolute = path.startsWith("/");
          paths.add(new Path(absolute, List.of((absolute ? path.substring(1) : path).split("/"))));
        }
        parsed = Optional.of(List.copyOf(paths));
      }
      if (PARSED.size() < MAX_PARSED) {
        PARSED.put(expression, parsed);
      }
    }
    return parsed;
  }

  /** The elements the paths select from the context, in document order; null if a name could match differently. */
  private static List<Node> select(List<Path> paths, Node context) {
    Set<Node> found = new LinkedHashSet<>();
    for (Path path : paths) {
      List<Node> nodes = List.of(path.absolute() ? ownerDocument(context) : context);
      for (String name : path.steps()) {
        List<Node> next = new ArrayList<>();
        for (Node node : nodes) {
          if (!addChildElements(node, name, next)) {
            return null;
          }
        }
        nodes = next;
      }
      found.addAll(nodes);
    }
    List<Node> selected = new ArrayList<>(found);
    if (paths.size() > 1) {
      selected.sort(ChildStepXPath::documentOrder);
    }
    return selected;
  }

  private static Node ownerDocument(Node node) {
    return node.getNodeType() == Node.DOCUMENT_NODE ? node : node.getOwnerDocument();
  }

  private static boolean addChildElements(Node parent, String name, List<Node> into) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      String childName = child.getNodeName();
      if (child.getNamespaceURI() != null || childName.indexOf(':') >= 0) {
        return false;
      }
      if (childName.equals(name)) {
        into.add(child);
      }
    }
    return true;
  }

  private static int documentOrder(Node a, Node b) {
    if (a == b) {
      return 0;
    }
    return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) != 0 ? -1 : 1;
  }

  private record Path(boolean absolute, List<String> steps) {}

  private record Nodes(List<Node> nodes) implements NodeList {
    @Override
    public Node item(int index) {
      return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
    }

    @Override
    public int getLength() {
      return nodes.size();
    }
  }

  // Everything else is the JDK's.

  @Override
  public void reset() {
    jdk.reset();
  }

  @Override
  public void setXPathVariableResolver(XPathVariableResolver resolver) {
    jdk.setXPathVariableResolver(resolver);
  }

  @Override
  public XPathVariableResolver getXPathVariableResolver() {
    return jdk.getXPathVariableResolver();
  }

  @Override
  public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
    jdk.setXPathFunctionResolver(resolver);
  }

  @Override
  public XPathFunctionResolver getXPathFunctionResolver() {
    return jdk.getXPathFunctionResolver();
  }

  @Override
  public void setNamespaceContext(NamespaceContext context) {
    jdk.setNamespaceContext(context);
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return jdk.getNamespaceContext();
  }

  @Override
  public XPathExpression compile(String expression) throws XPathExpressionException {
    return jdk.compile(expression);
  }

  @Override
  public String evaluate(String expression, Object item) throws XPathExpressionException {
    return jdk.evaluate(expression, item);
  }

  @Override
  public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
    return jdk.evaluate(expression, source, returnType);
  }

  @Override
  public String evaluate(String expression, InputSource source) throws XPathExpressionException {
    return jdk.evaluate(expression, source);
  }

  @Override
  public <T> T evaluateExpression(String expression, Object item, Class<T> type) throws XPathExpressionException {
    return jdk.evaluateExpression(expression, item, type);
  }

  @Override
  public XPathEvaluationResult<?> evaluateExpression(String expression, Object item)
      throws XPathExpressionException {
    return jdk.evaluateExpression(expression, item);
  }

  @Override
  public <T> T evaluateExpression(String expression, InputSource source, Class<T> type)
      throws XPathExpressionException {
    return jdk.evaluateExpression(expression, source, type);
  }

  @Override
  public XPathEvaluationResult<?> evaluateExpression(String expression, InputSource source)
      throws XPathExpressionException {
    return jdk.evaluateExpression(expression, source);
  }
}
