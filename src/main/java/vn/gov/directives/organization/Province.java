package vn.gov.directives.organization;

/**
 * The province the organisation belongs to.
 *
 * @param name e.g. "Bình Định"
 * @param place default place name before a date, e.g. "Bình Định"
 */
public record Province(String name, String place) {}
