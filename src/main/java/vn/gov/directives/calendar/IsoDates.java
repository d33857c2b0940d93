package vn.gov.directives.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Strict yyyy-MM-dd parsing with a Vietnamese message a person can act on (2019-02-30 is refused, not rounded). */
final class IsoDates {

  private IsoDates() {}

  static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Thiếu ngày (viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2019-01-05).");
    }
    try {
      // ISO_LOCAL_DATE resolves strictly: 2019-02-30 fails instead of becoming 2019-02-28.
      return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' không phải là ngày hợp lệ (viết theo dạng NĂM-THÁNG-NGÀY, "
          + "ví dụ 2019-01-05).", e);
    }
  }
}
