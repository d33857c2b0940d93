package vn.gov.directives.regulation;

/**
 * How a regulation is issued: a legal normative decision (Luật Ban hành VBQPPL 2015: public comment, appraisal by Sở
 * Tư pháp, vote of the committee members, the Chủ tịch signs, "05/2019/QĐ-UBND", Công báo) or an administrative
 * document ("…/QĐ-UBND", "…/CT-UBND") decided by the leader in charge.
 */
public enum IssuingRoute {
  LEGAL_NORMATIVE("legal-normative", "Quyết định quy phạm pháp luật"),
  ADMINISTRATIVE("administrative", "Văn bản hành chính");

  private final String code;
  private final String label;

  IssuingRoute(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The value the forms and the gateways use: "legal-normative" or "administrative". */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static IssuingRoute parse(Object value) {
    for (IssuingRoute route : values()) {
      if (route.code.equals(value)) {
        return route;
      }
    }
    throw new IllegalArgumentException("Hình thức ban hành '" + (value == null ? "" : value)
        + "' không hợp lệ; chọn Quyết định quy phạm pháp luật hoặc Văn bản hành chính.");
  }
}
