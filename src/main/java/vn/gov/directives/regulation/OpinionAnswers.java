package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead's answers to the opinions, one a line: {@code số | tiếp thu | nội dung} or {@code số | giải trình | nội
 * dung}, the number being the opinion's number in the list the form shows. Every comment must be answered; an
 * agreement needs none.
 */
public final class OpinionAnswers {

  /** One answer: the opinion's id, accepted or explained, what was done or why not. */
  public record Given(String opinionId, Opinion.Answer answer, String text) {}

  private OpinionAnswers() {}

  public static List<Given> parse(String text, List<Opinion> opinions) {
    List<String> problems = new ArrayList<>();
    Map<Integer, Given> given = new LinkedHashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "Dòng " + (i + 1) + " (\"" + line + "\"): ";
      String[] parts = line.split("\\|", 3);
      if (parts.length < 3 || parts[2].isBlank()) {
        problems.add(where + "cần dạng 'số | tiếp thu | nội dung' hoặc 'số | giải trình | nội dung'.");
        continue;
      }
      int number;
      try {
        number = Integer.parseInt(parts[0].strip());
      } catch (NumberFormatException e) {
        problems.add(where + "'" + parts[0].strip() + "' không phải số thứ tự của ý kiến.");
        continue;
      }
      if (number < 1 || number > opinions.size()) {
        problems.add(where + "không có ý kiến số " + number + ".");
        continue;
      }
      Opinion.Answer answer = answer(parts[1]);
      if (answer == null) {
        problems.add(where + "'" + parts[1].strip() + "' không hợp lệ; ghi 'tiếp thu' hoặc 'giải trình'.");
        continue;
      }
      if (given.containsKey(number)) {
        problems.add(where + "ý kiến số " + number + " đã được trả lời ở dòng trước.");
        continue;
      }
      given.put(number, new Given(opinions.get(number - 1).id(), answer, parts[2].strip()));
    }
    List<String> unanswered = new ArrayList<>();
    for (int i = 0; i < opinions.size(); i++) {
      if (opinions.get(i).needsAnswer() && !given.containsKey(i + 1)) {
        unanswered.add(String.valueOf(i + 1));
      }
    }
    if (!unanswered.isEmpty()) {
      problems.add("Chưa tiếp thu hoặc giải trình ý kiến số " + String.join(", ", unanswered) + ".");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return List.copyOf(given.values());
  }

  private static Opinion.Answer answer(String text) {
    String value = text.strip().toLowerCase(Locale.forLanguageTag("vi-VN"));
    return switch (value) {
      case "tiếp thu", "tiep thu" -> Opinion.Answer.ACCEPTED;
      case "giải trình", "giai trinh" -> Opinion.Answer.EXPLAINED;
      default -> null;
    };
  }
}
