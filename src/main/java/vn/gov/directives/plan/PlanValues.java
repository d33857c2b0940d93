package vn.gov.directives.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The plan's content as the document templates print it. */
final class PlanValues {

  private PlanValues() {}

  static Map<String, Object> of(VariableScope scope) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("planTitle", text(scope, "planTitle"));
    values.put("planYear", scope.getVariable("planYear"));
    values.put("legalBases", lines(text(scope, "legalBases")));
    values.put("noticeReference", text(scope, "noticeReference"));
    values.put("objectives", text(scope, "planObjectives"));
    values.put("tasks", text(scope, "planTasks"));
    values.put("budget", budget(scope));
    values.put("schedule", text(scope, "planSchedule"));
    values.put("respondedCount", scope.getVariable("respondedCount"));
    values.put("silentCount", scope.getVariable("silentCount"));
    return values;
  }

  static long budget(VariableScope scope) {
    Object raw = scope.getVariable("planBudget");
    return raw instanceof Number number ? Math.round(number.doubleValue()) : raw == null ? 0 : Long.parseLong(raw.toString());
  }

  /** 1250000000 → "1.250.000.000 đồng", as Vietnamese documents write amounts. */
  static String money(long amount) {
    return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
  }

  static List<String> lines(String text) {
    return text.lines().map(String::strip).map(PlanValues::dropEndPunctuation).filter(line -> !line.isEmpty()).toList();
  }

  private static String dropEndPunctuation(String line) {
    String result = line.startsWith("- ") ? line.substring(2).strip() : line;
    while (result.endsWith(";") || result.endsWith(".")) {
      result = result.substring(0, result.length() - 1).strip();
    }
    return result;
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
