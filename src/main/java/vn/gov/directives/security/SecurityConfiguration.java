package vn.gov.directives.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of the two APIs and of Actuator, and the engine's script lockdown. The Camunda webapps keep their
 * own session login and CSRF protection untouched.
 */
@Configuration
public class SecurityConfiguration implements WebMvcConfigurer {

  public static final String ENGINE_REST = "/engine-rest/*";
  public static final String API = "/api/*";
  public static final String ACTUATOR = "/actuator/*";

  private final IdentityService identityService;

  public SecurityConfiguration(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The REST starter leaves /engine-rest open; Camunda's own filter with HTTP Basic closes it. */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    registration.setName("api-authentication");
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ActuatorAccessFilter> actuatorAccess(ProcessEngine engine) {
    FilterRegistrationBean<ActuatorAccessFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAccessFilter(engine));
    registration.setName("actuator-access");
    registration.addUrlPatterns(ACTUATOR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Static: an engine plugin must exist before the engine, which this configuration's constructor needs. */
  @Bean
  public static ScriptLockdownPlugin scriptLockdownPlugin() {
    return new ScriptLockdownPlugin();
  }

  /** Lets a controller method declare {@code CurrentUser user}. */
  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return CurrentUser.require(identityService);
      }
    });
  }
}
