package vn.gov.directives.document;

/** A document cannot be issued: bad template, missing value, unknown agency data... The message says what. */
public class DocumentException extends RuntimeException {

  public DocumentException(String message) {
    super(message);
  }

  public DocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
