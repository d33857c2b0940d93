package vn.gov.directives.ranking;

import vn.gov.directives.organization.AgencyKind;

/** The two groups ranked separately: the provincial agencies and the district-level units. */
public enum UnitGroup {
  AGENCY("Khối sở, ban, ngành tỉnh"),
  DISTRICT("Khối UBND các huyện, thị xã, thành phố");

  private final String title;

  UnitGroup(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public static UnitGroup of(AgencyKind kind) {
    return switch (kind) {
      case DEPARTMENT -> AGENCY;
      case DISTRICT -> DISTRICT;
      default -> throw new IllegalArgumentException("Chỉ các sở, ban, ngành và UBND cấp huyện được xếp hạng, không phải "
          + kind + ".");
    };
  }
}
