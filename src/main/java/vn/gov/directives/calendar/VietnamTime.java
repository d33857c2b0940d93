package vn.gov.directives.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Vietnam time, whatever the server's zone: every date a person reads is a date in Asia/Ho_Chi_Minh. */
public final class VietnamTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  /** The engine's clock, so that tests which move the engine clock move us too. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }

  public static LocalDate toLocalDate(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZONE);
  }

  /** A deadline day ends at 24:00 Vietnam time; we store the last second of the day. */
  public static Date endOfDay(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toInstant());
  }

  public static Date at(LocalDate day, LocalTime time) {
    return Date.from(ZonedDateTime.of(day, time, ZONE).toInstant());
  }

  /** "ngày 05 tháng 01 năm 2019": days below 10 and months 1 and 2 take a leading zero (Decree 30). */
  public static String vietnameseDate(LocalDate day) {
    int month = day.getMonthValue();
    String monthText = month <= 2 ? String.format("%02d", month) : Integer.toString(month);
    return String.format("ngày %02d tháng %s năm %d", day.getDayOfMonth(), monthText, day.getYear());
  }

  /** dd/MM/yyyy as Vietnamese offices write short dates. */
  public static String shortDate(LocalDate day) {
    return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }
}
