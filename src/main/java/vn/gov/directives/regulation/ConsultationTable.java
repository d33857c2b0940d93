package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bảng tổng hợp ý kiến góp ý: one row per opinion (who, what, how it was taken into account). A partner silent at
 * the deadline is printed as deemed to agree, with the deadline.
 */
public final class ConsultationTable {

  private ConsultationTable() {}

  /** Rows for the document template's table: index, author, opinion, answer. */
  public static List<Map<String, Object>> rows(List<Opinion> opinions, String closedOnText) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Opinion opinion : opinions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("author", opinion.authorName());
      row.put("opinion", opinionText(opinion, closedOnText));
      row.put("answer", answerText(opinion));
      rows.add(row);
    }
    return rows;
  }

  public static String opinionText(Opinion opinion, String closedOnText) {
    return switch (opinion.kind()) {
      case AGREE -> "Thống nhất với dự thảo" + (blank(opinion.comments()) ? "." : "; " + opinion.comments());
      case DEEMED -> "Không có ý kiến khi hết thời hạn góp ý (" + closedOnText
          + "); được coi là thống nhất với dự thảo.";
      case COMMENT, PUBLIC -> opinion.comments();
    };
  }

  public static String answerText(Opinion opinion) {
    if (!opinion.needsAnswer()) {
      return "Không có ý kiến khác.";
    }
    if (opinion.answer() == null) {
      return "Chưa tiếp thu, giải trình.";
    }
    return opinion.answer().label() + ": " + opinion.answerText();
  }

  /** The numbered list the answering form shows (Markdown). */
  public static String markdown(List<Opinion> opinions, String closedOnText) {
    if (opinions.isEmpty()) {
      return "_Không có ý kiến góp ý._";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < opinions.size(); i++) {
      Opinion opinion = opinions.get(i);
      out.append(i + 1).append(". **").append(escape(opinion.authorName())).append("**: ")
          .append(escape(opinionText(opinion, closedOnText)));
      if (opinion.needsAnswer()) {
        out.append(" — _cần tiếp thu hoặc giải trình_");
      }
      out.append('\n');
    }
    return out.toString().strip();
  }

  /** The summary the Tờ trình prints: counts per kind. */
  public static String summary(List<Opinion> opinions) {
    long partners = opinions.stream().filter(o -> o.sortGroup() == Opinion.PARTNERS).count();
    long agreed = opinions.stream().filter(o -> o.kind() == Opinion.Kind.AGREE).count();
    long commented = opinions.stream().filter(o -> o.kind() == Opinion.Kind.COMMENT).count();
    long deemed = opinions.stream().filter(o -> o.kind() == Opinion.Kind.DEEMED).count();
    long publicComments = opinions.stream().filter(o -> o.kind() == Opinion.Kind.PUBLIC).count();
    long accepted = opinions.stream().filter(o -> o.answer() == Opinion.Answer.ACCEPTED).count();
    long explained = opinions.stream().filter(o -> o.answer() == Opinion.Answer.EXPLAINED).count();
    if (partners == 0 && publicComments == 0) {
      return "Không có ý kiến góp ý.";
    }
    return "Đã lấy ý kiến " + partners + " cơ quan: " + agreed + " thống nhất, " + commented + " có ý kiến góp ý, "
        + deemed + " không có ý kiến khi hết thời hạn (được coi là thống nhất); " + publicComments
        + " ý kiến của tổ chức, cá nhân. Cơ quan chủ trì đã tiếp thu " + accepted + " và giải trình " + explained
        + " ý kiến (chi tiết tại Bảng tổng hợp ý kiến góp ý).";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static String escape(String text) {
    return vn.gov.directives.document.MarkdownText.escape(text);
  }
}
