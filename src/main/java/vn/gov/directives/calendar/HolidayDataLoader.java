package vn.gov.directives.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.gov.directives.calendar.HolidayYear.DayOff;
import vn.gov.directives.calendar.HolidayYear.MakeUpWorkingDay;

/**
 * Reads and checks the yearly holiday data (format described in {@code calendar/holidays-vn.yaml}). Everything is
 * validated before anything is used: one bad entry rejects the whole file, with a message naming the year and entry.
 */
public final class HolidayDataLoader {

  /** The bundled data for Vietnamese state agencies. */
  public static final String BUNDLED_RESOURCE = "calendar/holidays-vn.yaml";

  /** Longest plausible single break (Tết has reached 9–10 days); longer ranges are typing mistakes. */
  static final int MAX_RANGE_DAYS = 20;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private HolidayDataLoader() {}

  public static List<HolidayYear> loadBundled() {
    try (InputStream in = HolidayDataLoader.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new HolidayDataException("Không tìm thấy tệp ngày nghỉ " + BUNDLED_RESOURCE + " trong ứng dụng.");
      }
      return parse(in, BUNDLED_RESOURCE);
    } catch (IOException e) {
      throw new HolidayDataException("Không đọc được tệp ngày nghỉ " + BUNDLED_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  public static List<HolidayYear> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new HolidayDataException("Không tìm thấy tệp ngày nghỉ " + file.toAbsolutePath()
          + " (cấu hình app.calendar.holidays-file).", e);
    } catch (IOException e) {
      throw new HolidayDataException("Không đọc được tệp ngày nghỉ " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates; {@code origin} names the file in error messages. */
  public static List<HolidayYear> parse(InputStream yaml, String origin) {
    RawFile raw;
    try {
      raw = YAML.readValue(yaml, RawFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new HolidayDataException("Tệp ngày nghỉ " + origin + ", " + where(e.getLocation()) + ": trường '"
          + e.getPropertyName() + "' không hợp lệ (các trường hợp lệ: " + e.getKnownPropertyIds() + ").", e);
    } catch (JsonProcessingException e) {
      throw new HolidayDataException("Tệp ngày nghỉ " + origin + " sai định dạng, " + where(e.getLocation()) + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new HolidayDataException("Không đọc được tệp ngày nghỉ " + origin + ": " + e.getMessage(), e);
    }
    if (raw == null || raw.years == null || raw.years.isEmpty()) {
      throw new HolidayDataException("Tệp ngày nghỉ " + origin + " không có năm nào (thiếu mục 'years').");
    }
    return new Validator(origin).validate(raw.years);
  }

  private static String where(JsonLocation location) {
    return location == null ? "vị trí không rõ" : "dòng " + location.getLineNr() + ", cột " + location.getColumnNr();
  }

  /** Turns raw entries into checked records, collecting the first contradiction as a clear message. */
  private static final class Validator {
    private final String origin;
    private final Map<LocalDate, String> dayOffOwners = new HashMap<>();
    private final Map<LocalDate, String> makeUpOwners = new HashMap<>();

    Validator(String origin) {
      this.origin = origin;
    }

    List<HolidayYear> validate(List<RawYear> rawYears) {
      Map<Integer, HolidayYear> years = new TreeMap<>();
      List<MakeUpCheck> makeUps = new ArrayList<>();
      for (int i = 0; i < rawYears.size(); i++) {
        RawYear raw = rawYears.get(i);
        if (raw == null || raw.year == null) {
          throw fail("khối năm thứ " + (i + 1) + " thiếu 'year'");
        }
        int year = raw.year;
        if (year < 1900 || year > 2200) {
          throw fail("năm " + year + " (khối thứ " + (i + 1) + ") không hợp lệ");
        }
        if (years.containsKey(year)) {
          throw fail("năm " + year + " được khai báo hai lần");
        }
        boolean provisional = Boolean.TRUE.equals(raw.provisional);
        if (!provisional && (raw.source == null || raw.source.isBlank())) {
          throw fail("năm " + year + " thiếu 'source' (văn bản công bố lịch nghỉ); nếu đang tạm tính, ghi "
              + "'provisional: true'");
        }
        if (raw.daysOff == null || raw.daysOff.isEmpty()) {
          throw fail("năm " + year + " chưa khai báo ngày nghỉ nào ('days-off')");
        }
        List<DayOff> daysOff = new ArrayList<>();
        for (int j = 0; j < raw.daysOff.size(); j++) {
          daysOff.add(dayOff(year, j + 1, raw.daysOff.get(j)));
        }
        List<MakeUpWorkingDay> makeUpDays = new ArrayList<>();
        List<RawMakeUp> rawMakeUps = raw.workingSaturdays == null ? List.of() : raw.workingSaturdays;
        for (int j = 0; j < rawMakeUps.size(); j++) {
          MakeUpWorkingDay makeUp = makeUp(year, j + 1, rawMakeUps.get(j));
          makeUpDays.add(makeUp);
          makeUps.add(new MakeUpCheck(makeUp, describeMakeUp(year, j + 1, rawMakeUps.get(j))));
        }
        years.put(year, new HolidayYear(year, raw.source == null ? "" : raw.source.trim(), provisional, daysOff,
            makeUpDays));
      }
      // Checked after every year is read: a New Year break may list late-December days under the next year.
      for (MakeUpCheck check : makeUps) {
        String owner = dayOffOwners.get(check.day.date());
        if (owner != null) {
          throw fail(check.description + " trùng với ngày nghỉ ở " + owner
              + ": một ngày không thể vừa nghỉ vừa làm bù");
        }
      }
      return years.values().stream().sorted(Comparator.comparingInt(HolidayYear::year)).toList();
    }

    private DayOff dayOff(int year, int index, RawDayOff raw) {
      String entry = describeDayOff(year, index, raw);
      if (raw == null) {
        throw fail(entry + " trống");
      }
      if (raw.reason == null || raw.reason.isBlank()) {
        throw fail(entry + " thiếu lý do ('reason')");
      }
      LocalDate from;
      LocalDate to;
      if (raw.date != null) {
        if (raw.from != null || raw.to != null) {
          throw fail(entry + " ghi cả 'date' lẫn 'from'/'to': dùng 'date' cho một ngày, 'from' và 'to' cho một đợt");
        }
        from = date(entry, raw.date);
        to = from;
      } else {
        if (raw.from == null || raw.to == null) {
          throw fail(entry + " cần 'date' (một ngày) hoặc cả 'from' và 'to' (một đợt nghỉ)");
        }
        from = date(entry, raw.from);
        to = date(entry, raw.to);
        if (to.isBefore(from)) {
          throw fail(entry + ": ngày kết thúc " + to + " trước ngày bắt đầu " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
          throw fail(entry + ": đợt nghỉ " + from + " – " + to + " dài hơn " + MAX_RANGE_DAYS + " ngày, có thể ghi nhầm");
        }
      }
      if (from.getYear() > year || to.getYear() < year) {
        throw fail(entry + ": ngày " + from + (from.equals(to) ? "" : " – " + to) + " không thuộc năm " + year);
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        String previous = dayOffOwners.putIfAbsent(day, entry);
        if (previous != null) {
          throw fail(entry + ": ngày " + day + " đã có trong " + previous);
        }
      }
      return new DayOff(from, to, raw.reason.trim());
    }

    private MakeUpWorkingDay makeUp(int year, int index, RawMakeUp raw) {
      String entry = describeMakeUp(year, index, raw);
      if (raw == null || raw.date == null) {
        throw fail(entry + " thiếu ngày ('date')");
      }
      if (raw.reason == null || raw.reason.isBlank()) {
        throw fail(entry + " thiếu lý do ('reason')");
      }
      LocalDate date = date(entry, raw.date);
      if (date.getYear() != year) {
        throw fail(entry + ": ngày " + date + " không thuộc năm " + year);
      }
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw fail(entry + ": ngày " + date + " không phải thứ Bảy hay Chủ nhật, vốn đã là ngày làm việc");
      }
      String previous = makeUpOwners.putIfAbsent(date, entry);
      if (previous != null) {
        throw fail(entry + ": ngày " + date + " đã có trong " + previous);
      }
      return new MakeUpWorkingDay(date, raw.reason.trim());
    }

    private LocalDate date(String entry, String text) {
      try {
        return IsoDates.parse(text);
      } catch (IllegalArgumentException e) {
        throw fail(entry + ": " + e.getMessage());
      }
    }

    private HolidayDataException fail(String what) {
      return new HolidayDataException("Tệp ngày nghỉ " + origin + ": " + what + (what.endsWith(".") ? "" : "."));
    }

    private static String describeDayOff(int year, int index, RawDayOff raw) {
      String label = raw == null ? "" : firstNonNull(raw.date, raw.from);
      return "năm " + year + ", ngày nghỉ thứ " + index + (label.isEmpty() ? "" : " (" + label + ")");
    }

    private static String describeMakeUp(int year, int index, RawMakeUp raw) {
      String label = raw == null || raw.date == null ? "" : raw.date;
      return "năm " + year + ", ngày làm bù thứ " + index + (label.isEmpty() ? "" : " (" + label + ")");
    }

    private static String firstNonNull(String a, String b) {
      return a != null ? a : b != null ? b : "";
    }

    private record MakeUpCheck(MakeUpWorkingDay day, String description) {}
  }

  // Raw shapes of the YAML; dates stay text so that a wrong date gets our message, not a parser's.
  static final class RawFile {
    public List<RawYear> years;
  }

  static final class RawYear {
    public Integer year;
    public String source;
    public Boolean provisional;

    @JsonProperty("days-off")
    public List<RawDayOff> daysOff;

    @JsonProperty("working-saturdays")
    public List<RawMakeUp> workingSaturdays;
  }

  static final class RawDayOff {
    public String date;
    public String from;
    public String to;
    public String reason;
  }

  static final class RawMakeUp {
    public String date;
    public String reason;
  }
}
