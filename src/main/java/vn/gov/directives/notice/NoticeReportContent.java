package vn.gov.directives.notice;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.gov.directives.calendar.VietnamTime;

/**
 * What the Báo cáo tình hình (or kết quả) thực hiện Thông báo prints: the counts and one table row per (assignment,
 * lead), with the statuses in the words Văn phòng UBND uses. Plain logic, no engine.
 */
public final class NoticeReportContent {

  public static final String TEMPLATE = "bao-cao-tinh-hinh-thuc-hien-thong-bao";
  static final String NO_DEADLINE = "Không có thời hạn";
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private NoticeReportContent() {}

  /** The Vietnamese wording of a status in the report's table and e-mail. */
  public static String label(ProgressStatus status) {
    return switch (status) {
      case COMPLETED_ON_TIME -> "Hoàn thành đúng hạn";
      case COMPLETED_LATE -> "Hoàn thành quá hạn";
      case IN_PROGRESS -> "Đang thực hiện trong hạn";
      case OVERDUE -> "Quá hạn";
      case EXTENSION_REQUESTED -> "Đề nghị gia hạn";
      case REJECTED -> "Không được phê duyệt";
    };
  }

  /** "Tình hình" for a periodic or requested report, "Kết quả" once every assignment is done. */
  public static String kind(boolean finalReport) {
    return finalReport ? "Kết quả" : "Tình hình";
  }

  /** "10 giờ 00 ngày 02/01/2019", Vietnam time. */
  public static String timeText(Instant at) {
    ZonedDateTime local = at.atZone(VietnamTime.ZONE);
    return String.format("%02d giờ %02d ngày %s", local.getHour(), local.getMinute(),
        VietnamTime.shortDate(local.toLocalDate()));
  }

  /**
   * The template's values.
   *
   * @param leads the notice's tracking rows in the notice's order
   * @param leadName the name printed for a lead agency code (as the agency was named on the notice's date)
   */
  public static Map<String, Object> values(NoticeRecord notice, List<TrackedLead> leads, Instant now,
      boolean finalReport, Function<String, String> leadName) {
    NoticeProgress progress = NoticeProgress.of(notice.number(), leads, now);
    Map<String, Object> values = new HashMap<>();
    values.put("reportKind", kind(finalReport));
    values.put("finalReport", finalReport);
    values.put("noticeNumber", notice.number());
    values.put("noticeDateText", VietnamTime.shortDate(notice.issuedOn()));
    values.put("noticeTitle", notice.title());
    values.put("noticeSigner", notice.signer());
    values.put("reportTimeText", timeText(now));
    values.put("total", progress.total());
    values.put("completedOnTime", progress.completedOnTime());
    values.put("completedLate", progress.completedLate());
    values.put("inProgress", progress.inProgress());
    values.put("overdue", progress.overdue());
    values.put("extensionRequested", progress.extensionRequested());
    values.put("rejected", progress.rejected());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      TrackedLead lead = leads.get(i);
      NoticeProgress.Line line = progress.assignments().get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("assignmentCode", lead.assignmentCode());
      row.put("assignmentTitle", lead.assignmentTitle());
      row.put("leadName", leadName.apply(lead.leadCode()));
      row.put("dueText", dueText(lead));
      row.put("statusText", label(line.status()));
      if (line.completedOn() != null) {
        row.put("completedOnText", VietnamTime.shortDate(line.completedOn()));
      }
      rows.add(row);
    }
    values.put("rows", rows);
    return values;
  }

  /**
   * The day the lead must finish by, as judged: the end of the deadline in working-day terms (a deadline on a holiday
   * such as 01/01/2019 prints 02/01/2019), so that "quá hạn" never sits next to a date that seems not yet passed.
   */
  static String dueText(TrackedLead lead) {
    return lead.dueAt() == null ? NO_DEADLINE
        : VietnamTime.shortDate(java.time.LocalDate.ofInstant(lead.dueAt(), VietnamTime.ZONE));
  }

  /** Subject of the e-mail that carries the report. */
  public static String mailSubject(NoticeRecord notice, boolean finalReport) {
    return "Báo cáo " + kind(finalReport).toLowerCase(VIETNAMESE)
        + " thực hiện Thông báo số " + notice.number() + " ngày " + VietnamTime.shortDate(notice.issuedOn());
  }

  /** Body of the e-mail: the counts, the lines that need attention and where to download the files. */
  public static String mailBody(NoticeRecord notice, List<TrackedLead> leads, Instant now, boolean finalReport,
      Function<String, String> leadName, List<String> fileUrls, List<String> problems) {
    NoticeProgress progress = NoticeProgress.of(notice.number(), leads, now);
    StringBuilder body = new StringBuilder();
    body.append("Văn phòng UBND tỉnh gửi báo cáo ").append(kind(finalReport).toLowerCase(VIETNAMESE))
        .append(" thực hiện Thông báo số ").append(notice.number()).append(" ngày ")
        .append(VietnamTime.shortDate(notice.issuedOn())).append(", lập lúc ").append(timeText(now)).append(".\n\n");
    body.append("Tổng số: ").append(progress.total()).append(" lượt nhiệm vụ\n");
    body.append("- Hoàn thành đúng hạn: ").append(progress.completedOnTime()).append('\n');
    body.append("- Hoàn thành quá hạn: ").append(progress.completedLate()).append('\n');
    body.append("- Đang thực hiện trong hạn: ").append(progress.inProgress()).append('\n');
    body.append("- Quá hạn: ").append(progress.overdue()).append('\n');
    body.append("- Đề nghị gia hạn: ").append(progress.extensionRequested()).append('\n');
    body.append("- Không được phê duyệt: ").append(progress.rejected()).append('\n');
    List<String> attention = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      ProgressStatus status = progress.assignments().get(i).status();
      if (status == ProgressStatus.OVERDUE || status == ProgressStatus.EXTENSION_REQUESTED) {
        TrackedLead lead = leads.get(i);
        attention.add("- Mục " + lead.assignmentCode() + " (" + leadName.apply(lead.leadCode()) + "): "
            + label(status) + (lead.dueAt() == null ? "" : ", hạn " + dueText(lead)));
      }
    }
    if (!attention.isEmpty()) {
      body.append("\nCần đôn đốc:\n");
      attention.forEach(line -> body.append(line).append('\n'));
    }
    body.append("\nBáo cáo đính kèm thư này; tải về (cần đăng nhập):\n");
    fileUrls.forEach(url -> body.append(url).append('\n'));
    if (!problems.isEmpty()) {
      body.append("\nLưu ý:\n");
      problems.forEach(problem -> body.append("- ").append(problem).append('\n'));
    }
    return body.toString();
  }
}
