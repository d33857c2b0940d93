package vn.gov.directives.calendar;

/**
 * A day was asked about whose year has no holiday data. We never guess working days: the office must add the year's
 * official schedule to the data file.
 */
public class MissingHolidayDataException extends IllegalStateException {

  private final int year;

  public MissingHolidayDataException(int year, String coveredYears) {
    super("Không có dữ liệu ngày nghỉ cho năm " + year + " (dữ liệu hiện có: " + coveredYears + "). "
        + "Hãy bổ sung lịch nghỉ năm " + year + " vào tệp ngày nghỉ (calendar/holidays-vn.yaml hoặc tệp khai báo "
        + "trong cấu hình app.calendar.holidays-file).");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
