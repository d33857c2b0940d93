package vn.gov.directives.notice;

import java.util.List;

/** A notice request refused whole, with every problem found. */
public class InvalidNoticeException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidNoticeException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
