package vn.gov.directives.notice;

import java.time.Instant;
import java.time.LocalDate;

/** A registered notice as stored. */
public record NoticeRecord(
    String id,
    String number,
    String issuer,
    int year,
    LocalDate issuedOn,
    LocalDate meetingDate,
    String signer,
    String title,
    String processInstanceId,
    String status,
    Instant createdAt,
    String createdBy) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
}
