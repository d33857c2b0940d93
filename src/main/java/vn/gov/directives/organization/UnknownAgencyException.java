package vn.gov.directives.organization;

/** An agency code that the organisation configuration does not know. */
public class UnknownAgencyException extends IllegalArgumentException {

  private final String code;

  public UnknownAgencyException(String code) {
    super("Mã cơ quan không tồn tại trong cấu hình tổ chức: " + code + " (unknown agency code)");
    this.code = code;
  }

  public String code() {
    return code;
  }
}
