package vn.gov.directives.organization;

/** An agency code that the organisation configuration does not know. */
public class UnknownAgencyException extends IllegalArgumentException {

  private final String code;

  public UnknownAgencyException(String code) {
    super("Mã cơ quan không tồn tại trong cấu hình tổ chức: " + code + " (unknown agency code)");
    this.code = code;
  }

  /** The code is configured but no entry of it is valid on that day (it did not exist yet, or no longer). */
  public UnknownAgencyException(String code, java.time.LocalDate on) {
    super("Cơ quan " + code + " không tồn tại vào ngày " + vn.gov.directives.calendar.VietnamTime.shortDate(on)
        + " theo cấu hình tổ chức (agency not valid on that day)");
    this.code = code;
  }

  public String code() {
    return code;
  }
}
