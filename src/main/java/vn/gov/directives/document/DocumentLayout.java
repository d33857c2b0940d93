package vn.gov.directives.document;

import java.util.List;

/**
 * A document with every value already substituted: what both the DOCX and the PDF renderer print, so the two
 * files always say the same thing. All strings are literal text (never markup).
 *
 * @param headerAbove upright upper-case lines above the agency name ("UBND TỈNH BÌNH ĐỊNH"); may be empty
 * @param agencyLines bold upper-case agency name lines ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
 * @param numberLine "Số: 01/TTr-STTTT", "Số:      /TTr-STTTT" for a draft, null for an unnumbered internal form
 * @param draft true prints the "DỰ THẢO" mark
 * @param placeAndDate "Bình Định, ngày 05 tháng 01 năm 2019"
 * @param typeTitle "TỜ TRÌNH"; null for a công văn
 * @param summary trích yếu, bold under the title
 * @param addressees lines under the title ("Kính gửi: Ủy ban nhân dân tỉnh.")
 * @param signature null when the template has none
 * @param recipients Nơi nhận lines as printed ("- Như trên;" ... "- Lưu: VT, STTTT."); empty for none
 * @param appendix null when the template has none
 * @param documentTitle the title stored and listed ("Tờ trình về việc ...")
 */
public record DocumentLayout(
    List<String> headerAbove,
    List<String> agencyLines,
    String numberLine,
    boolean draft,
    String placeAndDate,
    String typeTitle,
    String summary,
    List<String> addressees,
    List<Block> body,
    Signature signature,
    List<String> recipients,
    Appendix appendix,
    String documentTitle) {

  public static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  public static final String DRAFT_MARK = "DỰ THẢO";
  public static final String RECIPIENTS_LABEL = "Nơi nhận:";

  /** A body element. */
  public sealed interface Block permits Paragraph, Table {}

  public enum Align {
    JUSTIFY,
    CENTER,
    LEFT,
    RIGHT
  }

  /**
   * A paragraph; "\n" inside the text is a line break.
   *
   * @param lead bold text before the text ("Điều 1."), null for none
   */
  public record Paragraph(String lead, String text, boolean bold, boolean italic, Align align, boolean firstLineIndent)
      implements Block {

    public static Paragraph body(String text) {
      return new Paragraph(null, text, false, false, Align.JUSTIFY, true);
    }
  }

  /** A table with a bold header row; widths are percentages of the text width. */
  public record Table(List<Column> columns, List<List<String>> rows) implements Block {}

  public record Column(String title, int widthPercent, Align align) {}

  /** Authority lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") upper case bold, then the signer's name bold (may be empty). */
  public record Signature(List<String> authorityLines, String name) {}

  /**
   * An appendix on a new page.
   *
   * @param draft prints "DỰ THẢO" over it (the draft plan attached to a Tờ trình)
   * @param title "KẾ HOẠCH" or "PHỤ LỤC"
   * @param note "(Kèm theo Quyết định số ...)" italic under the summary; may be null
   */
  public record Appendix(boolean draft, String title, String summary, String note,
      List<Block> body) {}
}
