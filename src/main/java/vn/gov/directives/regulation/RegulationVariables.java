package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables of assignment-regulation and small typed reads. */
final class RegulationVariables {

  static final String KIND = "regulationKind";
  static final String KIND_NAME = "documentKindName";
  static final String ROUTE = "issuingRoute";
  static final String LEGAL_NORMATIVE = "legalNormative";
  static final String TITLE = "regulationTitle";
  static final String CONTENT = "regulationContent";
  static final String EXPLANATION = "draftExplanation";
  static final String CONSULTED_TEXT = "consultedAgenciesText";
  static final String CONSULTED = "consultedAgencies";
  static final String CONSULTATION_CLOSES_AT = "consultationClosesAt";
  static final String CONSULTATION_CLOSED_TEXT = "consultationClosesAtText";
  static final String OPINION_LIST = "opinionList";
  static final String CONSULTATION_SUMMARY = "consultationSummary";

  private RegulationVariables() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString();
  }

  @SuppressWarnings("unchecked")
  static List<String> list(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
  }

  static boolean legalNormative(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(LEGAL_NORMATIVE));
  }
}
