package vn.gov.directives.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dtest.database=postgres}, every Spring Boot application the tests start runs on the embedded
 * PostgreSQL with the production {@code postgres} profile: {@link Profile} includes the profile before the
 * configuration files are read, {@link Datasource} then points the data source that the test chose for H2 at the
 * PostgreSQL database of the same name (registered in {@code META-INF/spring.factories} of the tests).
 */
public final class PostgresTestEnvironment {

  private PostgresTestEnvironment() {}

  /** Runs before the configuration files are read (Spring Boot's ConfigData processor is HIGHEST_PRECEDENCE + 10). */
  public static final class Profile implements EnvironmentPostProcessor, Ordered {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
      if (TestDatabase.postgres()) {
        environment.getPropertySources().addFirst(new MapPropertySource("test-postgres-profile",
            Map.of("spring.profiles.include", "postgres")));
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 5;
    }
  }

  /** Runs after the configuration files: the test's own H2 URL is known and replaced. */
  public static final class Datasource implements EnvironmentPostProcessor, Ordered {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
      if (!TestDatabase.postgres()) {
        return;
      }
      String name = TestDatabase.h2Name(environment.getProperty("spring.datasource.url"));
      if (name == null) {
        return; // a test that chose PostgreSQL itself
      }
      Map<String, Object> properties = new HashMap<>();
      properties.put("spring.datasource.url", TestDatabase.postgresUrl(name));
      properties.put("spring.datasource.username", TestDatabase.USER);
      properties.put("spring.datasource.password", "");
      properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
      // Spring caches a dozen test contexts; a fixed pool each would hold hundreds of idle connections
      properties.put("spring.datasource.hikari.minimum-idle", "1");
      environment.getPropertySources().addFirst(new MapPropertySource("test-postgres-datasource", properties));
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 20;
    }
  }
}
