package vn.gov.directives.startup;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.CommonAnnotationBeanPostProcessor;
import org.springframework.core.PriorityOrdered;

/**
 * Completes, in a start from the build's bean definitions, the beans whose {@code @Bean} method declares an interface.
 * The build sees only the declared type, so it generates no injection and no {@code @PostConstruct} call for what the
 * implementation declares, nor {@code @PreDestroy} at shutdown. Camunda's Spring Boot starter has a dozen such beans
 * ({@code camundaProcessEngineConfiguration} is a {@code CamundaProcessEngineConfiguration}; the
 * {@code DefaultProcessEngineConfiguration} it returns has {@code @Autowired CamundaBpmProperties}): without this the
 * engine fails to start. Only interface-typed beans are touched: for a class the build saw the members itself, and
 * doing them again would call {@code @PostConstruct} twice. Outside that mode Spring's own post-processors do the work
 * and this does nothing.
 */
final class UnseenInjectionPoints implements DestructionAwareBeanPostProcessor, BeanFactoryAware, PriorityOrdered {

  /** Read once: the flag is set in {@code main}, before any post-processor exists. */
  private final boolean fromBuildTimeDefinitions = AotDetector.useGeneratedArtifacts();
  /** The beans completed here, by identity: only they may need a {@code @PreDestroy} call from here. */
  private final Set<Object> completed =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private ConfigurableListableBeanFactory beanFactory;
  private final AutowiredAnnotationBeanPostProcessor injection = new AutowiredAnnotationBeanPostProcessor();
  private final CommonAnnotationBeanPostProcessor initialization = new CommonAnnotationBeanPostProcessor();

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    injection.setBeanFactory(beanFactory);
    initialization.setBeanFactory(beanFactory);
  }

  /** First: the starter's configuration beans are created while other post-processors are being set up. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (fromBuildTimeDefinitions && declaredAsInterface(beanName)) {
      injection.processInjection(bean);
      initialization.postProcessBeforeInitialization(bean, beanName);
      completed.add(bean);
    }
    return bean;
  }

  /** Asked for every bean: only those completed here are looked into, not every class of the context. */
  @Override
  public boolean requiresDestruction(Object bean) {
    return completed.contains(bean) && initialization.requiresDestruction(bean);
  }

  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) {
    if (completed.remove(bean)) {
      initialization.postProcessBeforeDestruction(bean, beanName);
    }
  }

  private boolean declaredAsInterface(String beanName) {
    if (!beanFactory.containsBeanDefinition(beanName)) {
      return false;
    }
    Class<?> declared = beanFactory.getMergedBeanDefinition(beanName).getResolvableType().resolve();
    return declared != null && declared.isInterface();
  }
}
