package vn.gov.directives.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The partners' opinions on a proposal, kept in one String process variable (one line per answering partner:
 * {@code CODE<TAB>agree|comment<TAB>comments}) because Java serialization of variables is disabled. A partner that
 * has not answered when consultation closes is recorded as agreeing, as the consultation letter announces.
 */
public final class ConsultationRecord {

  public static final String AGREE = "agree";
  public static final String COMMENT = "comment";

  private ConsultationRecord() {}

  /** The record with the partner's answer added (or replaced when it answers twice). */
  public static String withAnswer(String record, String agency, String opinion, String comments) {
    if (agency == null || agency.isBlank()) {
      throw new IllegalArgumentException("Thiếu cơ quan phối hợp cho ý kiến.");
    }
    if (!AGREE.equals(opinion) && !COMMENT.equals(opinion)) {
      throw new IllegalArgumentException("Ý kiến '" + opinion + "' không hợp lệ; chọn Thống nhất hoặc Có ý kiến khác.");
    }
    Map<String, String> answers = parse(record);
    String cleaned = comments == null ? "" : comments.replaceAll("[\\t\\r\\n]+", " ").strip();
    answers.put(agency, opinion + "\t" + cleaned);
    StringBuilder out = new StringBuilder();
    answers.forEach((code, answer) -> out.append(code).append('\t').append(answer).append('\n'));
    return out.toString();
  }

  /** Partners (in the given order) that have not answered. */
  public static List<String> silent(List<String> partners, String record) {
    Map<String, String> answers = parse(record);
    return partners.stream().filter(code -> !answers.containsKey(code)).toList();
  }

  /** One line per partner, in the given order, as the Tờ trình and the forms print it. */
  public static List<String> lines(List<String> partners, String record, Function<String, String> agencyName) {
    Map<String, String> answers = parse(record);
    List<String> lines = new ArrayList<>();
    for (String code : partners) {
      String answer = answers.get(code);
      String name = agencyName.apply(code);
      if (answer == null) {
        lines.add(name + ": không có ý kiến khi hết thời hạn lấy ý kiến, được coi là thống nhất.");
      } else {
        String[] parts = answer.split("\t", 2);
        String comments = parts.length > 1 ? parts[1] : "";
        if (AGREE.equals(parts[0])) {
          lines.add(name + ": thống nhất" + (comments.isEmpty() ? "." : "; " + comments));
        } else {
          lines.add(name + ": có ý kiến khác: " + comments);
        }
      }
    }
    return lines;
  }

  private static Map<String, String> parse(String record) {
    Map<String, String> answers = new LinkedHashMap<>();
    if (record == null) {
      return answers;
    }
    for (String line : record.split("\n")) {
      String[] parts = line.split("\t", 2);
      if (parts.length == 2 && !parts[0].isBlank()) {
        answers.put(parts[0], parts[1]);
      }
    }
    return answers;
  }
}
