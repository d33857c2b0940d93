package vn.gov.directives.notice;

import java.util.Arrays;
import java.util.Optional;

/** What an assignment of a conclusion notice asks for; decides which process runs it. */
public enum AssignmentKind {
  PLAN("plan"),
  PROPOSAL("proposal"),
  REGULATION("regulation"),
  DIRECTIVE("directive"),
  RANKING("ranking"),
  HANDOVER("handover"),
  COORDINATION("coordination"),
  BUDGET("budget"),
  DISTRICT_FUNDING("district-funding"),
  GENERAL("general");

  private final String code;

  AssignmentKind(String code) {
    this.code = code;
  }

  /** The code used in the JSON and in process variables, e.g. "district-funding". */
  public String code() {
    return code;
  }

  public static Optional<AssignmentKind> fromCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }

  public static String allCodes() {
    return String.join(", ", Arrays.stream(values()).map(AssignmentKind::code).toList());
  }
}
