package vn.gov.directives.document;

/** Number and symbol as Decree 30 prints them. */
public final class DocumentNumbers {

  private DocumentNumbers() {}

  /**
   * "01/TTr-STTTT"; "05/2019/QĐ-UBND" for a legal normative document. Numbers below 10 take a leading zero; larger
   * ones print as they are ("123").
   */
  public static String format(Integer serial, int year, boolean withYear, String symbol) {
    if (serial == null) {
      return null;
    }
    if (serial < 1) {
      throw new IllegalArgumentException("Document numbers start at 1, got " + serial);
    }
    return String.format("%02d", serial) + "/" + (withYear ? year + "/" : "") + symbol;
  }
}
