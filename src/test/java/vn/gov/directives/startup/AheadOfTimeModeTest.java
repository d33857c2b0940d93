package vn.gov.directives.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.core.SpringProperties;
import vn.gov.directives.Application;

class AheadOfTimeModeTest {

  private static final URL EXECUTABLE_JAR = url("jar:file:/srv/directives/directive-follow-up.jar!/BOOT-INF/classes!/");
  private static final URL EXTRACTED_JAR = url("file:/srv/directives/app/directive-follow-up.jar");
  private static final URL CLASS_FOLDER = url("file:/work/main/target/classes/");

  @Test
  void thePackagedJarStartsFromTheBuildsDefinitions() {
    assertThat(AheadOfTimeMode.shouldEnable(null, true, EXECUTABLE_JAR)).isTrue();
    assertThat(AheadOfTimeMode.shouldEnable(null, true, EXTRACTED_JAR)).isTrue();
  }

  @Test
  void aClassFolderNeverDoes_evenWithGeneratedClassesLeftByAnEarlierBuild() {
    assertThat(AheadOfTimeMode.shouldEnable(null, true, CLASS_FOLDER)).isFalse();
  }

  @Test
  void aJarBuiltWithoutThemStartsAsUsual() {
    assertThat(AheadOfTimeMode.shouldEnable(null, false, EXECUTABLE_JAR)).isFalse();
  }

  @Test
  void theOperatorsFlagStands() {
    assertThat(AheadOfTimeMode.shouldEnable("false", true, EXECUTABLE_JAR)).isFalse();
    assertThat(AheadOfTimeMode.shouldEnable("true", true, EXECUTABLE_JAR)).isFalse(); // already on: nothing to do
  }

  @Test
  void testsRunFromClassFoldersSoTheirContextsAreWorkedOutAtStartAsAlways() {
    AheadOfTimeMode.useBuildTimeDefinitionsWhenPackaged(Application.class);
    assertThat(SpringProperties.getProperty(AotDetector.AOT_ENABLED)).isNull();
    assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
  }

  private static URL url(String spec) {
    try {
      return new URL(spec);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
