package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(WithField.class);
    definition.setInstanceSupplier(WithField::new);
    beans.registerBeanDefinition("withField", definition);

    assertThat(beans.getBean(WithField.class).properties).isNull();
  }

  @Test
  void fromTheBuildsDefinitions_anInterfaceTypedBeanIsAlsoClosedAtShutdown() {
    SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    DefaultListableBeanFactory beans = beanFactoryAsTheBuildRegistersIt();
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(Runnable.class);
    definition.setInstanceSupplier(Closing::new);
    beans.registerBeanDefinition("closing", definition);
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
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(CamundaMetricsConfiguration.class);
    definition.setInstanceSupplier(DefaultMetricsConfiguration::new);
    beans.registerBeanDefinition("camundaMetricsConfiguration", definition);
    UnseenInjectionPoints unseen = new UnseenInjectionPoints();
    unseen.setBeanFactory(beans);
    beans.addBeanPostProcessor(unseen);
    return beans;
  }
}
