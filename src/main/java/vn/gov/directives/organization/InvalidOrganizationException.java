package vn.gov.directives.organization;

import java.util.List;

/** The organisation or demo-user configuration is invalid; start-up stops and every problem is listed. */
public class InvalidOrganizationException extends IllegalStateException {

  private final List<String> problems;

  public InvalidOrganizationException(String source, List<String> problems) {
    super("Cấu hình tổ chức không hợp lệ (invalid organisation configuration) in " + source + ":\n  - "
        + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidOrganizationException(String source, String problem, Throwable cause) {
    super("Cấu hình tổ chức không hợp lệ (invalid organisation configuration) in " + source + ": " + problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
