package vn.gov.directives.document;

import java.util.List;
import vn.gov.directives.document.DocumentLayout.Signature;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.AgencyKind;

/**
 * The signature block of Decree 30: a People's Committee is a collective body and its chairman signs "TM. ỦY BAN
 * NHÂN DÂN / CHỦ TỊCH", a vice-chairman "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; a head-led body (a Sở) is signed by its head
 * in his own name ("GIÁM ĐỐC") or by a deputy "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
 *
 * <p>Values read: {@code signerName}, {@code signerTitle} (e.g. "Phó Giám đốc"), {@code signerDeputy} (boolean).
 */
final class SignatureRules {

  private SignatureRules() {}

  static Signature derive(Agency agency, TemplateValues values, boolean nameOptional) {
    String name = values.isPresent("signerName") ? TemplateValues.text(values.raw("signerName")).strip() : null;
    if (name == null && !nameOptional) {
      throw new DocumentException("Thiếu giá trị 'signerName' (người ký) cho khối chữ ký (missing value for the "
          + "signature block: signerName, signerTitle, signerDeputy)");
    }
    boolean deputy = isTrue(values.raw("signerDeputy"));
    String title = values.isPresent("signerTitle") ? TemplateValues.text(values.raw("signerTitle")).strip() : null;
    boolean collective = agency.kind() == AgencyKind.COMMITTEE || agency.kind() == AgencyKind.DISTRICT;
    String head = headTitle(agency, title, deputy);
    List<String> lines;
    if (collective) {
      lines = deputy ? List.of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") : List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    } else if (deputy) {
      String deputyTitle = title != null ? DocumentComposer.upper(title) : "PHÓ " + head;
      lines = List.of("KT. " + head, deputyTitle);
    } else {
      lines = List.of(title != null ? DocumentComposer.upper(title) : head);
    }
    return new Signature(lines, name == null ? "" : name);
  }

  /** The head's title of a head-led body, from its name: Sở → GIÁM ĐỐC, Văn phòng → CHÁNH VĂN PHÒNG ... */
  static String headTitle(Agency agency, String signerTitle, boolean deputy) {
    String name = DocumentComposer.upper(agency.name());
    if (name.startsWith("SỞ ")) {
      return "GIÁM ĐỐC";
    }
    if (name.startsWith("VĂN PHÒNG")) {
      return "CHÁNH VĂN PHÒNG";
    }
    if (name.startsWith("THANH TRA")) {
      return "CHÁNH THANH TRA";
    }
    if (name.startsWith("BAN ")) {
      return "TRƯỞNG BAN";
    }
    if (name.startsWith("CÔNG AN")) {
      return "GIÁM ĐỐC";
    }
    if (signerTitle != null) {
      String upper = DocumentComposer.upper(signerTitle);
      return deputy && upper.startsWith("PHÓ ") ? upper.substring(4) : upper;
    }
    throw new DocumentException("Không xác định được chức danh thủ trưởng của " + agency.name()
        + "; hãy truyền signerTitle (cannot derive the head's title; pass signerTitle)");
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String s && s.strip().equalsIgnoreCase("true"));
  }
}
