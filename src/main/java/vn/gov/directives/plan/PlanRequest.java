package vn.gov.directives.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the Sở TT&TT specialist asked for on the start form, checked as a whole: every problem is reported at once,
 * in Vietnamese, so the form can be corrected in one go.
 */
public record PlanRequest(
    String planTitle,
    int planYear,
    String noticeNumber,
    LocalDate noticeDate,
    LocalDate planDeadline,
    List<String> legalBases,
    boolean surveyAll,
    List<String> surveyAgencyCodes,
    LocalDate surveyDueDate) {

  private static final DateTimeFormatter ISO_STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  /**
   * Reads and checks the start form's variables.
   *
   * @param knownAgency tells whether an agency code exists in the organisation configuration
   * @param today Vietnam date of the request
   * @throws InvalidRequestException listing every problem
   */
  public static PlanRequest from(Map<String, Object> variables, Predicate<String> knownAgency, LocalDate today) {
    List<String> errors = new ArrayList<>();
    String title = text(variables.get("planTitle"));
    if (title.isEmpty()) {
      errors.add("Tên Kế hoạch không được để trống.");
    } else if (title.length() > 500) {
      errors.add("Tên Kế hoạch dài quá 500 ký tự.");
    }
    int year = 0;
    Object rawYear = variables.get("planYear");
    if (rawYear == null || text(rawYear).isEmpty()) {
      errors.add("Năm kế hoạch không được để trống.");
    } else {
      try {
        double value = Double.parseDouble(text(rawYear));
        if (value != Math.rint(value) || value < 2000 || value > 2100) {
          errors.add("Năm kế hoạch phải là một năm từ 2000 đến 2100, không phải " + text(rawYear) + ".");
        } else {
          year = (int) value;
        }
      } catch (NumberFormatException e) {
        errors.add("Năm kế hoạch phải là số, không phải '" + text(rawYear) + "'.");
      }
    }
    String noticeNumber = text(variables.get("noticeNumber"));
    if (noticeNumber.isEmpty()) {
      errors.add("Số thông báo giao nhiệm vụ không được để trống.");
    }
    LocalDate noticeDate = date(variables.get("noticeDate"), "Ngày thông báo", true, errors);
    LocalDate deadline = date(variables.get("planDeadline"), "Hạn trình UBND tỉnh", true, errors);
    LocalDate surveyDue = date(variables.get("surveyDueDate"), "Hạn gửi báo cáo thực trạng", false, errors);
    if (noticeDate != null && deadline != null && deadline.isBefore(noticeDate)) {
      errors.add("Hạn trình UBND tỉnh (" + deadline + ") không được trước ngày thông báo (" + noticeDate + ").");
    }
    if (surveyDue != null && noticeDate != null && surveyDue.isBefore(noticeDate)) {
      errors.add("Hạn gửi báo cáo thực trạng (" + surveyDue + ") không được trước ngày thông báo (" + noticeDate + ").");
    }
    if (surveyDue != null && deadline != null && surveyDue.isAfter(deadline)) {
      errors.add("Hạn gửi báo cáo thực trạng (" + surveyDue + ") không được sau hạn trình UBND tỉnh (" + deadline + ").");
    }
    if (surveyDue != null && surveyDue.isBefore(today)) {
      errors.add("Hạn gửi báo cáo thực trạng (" + surveyDue + ") đã qua.");
    }
    List<String> bases = text(variables.get("legalBases")).lines()
        .map(PlanRequest::trimBasis).filter(line -> !line.isEmpty()).toList();
    if (bases.isEmpty()) {
      errors.add("Cần ít nhất một căn cứ pháp lý.");
    }
    String scope = text(variables.get("surveyScope"));
    boolean all = scope.isEmpty() || scope.equals("all");
    if (!all && !scope.equals("list")) {
      errors.add("Phạm vi rà soát không hợp lệ: '" + scope + "' (chọn 'all' hoặc 'list').");
    }
    List<String> codes = List.of();
    if (!all) {
      codes = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text(variables.get("surveyAgencyCodes")).split("[,;\\s]+"))
          .map(code -> code.trim().toUpperCase(Locale.ROOT)).filter(code -> !code.isEmpty()).toList()));
      if (codes.isEmpty()) {
        errors.add("Cần liệt kê ít nhất một mã cơ quan được rà soát.");
      }
      for (String code : codes) {
        if (!knownAgency.test(code)) {
          errors.add("Mã cơ quan không tồn tại trong cấu hình tổ chức: " + code + ".");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new PlanRequest(title, year, noticeNumber, noticeDate, deadline, bases, all, List.copyOf(codes), surveyDue);
  }

  /** Legal bases are printed with their own punctuation (";" and "."), so we drop what the user typed. */
  private static String trimBasis(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith("- ")) {
      trimmed = trimmed.substring(2).strip();
    }
    while (trimmed.endsWith(";") || trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  private static LocalDate date(Object value, String label, boolean required, List<String> errors) {
    if (value instanceof java.util.Date date) {
      return vn.gov.directives.calendar.VietnamTime.toLocalDate(date);
    }
    String raw = text(value);
    if (raw.isEmpty()) {
      if (required) {
        errors.add(label + " không được để trống.");
      }
      return null;
    }
    try {
      return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw, ISO_STRICT);
    } catch (DateTimeParseException e) {
      errors.add(label + " không hợp lệ: '" + raw + "' (định dạng yyyy-MM-dd, ngày phải có thật).");
      return null;
    }
  }

  /** Every problem of a request, for the user to correct at once. */
  public static class InvalidRequestException extends RuntimeException {
    private final List<String> errors;

    public InvalidRequestException(List<String> errors) {
      super(String.join(" ", errors));
      this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
      return errors;
    }
  }
}
