package vn.gov.directives.regulation;

/**
 * What is drafted: a Quy chế issued with a Quyết định of UBND tỉnh (as its annex), or a Chỉ thị. Since the Law on the
 * Promulgation of Legal Documents 2015 a provincial committee's only legal normative form is the Quyết định, so a
 * Chỉ thị is always an administrative document.
 */
public enum RegulationKind {
  REGULATION("regulation", "Quy chế"),
  DIRECTIVE("directive", "Chỉ thị");

  private final String code;
  private final String displayName;

  RegulationKind(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  /** "Quy chế", "Chỉ thị". */
  public String displayName() {
    return displayName;
  }

  /** The document template that issues the text on a route. */
  public String template(IssuingRoute route) {
    if (this == DIRECTIVE) {
      return "chi-thi";
    }
    return route == IssuingRoute.LEGAL_NORMATIVE ? "quyet-dinh-ban-hanh-quy-che-qppl" : "quyet-dinh-ban-hanh-quy-che";
  }

  public static RegulationKind parse(Object value) {
    for (RegulationKind kind : values()) {
      if (kind.code.equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Loại nhiệm vụ '" + value + "' không phải xây dựng quy chế (regulation) "
        + "hay chỉ thị (directive).");
  }
}
