package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The drafting form's content once checked: the route, the title and text of the draft, the Tờ trình's explanation
 * and the agencies consulted (codes, in the order given, the lead itself left out).
 */
public record RegulationDraft(IssuingRoute route, String title, String content, String explanation,
    List<String> consulted) {

  /** Every problem of the input at once; nothing is accepted while one remains. */
  public static RegulationDraft check(RegulationKind kind, Object route, Object title, Object content,
      Object explanation, Object consultedText, String leadAgency, Predicate<String> agencyExists) {
    List<String> problems = new ArrayList<>();
    IssuingRoute parsedRoute = null;
    try {
      parsedRoute = IssuingRoute.parse(route);
      if (kind == RegulationKind.DIRECTIVE && parsedRoute == IssuingRoute.LEGAL_NORMATIVE) {
        problems.add("Chỉ thị không phải là văn bản quy phạm pháp luật của Ủy ban nhân dân tỉnh (Luật Ban hành văn "
            + "bản quy phạm pháp luật 2015); chọn Văn bản hành chính.");
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    String name = kind == RegulationKind.DIRECTIVE ? "Tên Chỉ thị" : "Tên Quy chế";
    require(problems, title, name);
    require(problems, content, "Nội dung dự thảo");
    require(problems, explanation, "Sự cần thiết ban hành (nội dung Tờ trình)");
    LinkedHashSet<String> consulted = new LinkedHashSet<>();
    String text = consultedText == null ? "" : consultedText.toString();
    for (String part : text.split("[,;\\s]+")) {
      String code = part.strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty() || code.equals(leadAgency)) {
        continue;
      }
      if (!agencyExists.test(code)) {
        problems.add("Mã cơ quan lấy ý kiến '" + part.strip() + "' không có trong danh sách cơ quan.");
      } else {
        consulted.add(code);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    return new RegulationDraft(parsedRoute, title.toString().strip(), content.toString().strip(),
        explanation.toString().strip(), List.copyOf(consulted));
  }

  private static void require(List<String> problems, Object value, String label) {
    if (value == null || value.toString().isBlank()) {
      problems.add("Thiếu giá trị bắt buộc: " + label + ".");
    }
  }
}
