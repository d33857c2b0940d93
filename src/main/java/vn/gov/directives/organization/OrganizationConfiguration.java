package vn.gov.directives.organization;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads the organisation once at start-up; an invalid file stops the application with the list of problems. */
@Configuration
@EnableConfigurationProperties(OrganizationProperties.class)
public class OrganizationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationConfiguration.class);

  /** The prod profile refuses demo users and a missing or weak admin password before anything else starts. */
  @Bean
  public static BeanFactoryPostProcessor refuseUnsafeProductionConfiguration(Environment environment) {
    return ProductionGuard.refuseUnsafeConfiguration(environment);
  }

  /** Named {@code organization}: BPMN expressions say {@code ${organization.specialists(surveyAgency)}}. */
  @Bean(name = "organization")
  public ConfiguredOrganization organization(OrganizationProperties properties) {
    if (properties.file() == null || properties.file().isBlank()) {
      LOG.info("Organisation: bundled {}", OrganizationLoader.BUNDLED);
      return OrganizationLoader.loadBundled();
    }
    Path file = Path.of(properties.file().strip());
    LOG.info("Organisation: external file {}", file.toAbsolutePath());
    return OrganizationLoader.load(file);
  }

  /** The demo accounts as configured (always loaded: the prod profile uses the ids to refuse demo users). */
  @Bean
  public DemoUserList demoUserList(ConfiguredOrganization organization) {
    return new DemoUserList(DemoUserLoader.loadBundled(organization));
  }

  /** Wrapper so that the list is a single, clearly named bean. */
  public record DemoUserList(List<DemoUser> users) {}
}
