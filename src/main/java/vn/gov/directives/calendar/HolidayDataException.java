package vn.gov.directives.calendar;

/** The holiday data file cannot be read or contradicts itself; the message says which year and entry, in Vietnamese. */
public class HolidayDataException extends RuntimeException {

  public HolidayDataException(String message) {
    super(message);
  }

  public HolidayDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
