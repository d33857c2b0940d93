package vn.gov.directives.ranking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import vn.gov.directives.calendar.VietnamTime;

/**
 * When the yearly IT ranking opens ({@code app.ranking.yearly-start}, day/month, Vietnam time) and which year a
 * ranking assesses. The ranking of year Y is run at the end of Y (the 2018 results were decided on 21/12/2018).
 */
public final class RankingSchedule {

  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M");

  private final MonthDay opening;
  private final LocalTime time;

  public RankingSchedule(MonthDay opening, LocalTime time) {
    this.opening = opening;
    this.time = time;
  }

  /** "15/11" → 15 November; a clear message for anything else. */
  public static MonthDay parseOpening(String text) {
    try {
      return MonthDay.parse(text == null ? "" : text.strip(), DAY_MONTH);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("app.ranking.yearly-start = '" + text
          + "' không hợp lệ: cần ngày/tháng mở kỳ xếp hạng hằng năm, ví dụ 15/11.", e);
    }
  }

  public MonthDay opening() {
    return opening;
  }

  /** The day the ranking of a year opens (29/02 falls back to 28/02 in a common year). */
  public LocalDate opensOn(int year) {
    return opening.atYear(year);
  }

  /**
   * The timer start event's cycle: every year on the opening day at the start of the working day, Vietnam time,
   * e.g. {@code R/2019-11-15T07:30+07:00/P1Y}; the engine skips the occurrences already past.
   */
  public String cycle(LocalDate today) {
    OffsetDateTime first = opensOn(today.getYear()).atTime(time).atZone(VietnamTime.ZONE).toOffsetDateTime();
    return "R/" + first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1Y";
  }

  /**
   * The year a ranking assesses when nobody says: the year of the assignment deadline when there is one; else the
   * year of the notice, or the next year when the notice comes after that year's opening day (notice 295 of
   * 26/12/2018 asks for the yearly ranking: the next one is that of 2019).
   */
  public int yearFor(LocalDate noticeDate, LocalDate deadline, LocalDate today) {
    if (deadline != null) {
      return deadline.getYear();
    }
    LocalDate from = noticeDate != null ? noticeDate : today;
    return from.isAfter(opensOn(from.getYear())) ? from.getYear() + 1 : from.getYear();
  }
}
