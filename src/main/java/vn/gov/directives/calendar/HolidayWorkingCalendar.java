package vn.gov.directives.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.gov.directives.calendar.HolidayYear.DayOff;
import vn.gov.directives.calendar.HolidayYear.MakeUpWorkingDay;

/**
 * Working days of Vietnamese state agencies (Monday–Friday) from yearly holiday data: days off and make-up working
 * weekend days. A day whose year is not in the data raises {@link MissingHolidayDataException}: never a guess.
 */
public final class HolidayWorkingCalendar implements WorkingCalendar {

  /** Guards loops against a runaway count; no real period spans anywhere near this many days. */
  private static final int MAX_STEPS = 366 * 20;

  private final SortedMap<Integer, HolidayYear> years;
  private final Map<LocalDate, String> dayOffReasons = new HashMap<>();
  private final Map<LocalDate, String> makeUpReasons = new HashMap<>();
  private final String coveredYears;

  public HolidayWorkingCalendar(Collection<HolidayYear> holidayYears) {
    if (holidayYears.isEmpty()) {
      throw new HolidayDataException("Dữ liệu ngày nghỉ không có năm nào.");
    }
    TreeMap<Integer, HolidayYear> byYear = new TreeMap<>();
    for (HolidayYear year : holidayYears) {
      if (byYear.put(year.year(), year) != null) {
        throw new HolidayDataException("Dữ liệu ngày nghỉ: năm " + year.year() + " được khai báo hai lần.");
      }
      for (DayOff off : year.daysOff()) {
        off.from().datesUntil(off.to().plusDays(1)).forEach(day -> dayOffReasons.putIfAbsent(day, off.reason()));
      }
      for (MakeUpWorkingDay makeUp : year.makeUpWorkingDays()) {
        makeUpReasons.put(makeUp.date(), makeUp.reason());
      }
    }
    this.years = Collections.unmodifiableSortedMap(byYear);
    this.coveredYears = describeYears(byYear.keySet());
  }

  /** The bundled data: 2018–2030. */
  public static HolidayWorkingCalendar bundled() {
    return new HolidayWorkingCalendar(HolidayDataLoader.loadBundled());
  }

  /** An office-maintained file in the same format as the bundled one. */
  public static HolidayWorkingCalendar fromFile(Path file) {
    return new HolidayWorkingCalendar(HolidayDataLoader.load(file));
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    requireCovered(day);
    if (makeUpReasons.containsKey(day)) {
      return true;
    }
    if (dayOffReasons.containsKey(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  @Override
  public LocalDate plusWorkingDays(LocalDate start, int n) {
    if (n == 0) {
      return onOrNextWorkingDay(start);
    }
    int step = n > 0 ? 1 : -1;
    int remaining = Math.abs(n);
    LocalDate day = start;
    for (int guard = 0; guard < MAX_STEPS; guard++) {
      day = day.plusDays(step);
      if (isWorkingDay(day) && --remaining == 0) {
        return day;
      }
    }
    throw new IllegalArgumentException("Số ngày làm việc quá lớn: " + n);
  }

  @Override
  public LocalDate onOrNextWorkingDay(LocalDate day) {
    LocalDate candidate = day;
    for (int guard = 0; guard < MAX_STEPS; guard++) {
      if (isWorkingDay(candidate)) {
        return candidate;
      }
      candidate = candidate.plusDays(1);
    }
    throw new IllegalStateException("Không tìm thấy ngày làm việc nào sau " + day);
  }

  @Override
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** Why the day is off ("Tết Nguyên đán ...", "Thứ Bảy", "Chủ nhật"), or empty when it is a working day. */
  public Optional<String> dayOffReason(LocalDate day) {
    if (isWorkingDay(day)) {
      return Optional.empty();
    }
    String reason = dayOffReasons.get(day);
    if (reason != null) {
      return Optional.of(reason);
    }
    return Optional.of(day.getDayOfWeek() == DayOfWeek.SATURDAY ? "Thứ Bảy" : "Chủ nhật");
  }

  /** Why a weekend day is worked, when it is a make-up working day. */
  public Optional<String> makeUpReason(LocalDate day) {
    requireCovered(day);
    return Optional.ofNullable(makeUpReasons.get(day));
  }

  /** The data of every covered year, by year. */
  public SortedMap<Integer, HolidayYear> years() {
    return years;
  }

  public boolean covers(int year) {
    return years.containsKey(year);
  }

  private void requireCovered(LocalDate day) {
    if (!years.containsKey(day.getYear())) {
      throw new MissingHolidayDataException(day.getYear(), coveredYears);
    }
  }

  /** "2018–2030" or, with gaps, "2018–2020, 2022". */
  private static String describeYears(Collection<Integer> sortedYears) {
    StringBuilder out = new StringBuilder();
    Integer runStart = null;
    Integer previous = null;
    for (Integer year : sortedYears) {
      if (previous != null && year != previous + 1) {
        appendRun(out, runStart, previous);
        runStart = null;
      }
      if (runStart == null) {
        runStart = year;
      }
      previous = year;
    }
    appendRun(out, runStart, previous);
    return out.toString();
  }

  private static void appendRun(StringBuilder out, Integer from, Integer to) {
    if (out.length() > 0) {
      out.append(", ");
    }
    out.append(from.equals(to) ? from.toString() : from + "–" + to);
  }

  @Override
  public String toString() {
    return "HolidayWorkingCalendar[" + coveredYears + ", provisional: " + years.values().stream()
        .filter(HolidayYear::provisional).map(y -> Integer.toString(y.year())).collect(Collectors.joining(", ")) + "]";
  }
}
