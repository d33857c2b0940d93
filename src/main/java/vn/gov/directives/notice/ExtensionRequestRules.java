package vn.gov.directives.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import vn.gov.directives.calendar.VietnamTime;

/**
 * What a kind-independent extension request ("Đề nghị gia hạn nhiệm vụ") must satisfy, without the engine: the
 * requesting agency leads the assignment, the assignment is still open with a deadline and no pending request, and the
 * proposed date is a real day after the current deadline and not in the past. Every problem is listed at once.
 */
final class ExtensionRequestRules {

  /** Tasklist users type dates day first; the ISO form is accepted too (REST callers). */
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private ExtensionRequestRules() {}

  /** The accepted request, or every problem found. */
  record Outcome(TrackedLead lead, LocalDate proposed, List<String> problems) {

    boolean accepted() {
      return problems.isEmpty();
    }
  }

  /**
   * @param candidates tracking rows of every notice with the given number (all assignments, all leads)
   * @param userAgencies agency codes of the requesting user's groups
   */
  static Outcome check(Object noticeNumber, Object assignmentCode, Object reasons, Object proposedDeadline,
      Collection<String> userAgencies, List<TrackedLead> candidates, LocalDate today) {
    List<String> problems = new ArrayList<>();
    String number = text(noticeNumber);
    String code = text(assignmentCode);
    if (number.isEmpty()) {
      problems.add("Phải nhập số thông báo.");
    }
    if (code.isEmpty()) {
      problems.add("Phải nhập mục (mã nhiệm vụ) của thông báo.");
    }
    if (text(reasons).isEmpty()) {
      problems.add("Phải nêu lý do đề nghị gia hạn.");
    }
    LocalDate proposed = null;
    try {
      proposed = parseDate(proposedDeadline, "Thời hạn đề nghị");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (userAgencies.isEmpty()) {
      problems.add("Người dùng không thuộc nhóm của cơ quan nào nên không thể đề nghị gia hạn.");
    }
    TrackedLead lead = null;
    if (!number.isEmpty() && !code.isEmpty() && !userAgencies.isEmpty()) {
      List<TrackedLead> ofAssignment = candidates.stream().filter(l -> l.assignmentCode().equals(code)).toList();
      if (candidates.isEmpty()) {
        problems.add("Không có thông báo số " + number + " đã đăng ký.");
      } else if (ofAssignment.isEmpty()) {
        problems.add("Thông báo số " + number + " không có nhiệm vụ mục " + code + ".");
      } else {
        List<TrackedLead> own = ofAssignment.stream().filter(l -> userAgencies.contains(l.leadCode())).toList();
        if (own.isEmpty()) {
          problems.add("Cơ quan của người đề nghị (" + String.join(", ", userAgencies) + ") không chủ trì nhiệm vụ mục "
              + code + " của thông báo số " + number + "; chỉ cơ quan chủ trì ("
              + String.join(", ", ofAssignment.stream().map(TrackedLead::leadCode).distinct().toList())
              + ") được đề nghị gia hạn.");
        } else {
          // an agency leads an assignment once per notice; with the same number in several years, the open one wins
          lead = own.stream().filter(l -> !l.ended()).findFirst().orElse(own.get(0));
          problems.addAll(leadProblems(lead, proposed, today));
        }
      }
    }
    return new Outcome(problems.isEmpty() ? lead : null, proposed, List.copyOf(problems));
  }

  private static List<String> leadProblems(TrackedLead lead, LocalDate proposed, LocalDate today) {
    List<String> problems = new ArrayList<>();
    String what = "Nhiệm vụ mục " + lead.assignmentCode() + " của thông báo số " + lead.noticeNumber();
    if (TrackedLead.COMPLETED.equals(lead.status())) {
      problems.add(what + " đã hoàn thành, không thể gia hạn.");
    } else if (TrackedLead.REJECTED.equals(lead.status())) {
      problems.add(what + " đã kết thúc (không được phê duyệt), không thể gia hạn.");
    } else if (lead.extensionRequested()) {
      problems.add(what + " đang có đề nghị gia hạn chờ xem xét (Văn phòng UBND tỉnh hoặc lãnh đạo UBND tỉnh); chỉ gửi "
          + "đề nghị mới khi đề nghị này đã được quyết định.");
    } else if (lead.dueOn() == null) {
      problems.add(what + " không có thời hạn nên không cần gia hạn.");
    } else if (proposed != null) {
      problems.addAll(newDeadlineProblems(proposed, lead.dueOn(), today, "Thời hạn đề nghị"));
    }
    return problems;
  }

  /** Văn phòng UBND tỉnh grants, refuses, or forwards the request to the leader who signed the notice. */
  static final String GRANT = "grant";
  static final String REFUSE = "refuse";
  static final String FORWARD = "forward";

  /**
   * What a decision on a request must contain: a grant a real new deadline after the current one and not past, a
   * refusal its reasons, a forward (only the office may forward) the office's opinion for the signer.
   *
   * @param mayForward true for Văn phòng UBND tỉnh's review, false for the signer's decision
   */
  static List<String> decisionProblems(Object decision, boolean mayForward, Object grantedDeadline,
      Object currentDeadline, Object comments, Object officeOpinion, LocalDate today) {
    String choice = text(decision);
    List<String> problems = new ArrayList<>();
    if (GRANT.equals(choice)) {
      try {
        LocalDate granted = parseDate(grantedDeadline, "Thời hạn mới");
        LocalDate current = parseDate(currentDeadline, "Thời hạn hiện tại");
        problems.addAll(newDeadlineProblems(granted, current, today, "Thời hạn mới"));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    } else if (REFUSE.equals(choice)) {
      if (text(comments).isEmpty()) {
        problems.add("Phải nêu lý do không chấp thuận gia hạn.");
      }
    } else if (FORWARD.equals(choice) && mayForward) {
      if (text(officeOpinion).isEmpty()) {
        problems.add("Phải nêu ý kiến đề xuất của Văn phòng UBND tỉnh khi trình lãnh đạo UBND tỉnh quyết định.");
      }
    } else {
      problems.add(mayForward
          ? "Phải chọn chấp thuận, không chấp thuận hoặc trình lãnh đạo UBND tỉnh quyết định."
          : "Phải chọn chấp thuận hoặc không chấp thuận gia hạn.");
    }
    return problems;
  }

  /** A new deadline (proposed or granted) must be after the current one and not already past. */
  static List<String> newDeadlineProblems(LocalDate date, LocalDate current, LocalDate today, String label) {
    if (current != null && !date.isAfter(current)) {
      return List.of(label + " " + VietnamTime.shortDate(date) + " phải sau thời hạn hiện tại "
          + VietnamTime.shortDate(current) + ".");
    }
    if (date.isBefore(today)) {
      return List.of(label + " " + VietnamTime.shortDate(date) + " đã qua (hôm nay là " + VietnamTime.shortDate(today)
          + ").");
    }
    return List.of();
  }

  /**
   * "05/01/2019", "5/1/2019" or "2019-01-05".
   *
   * @throws IllegalArgumentException naming the field when missing or not a real day
   */
  static LocalDate parseDate(Object value, String label) {
    String raw = text(value);
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("Phải nhập " + label.toLowerCase(Locale.ROOT) + " (dd/mm/yyyy).");
    }
    try {
      return raw.contains("-") ? LocalDate.parse(raw) : LocalDate.parse(raw, DAY_FIRST);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(label + " không hợp lệ: '" + raw + "' (định dạng dd/mm/yyyy, ngày phải có thật).");
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }
}
