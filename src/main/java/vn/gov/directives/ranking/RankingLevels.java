package vn.gov.directives.ranking;

import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.gov.directives.security.SystemAccess;

/** Rates a normalised score with the DMN table it-ranking-level, in the version that applies to the ranking year. */
@Component
public class RankingLevels {

  public static final String DECISION_KEY = "it-ranking-level";

  private final RepositoryService repository;
  private final DecisionService decisions;

  public RankingLevels(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The deployed version for the year ({@link LevelTableVersions#choose}). */
  public LevelTableVersions.Deployed versionFor(int year) {
    return SystemAccess.call(() -> LevelTableVersions.choose(
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).list().stream()
            .map(d -> new LevelTableVersions.Deployed(d.getId(), d.getVersionTag(), d.getVersion())).toList(),
        year));
  }

  /** "Tốt", "Khá", "Trung bình" or "Yếu". */
  public String level(LevelTableVersions.Deployed version, BigDecimal score) {
    return SystemAccess.call(() -> {
      var matched = decisions.evaluateDecisionTableById(version.id(),
          Variables.createVariables().putValue("score", score.doubleValue())).getSingleResult();
      Object level = matched == null ? null : matched.getSingleEntry();
      if (level == null) {
        throw new IllegalStateException("Bảng quyết định " + DECISION_KEY + " " + version.describe()
            + " không xếp loại được điểm " + score + ".");
      }
      return level.toString();
    });
  }
}
