package vn.gov.directives.notice;

/** The same number from the same issuer in the same year is already registered. */
public class DuplicateNoticeException extends RuntimeException {

  private final String existingId;

  public DuplicateNoticeException(String number, String issuer, int year, String existingId) {
    super("Thông báo số " + number + " của " + issuer + " năm " + year + " đã được đăng ký.");
    this.existingId = existingId;
  }

  /** Id of the notice already registered; null when only the database constraint told us. */
  public String existingId() {
    return existingId;
  }
}
