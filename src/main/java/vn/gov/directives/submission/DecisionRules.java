package vn.gov.directives.submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a decision form must contain, as the BPMN states it: the allowed choices, and for some choices a required
 * text, e.g. {@code return=directorComments|Ý kiến chỉ đạo;reject=leaderComments|Ý kiến của lãnh đạo}.
 */
public record DecisionRules(String decisionVariable, List<String> allowed, Map<String, List<Requirement>> requires) {

  /** A text field that must be filled in for a choice. */
  public record Requirement(String variable, String label) {}

  public static DecisionRules parse(String decisionVariable, String allowed, String requires) {
    Map<String, List<Requirement>> byChoice = new LinkedHashMap<>();
    if (requires != null && !requires.isBlank()) {
      for (String rule : requires.split(";")) {
        String[] choiceAndField = rule.split("=", 2);
        String[] fieldAndLabel = choiceAndField[1].split("\\|", 2);
        String label = fieldAndLabel.length > 1 ? fieldAndLabel[1].strip() : fieldAndLabel[0].strip();
        byChoice.computeIfAbsent(choiceAndField[0].strip(), k -> new ArrayList<>())
            .add(new Requirement(fieldAndLabel[0].strip(), label));
      }
    }
    return new DecisionRules(decisionVariable,
        Arrays.stream(allowed.split(",")).map(String::strip).toList(), byChoice);
  }

  /** Every problem with the submitted values, in Vietnamese; empty when the decision is complete. */
  public List<String> problems(Map<String, Object> values) {
    List<String> problems = new ArrayList<>();
    Object choice = values.get(decisionVariable);
    if (choice == null || !allowed.contains(choice.toString())) {
      problems.add("Cần chọn một quyết định hợp lệ (" + String.join(", ", allowed) + "), không phải '"
          + (choice == null ? "" : choice) + "'.");
      return problems;
    }
    for (Requirement requirement : requires.getOrDefault(choice.toString(), List.of())) {
      Object text = values.get(requirement.variable());
      if (text == null || text.toString().isBlank()) {
        problems.add("'" + requirement.label() + "' là bắt buộc khi chọn quyết định này.");
      }
    }
    return problems;
  }
}
