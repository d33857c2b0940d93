package vn.gov.directives.organization;

import java.time.LocalDate;

/**
 * An agency as configured, valid between two dates (provinces merge and reorganise).
 *
 * @param code ASCII code used in the API and group ids, e.g. STTTT
 * @param name full Vietnamese name, e.g. "Sở Thông tin và Truyền thông"
 * @param shortName short Vietnamese name used in lists, e.g. "Sở TT&TT"
 * @param symbol abbreviation in document symbols, e.g. STTTT in 01/TTr-STTTT
 * @param parent code of the governing agency (UBND for a Sở), null for the top
 * @param kind committee, department, district or other
 * @param headerAbove the line printed above the agency name in a document header, e.g. "UBND TỈNH BÌNH ĐỊNH"; null
 *     when the agency is the top
 * @param place place name printed before the date, e.g. "Bình Định" or "Quy Nhơn"
 * @param validFrom first day the agency exists in this form (inclusive), null = always
 * @param validTo last day (inclusive), null = still valid
 */
public record Agency(
    String code,
    String name,
    String shortName,
    String symbol,
    String parent,
    AgencyKind kind,
    String headerAbove,
    String place,
    LocalDate validFrom,
    LocalDate validTo) {

  public boolean validOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }
}
