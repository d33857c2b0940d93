package vn.gov.directives.organization;

/** The roles every agency has; a Camunda group per agency and role is named {@code <AGENCY>-<suffix>}. */
public enum Role {
  SPECIALIST("chuyen-vien", "Chuyên viên"),
  LEADER("lanh-dao", "Lãnh đạo"),
  CLERK("van-thu", "Văn thư");

  private final String suffix;
  private final String label;

  Role(String suffix, String label) {
    this.suffix = suffix;
    this.label = label;
  }

  public String suffix() {
    return suffix;
  }

  public String label() {
    return label;
  }

  public static Role fromSuffix(String suffix) {
    for (Role role : values()) {
      if (role.suffix.equals(suffix)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role '" + suffix + "', expected chuyen-vien, lanh-dao or van-thu");
  }
}
