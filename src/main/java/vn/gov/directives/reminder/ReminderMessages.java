package vn.gov.directives.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import vn.gov.directives.calendar.VietnamTime;

/**
 * The Vietnamese subject and body (plain text and HTML) of reminder and escalation e-mails, and of the periodic
 * reminder of work without deadline.
 */
public final class ReminderMessages {

  private static final String SIGNATURE =
      "Thư này do hệ thống Theo dõi thực hiện chỉ đạo gửi tự động, xin không trả lời thư này.";

  private final String publicBaseUrl;

  public ReminderMessages(String publicBaseUrl) {
    String base = publicBaseUrl == null ? "" : publicBaseUrl.trim();
    this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A composed e-mail. */
  public record Message(String subject, String text, String html) {}

  public Message compose(ReminderNotice notice) {
    String due = dueText(notice.deadline());
    String dueDay = VietnamTime.shortDate(ReminderSchedule.deadlineDay(notice.deadline()));
    String subject;
    String lead;
    String request = null;
    List<String[]> facts = new ArrayList<>();
    switch (notice.kind()) {
      case TASK_REMINDER -> {
        subject = "[Nhắc việc] Còn " + notice.days() + " ngày làm việc: " + notice.taskName() + " — hạn " + dueDay;
        lead = "Công việc “" + notice.taskName() + "” còn " + notice.days()
            + " ngày làm việc đến hạn xử lý.";
        facts.add(new String[] {"Hạn xử lý", due});
      }
      case TASK_ESCALATION -> {
        subject = "[Quá hạn] Quá " + notice.days() + " ngày làm việc: " + notice.taskName() + " — hạn " + dueDay;
        lead = "Công việc “" + notice.taskName() + "” đã quá hạn xử lý " + notice.days()
            + " ngày làm việc nhưng chưa hoàn thành. Đề nghị đôn đốc xử lý.";
        facts.add(new String[] {"Hạn xử lý", due});
        if (notice.assignedTo() != null) {
          facts.add(new String[] {"Được giao cho", notice.assignedTo()});
        }
      }
      case DEADLINE_REMINDER -> {
        String title = planTitle(notice);
        subject = "[Nhắc hạn] Còn " + notice.days() + " ngày làm việc đến hạn kế hoạch: " + title + " — hạn "
            + dueDay;
        lead = "Kế hoạch “" + title + "” còn " + notice.days() + " ngày làm việc đến hạn.";
        facts.add(new String[] {"Hạn", due});
      }
      case NO_DEADLINE_REMINDER -> {
        // the task name ends with its source, e.g. "— TB 295/TB-UBND, mục 3"
        String received = VietnamTime.shortDate(notice.deadline().atZone(VietnamTime.ZONE).toLocalDate());
        subject = (notice.urgent() ? "[KHẨN] " : "") + "Nhắc thực hiện nhiệm vụ chưa có thời hạn: "
            + notice.taskName();
        String work = notice.assignmentTitle() != null ? notice.assignmentTitle() : notice.taskName();
        lead = "Nhiệm vụ “" + work + "” không có thời hạn" + (notice.urgent() ? " nhưng được giao thực hiện khẩn" : "")
            + "; đơn vị nhận nhiệm vụ từ ngày " + received + " và chưa báo cáo kết quả.";
        request = "Đề nghị đơn vị khẩn trương thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh. Thư nhắc này được"
            + " gửi " + notice.everyWorkingDays() + " ngày làm việc một lần cho đến khi nhiệm vụ hoàn thành.";
        facts.add(new String[] {"Công việc", notice.taskName()});
        facts.add(new String[] {"Nhận nhiệm vụ từ ngày", received});
      }
      default -> throw new IllegalStateException("Unknown reminder kind " + notice.kind());
    }
    facts.add(new String[] {"Hồ sơ", processText(notice)});
    if (notice.planTitle() != null && notice.kind() != ReminderKind.DEADLINE_REMINDER) {
      facts.add(new String[] {"Kế hoạch", notice.planTitle()});
    }
    String link = link(notice);
    String linkLabel = notice.taskId() != null ? "Mở công việc trong Tasklist" : "Mở Tasklist";

    StringBuilder text = new StringBuilder();
    text.append("Kính gửi: ").append(notice.audience()).append("\n\n").append(lead).append("\n\n");
    if (request != null) {
      text.append(request).append("\n\n");
    }
    for (String[] fact : facts) {
      text.append(fact[0]).append(": ").append(fact[1]).append('\n');
    }
    text.append(linkLabel).append(": ").append(link).append("\n\n").append(SIGNATURE).append('\n');

    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"></head><body>")
        .append("<p>Kính gửi: ").append(escape(notice.audience())).append("</p>")
        .append("<p><strong>").append(escape(lead)).append("</strong></p>");
    if (request != null) {
      html.append("<p>").append(escape(request)).append("</p>");
    }
    html.append("<table>");
    for (String[] fact : facts) {
      html.append("<tr><td>").append(escape(fact[0])).append(":</td><td>").append(escape(fact[1]))
          .append("</td></tr>");
    }
    html.append("</table><p><a href=\"").append(escape(link)).append("\">").append(escape(linkLabel))
        .append("</a></p><p><small>").append(escape(SIGNATURE)).append("</small></p></body></html>");
    return new Message(singleLine(subject), text.toString(), html.toString());
  }

  /** "hết ngày 08/01/2019" for a deadline at the end of a day, else "17 giờ 00 ngày 08/01/2019". */
  public static String dueText(Instant deadline) {
    LocalTime time = deadline.atZone(VietnamTime.ZONE).toLocalTime();
    LocalDate day = ReminderSchedule.deadlineDay(deadline);
    if (time.equals(LocalTime.MIDNIGHT) || !time.isBefore(LocalTime.of(23, 59))) {
      return "hết ngày " + VietnamTime.shortDate(day);
    }
    return String.format("%02d giờ %02d ngày %s", time.getHour(), time.getMinute(), VietnamTime.shortDate(day));
  }

  /** The task in Tasklist, or Tasklist itself for a plan deadline. */
  public String link(ReminderNotice notice) {
    String tasklist = publicBaseUrl + "/camunda/app/tasklist/default/";
    return notice.taskId() == null ? tasklist : tasklist + "#/?task=" + notice.taskId();
  }

  private static String planTitle(ReminderNotice notice) {
    if (notice.planTitle() != null) {
      return notice.planTitle();
    }
    return notice.processName() != null ? notice.processName() : notice.processInstanceId();
  }

  private static String processText(ReminderNotice notice) {
    String name = notice.processName() != null ? notice.processName() : notice.processDefinitionKey();
    return notice.businessKey() == null || notice.businessKey().isBlank()
        ? name
        : name + " (" + notice.businessKey() + ")";
  }

  private static String escape(String value) {
    return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
  }

  /** A subject is one header line: a task name with line breaks must not add headers. */
  private static String singleLine(String value) {
    return value.replaceAll("[\\r\\n\\t]+", " ").trim();
  }
}
