package vn.gov.directives.organization;

import java.util.List;

/**
 * The agency block of a document header (Decree 30): an optional upright line naming the governing body, then the
 * agency's own name in bold, upper case, one entry per printed line.
 *
 * <p>Examples: a Sở gives ("UBND TỈNH BÌNH ĐỊNH", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]); UBND tỉnh gives (null,
 * ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"]).
 *
 * @param above upright line above the name, null when the agency has no governing line
 * @param nameLines bold name lines, never empty
 */
public record AgencyHeader(String above, List<String> nameLines) {

  public AgencyHeader {
    nameLines = List.copyOf(nameLines);
  }
}
