package vn.gov.directives.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry, before authentication and before anything parses it: {@code /api} bodies
 * (JSON of a notice, a deadline) and {@code /engine-rest} bodies (form submissions, deployments of models and forms)
 * each have their own size; the REST API answers a task already completed by someone else with 409 and a refused
 * Java-serialized variable with 400 (Camunda says 500 for both).
 */
@Configuration
public class HostileInputConfiguration {

  @Bean
  public FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(
      @Value("${app.security.max-api-request-size:1MB}") DataSize max) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(max, message -> ApiErrors.body("", message)));
    registration.setName("api-request-size-limit");
    registration.addUrlPatterns(SecurityConfiguration.API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<RequestSizeLimitFilter> engineRestRequestSizeLimit(
      @Value("${app.security.max-engine-rest-request-size:10MB}") DataSize max) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(max, HostileInputConfiguration::engineRestError));
    registration.setName("engine-rest-request-size-limit");
    registration.addUrlPatterns(SecurityConfiguration.ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }

  /** Camunda REST's own error shape: {@code {"type", "message"}}. */
  static Map<String, Object> engineRestError(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "RequestTooLarge");
    body.put("message", message);
    return body;
  }

  /**
   * The starter's Jersey configuration with {@link TaskConflictResponseFilter} and
   * {@link SerializedObjectRefusalFilter} added (the documented way to extend
   * the REST API: a {@code CamundaJerseyResourceConfig} bean replaces the starter's).
   */
  @Bean
  public CamundaJerseyResourceConfig camundaJerseyResourceConfig(ProcessEngine engine) {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(new TaskConflictResponseFilter(engine));
        register(new SerializedObjectRefusalFilter());
      }
    };
  }
}
