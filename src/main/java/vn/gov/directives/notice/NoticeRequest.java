package vn.gov.directives.notice;

import java.time.LocalDate;
import java.util.List;

/** A conclusion notice as registered: checked, every field present and meaningful. */
public record NoticeRequest(
    String number,
    LocalDate issuedOn,
    String issuer,
    LocalDate meetingDate,
    String signer,
    String title,
    List<Assignment> assignments) {

  public NoticeRequest {
    assignments = List.copyOf(assignments);
  }

  /** Year of the notice: with issuer and number, what identifies it. */
  public int year() {
    return issuedOn.getYear();
  }

  /** Leads over all assignments: one tracked process each. */
  public int leadCount() {
    return assignments.stream().mapToInt(a -> a.leads().size()).sum();
  }

  /** One assignment ("mục") of the notice. {@code deadline} is null when the notice sets no date. */
  public record Assignment(
      String code,
      AssignmentKind kind,
      String title,
      List<String> leads,
      List<String> partners,
      LocalDate deadline,
      boolean urgent) {

    public Assignment {
      leads = List.copyOf(leads);
      partners = List.copyOf(partners);
    }
  }
}
