package vn.gov.directives.startup;

import java.net.URL;
import java.security.CodeSource;
import org.springframework.aot.AotDetector;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

/**
 * Whether a start uses the bean definitions worked out when the jar was built (Spring AOT on the JVM; README "Start-up:
 * bean definitions from the build"). They are used when the application runs from its packaged jar and the build
 * generated them; never from a class folder (tests, an IDE, {@code spring-boot:run}), where generated classes left by
 * an earlier build could be stale. {@code -Dspring.aot.enabled=false} (or {@code true}) is the operator's word and
 * stands.
 */
public final class AheadOfTimeMode {

  private AheadOfTimeMode() {}

  /** Called first thing in {@code main}, before Spring reads the flag. */
  public static void useBuildTimeDefinitionsWhenPackaged(Class<?> application) {
    CodeSource source = application.getProtectionDomain().getCodeSource();
    if (shouldEnable(SpringProperties.getProperty(AotDetector.AOT_ENABLED),
        ClassUtils.isPresent(application.getName() + "__ApplicationContextInitializer", application.getClassLoader()),
        source == null ? null : source.getLocation())) {
      SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    }
  }

  static boolean shouldEnable(String configured, boolean generatedByBuild, URL location) {
    return configured == null && generatedByBuild && location != null && isJar(location);
  }

  /**
   * The executable jar gives {@code jar:nested:/…/app.jar/!BOOT-INF/classes/!/}; the extracted layout of
   * scripts/build-cds-archive.sh gives {@code file:/…/app.jar}; a class folder ends with a slash.
   */
  static boolean isJar(URL location) {
    return "jar".equals(location.getProtocol()) || location.getPath().endsWith(".jar");
  }
}
