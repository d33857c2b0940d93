package vn.gov.directives.startup;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;

/**
 * The JDK's XPath, except for MyBatis's mapping parser, which gets {@link ChildStepXPath}: child steps answered by
 * walking the DOM.
 *
 * <p>Why: at every start Camunda's engine parses its 55 MyBatis mapping files, and MyBatis asks XPath for the
 * {@code selectKey} children of each of their ~880 statements (Camunda's have none). The JDK's XPath answers each
 * question by first building its own model of the document up to the statement, so the cost grows with the file:
 * those questions were 8 % of the main thread's CPU to "Started" (README "Start-up: MyBatis's XPath"). Every other
 * caller (Spin's XML, anything else in the JVM) gets the JDK's XPath itself, not a wrapper: MyBatis's
 * {@code XPathParser} is recognised as the caller of {@link #newXPath()}.
 *
 * <p>Registered through {@code META-INF/services/javax.xml.xpath.XPathFactory}, which
 * {@link XPathFactory#newInstance()} consults before the JDK's default (a system property naming another factory
 * still wins); it supports only the DOM object model, so a lookup for another model passes it by.
 */
public class ChildStepXPathFactory extends XPathFactory {

  private static final String MYBATIS_XPATH_PARSER = "org.apache.ibatis.parsing.XPathParser";

  private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private final XPathFactory jdk = XPathFactory.newDefaultInstance();

  @Override
  public boolean isObjectModelSupported(String objectModel) {
    return DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
  }

  @Override
  public XPath newXPath() {
    XPath xpath = jdk.newXPath();
    return calledByMyBatis() ? new ChildStepXPath(xpath) : xpath;
  }

  private static boolean calledByMyBatis() {
    return STACK.walk(frames -> frames
        .map(StackWalker.StackFrame::getDeclaringClass)
        .filter(type -> type != ChildStepXPathFactory.class)
        .findFirst()
        .map(type -> type.getName().equals(MYBATIS_XPATH_PARSER))
        .orElse(false));
  }

  @Override
  public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
    jdk.setFeature(name, value);
  }

  @Override
  public boolean getFeature(String name) throws XPathFactoryConfigurationException {
    return jdk.getFeature(name);
  }

  @Override
  public void setXPathVariableResolver(XPathVariableResolver resolver) {
    jdk.setXPathVariableResolver(resolver);
  }

  @Override
  public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
    jdk.setXPathFunctionResolver(resolver);
  }
}
