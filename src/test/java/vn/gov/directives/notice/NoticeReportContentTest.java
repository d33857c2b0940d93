package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.VietnamTime;

/** The report's values without the engine: statuses in Vietnamese, counts, dates in Vietnam time, the cycle check. */
class NoticeReportContentTest {

  static final NoticeRecord NOTICE = new NoticeRecord("n1", "295/TB-UBND", "UBND", 2018, LocalDate.of(2018, 12, 26),
      LocalDate.of(2018, 12, 25), "Nguyễn Phi Long", "Kết luận", "pi", NoticeRecord.OPEN, Instant.EPOCH, "vp");

  @Test
  void rowsCarryTheStatusInTheOfficesWords_dueAndCompletionDatesInVietnamTime() {
    List<TrackedLead> leads = List.of(
        lead("3", "STTTT", LocalDate.of(2019, 1, 5), null, false),
        // completed at 23:30 on 02/01 Vietnam time, which is still 02/01 afternoon in UTC-5: printed 02/01
        lead("9", "VPUBND", LocalDate.of(2019, 1, 2), at(2019, 1, 2, 23, 30), false),
        lead("9b", "VPUBND", LocalDate.of(2019, 1, 2), at(2019, 1, 3, 0, 30), false),
        lead("11", "STC", null, null, true),
        lead("1", "STTTT", null, null, false));
    Map<String, Object> values = NoticeReportContent.values(NOTICE, leads, at(2019, 1, 9, 7, 5), false,
        code -> "«" + code + "»");

    assertThat(values).containsEntry("reportKind", "Tình hình").containsEntry("finalReport", false)
        .containsEntry("noticeDateText", "26/12/2018").containsEntry("reportTimeText", "07 giờ 05 ngày 09/01/2019")
        .containsEntry("total", 5).containsEntry("completedOnTime", 1).containsEntry("completedLate", 1)
        .containsEntry("overdue", 1).containsEntry("extensionRequested", 1).containsEntry("inProgress", 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) values.get("rows");
    assertThat(rows).extracting(row -> row.get("statusText")).containsExactly("Quá hạn", "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn", "Đề nghị gia hạn", "Đang thực hiện trong hạn");
    assertThat(rows.get(0)).containsEntry("leadName", "«STTTT»").containsEntry("dueText", "05/01/2019")
        .doesNotContainKey("completedOnText");
    assertThat(rows.get(1)).containsEntry("completedOnText", "02/01/2019");
    assertThat(rows.get(2)).containsEntry("completedOnText", "03/01/2019");
    assertThat(rows.get(3)).containsEntry("dueText", "Không có thời hạn");
  }

  @Test
  void finalReportIsTheKetQuaVersion() {
    Map<String, Object> values = NoticeReportContent.values(NOTICE,
        List.of(lead("1", "STTTT", null, at(2019, 1, 2, 9, 0), false)), at(2019, 1, 2, 9, 0), true, code -> code);
    assertThat(values).containsEntry("reportKind", "Kết quả").containsEntry("finalReport", true);
    assertThat(NoticeReportContent.mailSubject(NOTICE, true))
        .isEqualTo("Báo cáo kết quả thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018");
  }

  @Test
  void mailBodyListsWhatNeedsChasingAndWhoCouldNotBeReached() {
    String body = NoticeReportContent.mailBody(NOTICE,
        List.of(lead("3", "STTTT", LocalDate.of(2019, 1, 5), null, false), lead("1", "STTTT", null, null, false)),
        at(2019, 1, 9, 10, 0), false, code -> "Sở TT&TT", List.of("http://x/api/documents/d/pdf"),
        List.of("Không gửi được cho người ký Thông báo (Hồ Quốc Dũng) vì người ký không có tài khoản trong hệ thống."));
    assertThat(body).contains("Quá hạn: 1", "Mục 3 (Sở TT&TT): Quá hạn, hạn 05/01/2019", "http://x/api/documents/d/pdf",
        "Hồ Quốc Dũng").doesNotContain("Mục 1 (");
  }

  @Test
  void reportCycleMustBeSomethingTheEngineCanSchedule() {
    assertThat(NoticeReports.checkedCycle(" R/P7D ")).isEqualTo("R/P7D");
    assertThat(NoticeReports.checkedCycle("0 30 7 ? * MON")).isEqualTo("0 30 7 ? * MON");
    assertThatThrownBy(() -> NoticeReports.checkedCycle("weekly")).hasMessageContaining("app.notices.report-cycle")
        .hasMessageContaining("không hợp lệ");
    assertThatThrownBy(() -> NoticeReports.checkedCycle("")).hasMessageContaining("thiếu chu kỳ");
  }

  private static TrackedLead lead(String code, String leadCode, LocalDate dueOn, Instant completedAt,
      boolean extensionRequested) {
    Instant dueAt = dueOn == null ? null : VietnamTime.endOfDay(dueOn).toInstant();
    return new TrackedLead(code + leadCode, "n1", "295/TB-UBND", LocalDate.of(2018, 12, 26), code,
        AssignmentKind.GENERAL, "Việc " + code, false, dueOn, List.of(), leadCode, "p" + code, dueOn, dueAt,
        completedAt == null ? TrackedLead.IN_PROGRESS : TrackedLead.COMPLETED, completedAt, extensionRequested);
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
  }
}
