package vn.gov.directives.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployed DMN table processes/it-ranking-level.dmn, evaluated by Camunda's DMN engine at every edge. */
class RankingLevelTableTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/it-ranking-level.dmn")) {
      decision = engine.parseDecision(RankingLevels.DECISION_KEY, in);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "100, Tốt", "85, Tốt", "84.99, Khá", "70, Khá", "69.99, Trung bình", "50, Trung bình", "49.99, Yếu",
      "0, Yếu"})
  void levelAtEachThresholdEdge(double score, String level) {
    var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("score", score));
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} has no level")
  @CsvSource({"100.01", "-0.01"})
  void scoreOutsideTheScaleIsNotRated(double score) {
    var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("score", score));
    assertThat(result.getSingleResult()).isNull();
  }
}
