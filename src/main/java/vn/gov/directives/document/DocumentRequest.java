package vn.gov.directives.document;

import java.time.LocalDate;
import java.util.Map;

/**
 * What to issue.
 *
 * @param processInstanceId the process instance the document belongs to
 * @param template template name, e.g. "to-trinh-ke-hoach" (a file the office staff can edit)
 * @param issuingAgency agency code of the issuer, e.g. STTTT; its symbol goes into the number
 * @param numbered true to take the next number from the register (01/TTr-STTTT); false for drafts
 * @param issuedOn the date printed ("Bình Định, ngày ..."), Vietnam date
 * @param values the values the template prints, by name; printed literally, never evaluated
 */
public record DocumentRequest(
    String processInstanceId,
    String template,
    String issuingAgency,
    boolean numbered,
    LocalDate issuedOn,
    Map<String, Object> values) {}
