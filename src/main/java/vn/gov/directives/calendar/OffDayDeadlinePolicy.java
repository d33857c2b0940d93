package vn.gov.directives.calendar;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a deadline falling on a day off means (configuration key {@code app.calendar.off-day-deadline}). */
public enum OffDayDeadlinePolicy {
  /** The period ends at the end of the next working day (Bộ luật Dân sự 2015, art. 148(5)). */
  NEXT_WORKING_DAY("next-working-day"),
  /** The deadline stays on the day off itself. */
  KEEP("keep");

  private final String configValue;

  OffDayDeadlinePolicy(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  /** Accepts "next-working-day" / "keep" (also NEXT_WORKING_DAY); empty means the default, next-working-day. */
  public static OffDayDeadlinePolicy fromConfig(String value) {
    if (value == null || value.isBlank()) {
      return NEXT_WORKING_DAY;
    }
    String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (OffDayDeadlinePolicy policy : values()) {
      if (policy.configValue.equals(normalized)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("Giá trị '" + value + "' của app.calendar.off-day-deadline không hợp lệ; chọn "
        + Arrays.stream(values()).map(p -> p.configValue).collect(Collectors.joining(" hoặc ")) + ".");
  }
}
