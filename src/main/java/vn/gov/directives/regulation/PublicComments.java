package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.List;

/** Comments received from the public on a posted draft, entered by the lead one a line: {@code người góp ý | nội dung}. */
public final class PublicComments {

  public record Comment(String author, String text) {}

  private PublicComments() {}

  public static List<Comment> parse(String text) {
    List<String> problems = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\|", 2);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        problems.add("Dòng " + (i + 1) + " (\"" + line + "\"): cần dạng 'tổ chức, cá nhân góp ý | nội dung góp ý'.");
        continue;
      }
      comments.add(new Comment(parts[0].strip(), parts[1].strip()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return comments;
  }
}
