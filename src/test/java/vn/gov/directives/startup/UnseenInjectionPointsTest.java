package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaMetricsConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultMetricsConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.SpringProperties;

/**
 * A bean registered as the build registers Camunda's {@code camundaMetricsConfiguration}: declared as the interface,
 * created by a supplier, so no injection and no {@code @PostConstruct} of its own.
 */
class UnseenInjectionPointsTest {

  @AfterEach
  void leaveTheBuildsDefinitionsOff() {
    SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
  }

  @Test
  void fromTheBuildsDefinitions_theStartersSettingsReachTheEngine() {
    SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    DefaultListableBeanFactory beans = beanFactoryAsTheBuildRegistersIt();

    SpringProcessEngineConfiguration engine = new SpringProcessEngineConfiguration();
    engine.setMetricsEnabled(true);
    beans.getBean(CamundaMetricsConfiguration.class).preInit(engine);

    // camunda.bpm.metrics.enabled=false was read through the injected properties by the @PostConstruct
    assertThat(engine.isMetricsEnabled()).isFalse();
  }

  @Test
  void withoutThem_itLeavesTheWorkToSpring() {
    DefaultListableBeanFactory beans = beanFactoryAsTheBuildRegistersIt();

    // here nothing injects: the very failure a start from the build's definitions had before this class
    assertThatThrownBy(() -> beans.getBean(CamundaMetricsConfiguration.class)
        .preInit(new SpringProcessEngineConfiguration())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aBeanDeclaredAsItsClassIsLeftToTheBuildsGeneratedCode() {
    SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    DefaultListableBeanFactory beans = beanFactoryAsTheBuildRegistersIt();
    registerAsTheBuildDoes(beans, "withField", WithField.class, WithField::new);

    assertThat(beans.getBean(WithField.class).properties).isNull();
  }

  @Test
  void fromTheBuildsDefinitions_anInterfaceTypedBeanIsAlsoClosedAtShutdown() {
    SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    DefaultListableBeanFactory beans = beanFactoryAsTheBuildRegistersIt();
    registerAsTheBuildDoes(beans, "closing", Runnable.class, Closing::new);
    Closing closing = (Closing) beans.getBean("closing");

    beans.destroySingletons();

    assertThat(closing.closed).isTrue();
  }

  static class Closing implements Runnable {
    boolean closed;

    @Override
    public void run() {}

    @jakarta.annotation.PreDestroy
    void close() {
      closed = true;
    }
  }

  static class WithField {
    @Autowired CamundaBpmProperties properties;
  }

  private static DefaultListableBeanFactory beanFactoryAsTheBuildRegistersIt() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.getMetrics().setEnabled(false);
    beans.registerSingleton("camundaBpmProperties", properties);
    registerAsTheBuildDoes(beans, "camundaMetricsConfiguration", CamundaMetricsConfiguration.class,
        DefaultMetricsConfiguration::new);
    UnseenInjectionPoints unseen = new UnseenInjectionPoints();
    unseen.setBeanFactory(beans);
    beans.addBeanPostProcessor(unseen);
    return beans;
  }

  /** As the generated code registers a {@code @Bean} method's result: its declared type and a supplier. */
  private static <T> void registerAsTheBuildDoes(DefaultListableBeanFactory beans, String name, Class<T> declared,
      Supplier<? extends T> supplier) {
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(declared);
    definition.setInstanceSupplier(supplier);
    beans.registerBeanDefinition(name, definition);
  }
}
