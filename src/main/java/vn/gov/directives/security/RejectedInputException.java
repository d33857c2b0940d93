package vn.gov.directives.security;

/** A request body refused before it is read as data (not UTF-8, too deep, too large); message in Vietnamese. */
public class RejectedInputException extends RuntimeException {

  private final String field;

  public RejectedInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
