package vn.gov.directives.document;

import java.util.Locale;

/**
 * Document types of Decree 30/2020/NĐ-CP (appendix III) with their abbreviations as they appear in a number
 * ("01/TTr-STTTT"). A công văn has no type title and no abbreviation; the Phiếu trình is an internal form of the
 * committee's office and is never numbered.
 */
public enum DocumentType {
  NGHI_QUYET("Nghị quyết", "NQ"),
  QUYET_DINH("Quyết định", "QĐ"),
  CHI_THI("Chỉ thị", "CT"),
  QUY_CHE("Quy chế", "QC"),
  QUY_DINH("Quy định", "QyĐ"),
  THONG_CAO("Thông cáo", "TC"),
  THONG_BAO("Thông báo", "TB"),
  HUONG_DAN("Hướng dẫn", "HD"),
  CHUONG_TRINH("Chương trình", "CTr"),
  KE_HOACH("Kế hoạch", "KH"),
  PHUONG_AN("Phương án", "PA"),
  DE_AN("Đề án", "ĐA"),
  DU_AN("Dự án", "DA"),
  BAO_CAO("Báo cáo", "BC"),
  BIEN_BAN("Biên bản", "BB"),
  TO_TRINH("Tờ trình", "TTr"),
  HOP_DONG("Hợp đồng", "HĐ"),
  CONG_DIEN("Công điện", "CĐ"),
  BAN_GHI_NHO("Bản ghi nhớ", "BGN"),
  BAN_THOA_THUAN("Bản thỏa thuận", "BTT"),
  GIAY_UY_QUYEN("Giấy ủy quyền", "GUQ"),
  GIAY_MOI("Giấy mời", "GM"),
  GIAY_GIOI_THIEU("Giấy giới thiệu", "GGT"),
  GIAY_NGHI_PHEP("Giấy nghỉ phép", "GNP"),
  PHIEU_GUI("Phiếu gửi", "PG"),
  PHIEU_CHUYEN("Phiếu chuyển", "PC"),
  PHIEU_BAO("Phiếu báo", "PB"),
  /** Internal form of Văn phòng UBND submitting a dossier to the leader: no number. */
  PHIEU_TRINH("Phiếu trình", null),
  /** Công văn: no type title, no abbreviation ("15/UBND-VX"). */
  CONG_VAN("Công văn", null);

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private final String displayName;
  private final String abbreviation;

  DocumentType(String displayName, String abbreviation) {
    this.displayName = displayName;
    this.abbreviation = abbreviation;
  }

  /** "Tờ trình". */
  public String displayName() {
    return displayName;
  }

  /** "TỜ TRÌNH" as printed in the title; null for a công văn, which has no title. */
  public String printedTitle() {
    return this == CONG_VAN ? null : displayName.toUpperCase(VIETNAMESE);
  }

  /** "TTr"; null for types that carry none in the number. */
  public String abbreviation() {
    return abbreviation;
  }

  /** The symbol after the number: "TTr-STTTT", or just "UBND" for a công văn. */
  public String symbol(String agencySymbol) {
    return abbreviation == null ? agencySymbol : abbreviation + "-" + agencySymbol;
  }

  /** Types that Decree 30 never numbers in our product (internal forms). */
  public boolean numberable() {
    return this != PHIEU_TRINH;
  }
}
