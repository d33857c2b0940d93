package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.VietnamTime;

class ReminderMessagesTest {

  private final ReminderMessages messages = new ReminderMessages("https://theodoi.binhdinh.gov.vn/");

  private static Instant vn(int year, int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(VietnamTime.ZONE).toInstant();
  }

  private static ReminderNotice notice(ReminderKind kind, int days, Instant deadline, String taskName) {
    return new ReminderNotice(kind, days, deadline, null, "task-42", kind.aboutTask() ? "task-42" : null,
        kind.aboutTask() ? taskName : null, "pi-1", "pi-1", "ke-hoach-cntt", "Xây dựng Kế hoạch ứng dụng CNTT",
        "KH-CNTT-2019", "Kế hoạch ứng dụng CNTT năm 2019", "Chuyên viên Sở Thông tin và Truyền thông",
        "Chuyên viên Sở Thông tin và Truyền thông",
        List.of(new Recipient("cv1", "Nguyễn Văn An", "an@stttt.binhdinh.gov.vn")));
  }

  @Test
  void reminderSubjectCountsWorkingDaysAndShowsTheDueDay() {
    ReminderMessages.Message message = messages.compose(notice(ReminderKind.TASK_REMINDER, 3,
        vn(2019, 1, 8, 23, 59, 59), "Tổng hợp thực trạng và dự thảo Kế hoạch"));

    assertThat(message.subject()).isEqualTo(
        "[Nhắc việc] Còn 3 ngày làm việc: Tổng hợp thực trạng và dự thảo Kế hoạch — hạn 08/01/2019");
    assertThat(message.text())
        .contains("Kính gửi: Chuyên viên Sở Thông tin và Truyền thông")
        .contains("Hạn xử lý: hết ngày 08/01/2019")
        .contains("Hồ sơ: Xây dựng Kế hoạch ứng dụng CNTT (KH-CNTT-2019)")
        .contains("https://theodoi.binhdinh.gov.vn/camunda/app/tasklist/default/#/?task=task-42");
  }

  @Test
  void escalationSaysOverdueAndWhoHadTheTask() {
    ReminderMessages.Message message = messages.compose(notice(ReminderKind.TASK_ESCALATION, 1,
        vn(2019, 2, 1, 17, 0, 0), "Báo cáo thực trạng ứng dụng CNTT"));

    assertThat(message.subject()).isEqualTo(
        "[Quá hạn] Quá 1 ngày làm việc: Báo cáo thực trạng ứng dụng CNTT — hạn 01/02/2019");
    assertThat(message.text())
        .contains("đã quá hạn xử lý 1 ngày làm việc nhưng chưa hoàn thành")
        .contains("Hạn xử lý: 17 giờ 00 ngày 01/02/2019")
        .contains("Được giao cho: Chuyên viên Sở Thông tin và Truyền thông");
  }

  @Test
  void planDeadlineReminderNamesThePlanAndLinksToTasklist() {
    ReminderMessages.Message message = messages.compose(notice(ReminderKind.DEADLINE_REMINDER, 1,
        vn(2019, 1, 25, 23, 59, 59), null));

    assertThat(message.subject()).isEqualTo(
        "[Nhắc hạn] Còn 1 ngày làm việc đến hạn kế hoạch: Kế hoạch ứng dụng CNTT năm 2019 — hạn 25/01/2019");
    assertThat(message.text()).contains("Mở Tasklist: https://theodoi.binhdinh.gov.vn/camunda/app/tasklist/default/\n");
  }

  @Test
  void dueTextIsVietnamTimeWhateverTheServerZone() {
    assertThat(ReminderMessages.dueText(vn(2019, 1, 8, 17, 0, 0))).isEqualTo("17 giờ 00 ngày 08/01/2019");
    assertThat(ReminderMessages.dueText(vn(2019, 1, 8, 23, 59, 59))).isEqualTo("hết ngày 08/01/2019");
    assertThat(ReminderMessages.dueText(vn(2019, 1, 9, 0, 0, 0))).isEqualTo("hết ngày 08/01/2019");
    assertThat(ReminderMessages.dueText(vn(2019, 3, 15, 9, 5, 0))).isEqualTo("09 giờ 05 ngày 15/03/2019");
  }

  @Test
  void taskNamesPrintLiterallyInHtmlAndCannotAddHeaderLines() {
    ReminderMessages.Message message = messages.compose(notice(ReminderKind.TASK_REMINDER, 1,
        vn(2019, 1, 8, 23, 59, 59), "<script>alert(1)</script> ${x} & \"q\"\r\nBcc: x@y"));

    assertThat(message.html())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; ${x} &amp; &quot;q&quot;")
        .doesNotContain("<script>");
    assertThat(message.text()).contains("<script>alert(1)</script> ${x} & \"q\"");
    assertThat(message.subject()).doesNotContain("\r").doesNotContain("\n")
        .contains("<script>alert(1)</script> ${x} & \"q\" Bcc: x@y");
    assertThat(message.html()).contains("Kính gửi: Chuyên viên Sở Thông tin và Truyền thông");
  }

  private static ReminderNotice noDeadline(boolean urgent) {
    return new ReminderNotice(ReminderKind.NO_DEADLINE_REMINDER, 10, vn(2018, 12, 27, 9, 0, 0), null, "task-42",
        "task-42", "Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3", "pi-1", "pi-0",
        "assignment-generic", "Thực hiện nhiệm vụ được giao", null, null, "Sở Tài chính", "Sở Tài chính - Chuyên viên",
        List.of(new Recipient("stc-cv", "Hồ Thị Minh Thảo", "stc-cv@stc.binhdinh.gov.vn")), urgent,
        "Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019", 5);
  }

  @Test
  void workWithoutDeadlineIsRemindedAsBeforeWithItsPeriodAndLink() {
    ReminderMessages.Message message = messages.compose(noDeadline(false));

    assertThat(message.subject()).isEqualTo(
        "Nhắc thực hiện nhiệm vụ chưa có thời hạn: Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3");
    assertThat(message.text())
        .startsWith("Kính gửi: Sở Tài chính\n\n")
        .contains("Nhiệm vụ “Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019” không có thời hạn; đơn vị"
            + " nhận nhiệm vụ từ ngày 27/12/2018 và chưa báo cáo kết quả.")
        .contains("Đề nghị đơn vị khẩn trương thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh. Thư nhắc này"
            + " được gửi 5 ngày làm việc một lần cho đến khi nhiệm vụ hoàn thành.")
        .contains("Công việc: Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3")
        .contains("https://theodoi.binhdinh.gov.vn/camunda/app/tasklist/default/#/?task=task-42")
        .doesNotContain("Hạn xử lý");
    assertThat(message.html()).contains("Thư nhắc này được gửi 5 ngày làm việc một lần");
  }

  @Test
  void urgentWorkWithoutDeadlineSaysSoInTheSubjectAndTheText() {
    ReminderMessages.Message message = messages.compose(noDeadline(true));

    assertThat(message.subject()).startsWith("[KHẨN] Nhắc thực hiện nhiệm vụ chưa có thời hạn: ");
    assertThat(message.text()).contains("không có thời hạn nhưng được giao thực hiện khẩn; đơn vị nhận nhiệm vụ");
  }
}
