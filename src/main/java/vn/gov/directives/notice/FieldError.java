package vn.gov.directives.notice;

/** One problem of a notice request: where (a JSON path such as {@code assignments[3].leads[1]}) and what, in Vietnamese. */
public record FieldError(String field, String message) {}
