package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.parsing.XPathParser;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM's XPath factory is the product's; MyBatis's parser gets the child-step XPath and every other caller the JDK's
 * own; and Camunda's MyBatis mappings parse into the same statements, result maps, keys and SQL fragments either way.
 */
class ChildStepXPathFactoryTest {

  private static final String CAMUNDA_MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";
  private static final String JDK_FACTORY_PROPERTY =
      "javax.xml.xpath.XPathFactory:" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

  @Test
  void theJvmsXPathFactoryIsTheProductsThroughTheServiceFile() {
    assertThat(XPathFactory.newInstance()).isInstanceOf(ChildStepXPathFactory.class);
  }

  @Test
  void callersOtherThanMyBatisGetTheJdksXPathItself() {
    assertThat(XPathFactory.newInstance().newXPath().getClass())
        .isSameAs(XPathFactory.newDefaultInstance().newXPath().getClass());
  }

  @Test
  void myBatisGetsTheChildStepXPath() throws Exception {
    assertThat(xpathOf(new XPathParser("<mapper/>"))).isInstanceOf(ChildStepXPath.class);
  }

  @ParameterizedTest(name = "for {0}")
  @ValueSource(strings = {"h2", "postgres"})
  void camundasMappingsParseToTheSameConfigurationAsWithTheJdksXPath(String databaseType) throws Exception {
    Map<String, String> withJdk = withJdkXPath(() -> summary(parseCamundaMappings(databaseType)));
    Map<String, String> withChildSteps = summary(parseCamundaMappings(databaseType));

    assertThat(withJdk.keySet().stream().filter(key -> key.startsWith("statement ")).count())
        .as("Camunda's mapped statements").isGreaterThan(800);
    assertThat(withChildSteps).isEqualTo(withJdk);
  }

  private static Configuration parseCamundaMappings(String databaseType) throws Exception {
    Properties properties = new Properties();
    properties.put("prefix", "");
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, "", databaseType);
    try (InputStream mappings = ProcessEngineConfigurationImpl.class.getClassLoader()
        .getResourceAsStream(CAMUNDA_MAPPINGS)) {
      return new XMLConfigBuilder(new InputStreamReader(mappings, StandardCharsets.UTF_8), "", properties).parse();
    }
  }

  /** What the XPath answers decide: which statements, result maps, parameter maps, keys and fragments exist. */
  private static Map<String, String> summary(Configuration configuration) {
    Map<String, String> summary = new TreeMap<>();
    // Short names are there too (unless two namespaces share one); only full names can be looked up safely.
    for (String name : configuration.getMappedStatementNames()) {
      if (!name.contains(".")) {
        summary.put("short statement name " + name, "");
        continue;
      }
      MappedStatement statement = configuration.getMappedStatement(name);
      summary.put("statement " + name, statement.getSqlCommandType() + " " + statement.getStatementType()
          + " key " + statement.getKeyGenerator().getClass().getSimpleName()
          + " " + String.join(",", statement.getKeyProperties() == null ? new String[0] : statement.getKeyProperties())
          + " results " + statement.getResultMaps().stream().map(ResultMap::getId).toList()
          + " parameters " + statement.getParameterMap().getId()
          + " source " + statement.getSqlSource().getClass().getSimpleName());
    }
    for (String name : configuration.getResultMapNames()) {
      if (!name.contains(".")) {
        summary.put("short resultMap name " + name, "");
        continue;
      }
      ResultMap resultMap = configuration.getResultMap(name);
      summary.put("resultMap " + name, resultMap.getType() + " "
          + resultMap.getResultMappings().stream()
              .map(mapping -> mapping.getProperty() + "=" + mapping.getColumn() + "/" + mapping.getNestedResultMapId())
              .collect(Collectors.joining(",")));
    }
    for (String name : configuration.getParameterMapNames()) {
      if (!name.contains(".")) {
        summary.put("short parameterMap name " + name, "");
        continue;
      }
      summary.put("parameterMap " + name, String.valueOf(configuration.getParameterMap(name).getParameterMappings()));
    }
    for (String name : configuration.getKeyGeneratorNames()) {
      if (!name.contains(".")) {
        summary.put("short keyGenerator name " + name, "");
        continue;
      }
      summary.put("keyGenerator " + name, configuration.getKeyGenerator(name).getClass().getSimpleName());
    }
    for (String name : configuration.getSqlFragments().keySet()) {
      summary.put("sql " + name, name.contains(".") ? configuration.getSqlFragments().get(name).getStringBody() : "");
    }
    return summary;
  }

  private static <T> T withJdkXPath(Callable<T> work) throws Exception {
    String previous = System.setProperty(JDK_FACTORY_PROPERTY, JdkXPathFactory.class.getName());
    try {
      assertThat(XPathFactory.newInstance()).isInstanceOf(JdkXPathFactory.class);
      return work.call();
    } finally {
      if (previous == null) {
        System.clearProperty(JDK_FACTORY_PROPERTY);
      } else {
        System.setProperty(JDK_FACTORY_PROPERTY, previous);
      }
    }
  }

  private static Object xpathOf(XPathParser parser) throws ReflectiveOperationException {
    Field xpath = XPathParser.class.getDeclaredField("xpath");
    xpath.setAccessible(true);
    return xpath.get(parser);
  }

  /**
   * What the JVM has without the service file, under a name the system property can give: the same delegation to the
   * JDK's factory, and the JDK's XPath for every caller, MyBatis included.
   */
  public static class JdkXPathFactory extends ChildStepXPathFactory {
    @Override
    public XPath newXPath() {
      return XPathFactory.newDefaultInstance().newXPath();
    }
  }
}
