package vn.gov.directives.startup;

import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What a start from the build's bean definitions needs (README "Start-up: bean definitions from the build"). */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

  /** Static: a post-processor must exist before the beans it processes. Its own type, so that Spring sees its order. */
  @Bean
  static UnseenInjectionPoints unseenInjectionPoints() {
    return new UnseenInjectionPoints();
  }

  /** Checked before any bean is created: a refused start has written nothing. */
  @Bean
  static BeanFactoryPostProcessor refuseSwitchesTheBuildDidNotFollow(Environment environment) {
    return beanFactory -> {
      if (!AotDetector.useGeneratedArtifacts()) {
        return;
      }
      List<String> problems = BuildTimeSwitches.disagreements(BuildTimeSwitches.CAMUNDA_STARTER, environment,
          beanFactory::containsBeanDefinition);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("Cấu hình khác với bản build, từ chối khởi động (settings the jar's build-time"
            + " bean definitions did not follow): " + String.join("; ", problems));
      }
    };
  }
}
