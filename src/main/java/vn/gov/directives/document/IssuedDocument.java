package vn.gov.directives.document;

import java.time.LocalDate;

/**
 * A stored document.
 *
 * @param id random, not guessable (UUID)
 * @param type document type code, e.g. TO_TRINH
 * @param number full number and symbol, e.g. "01/TTr-STTTT"; null for an unnumbered draft
 */
public record IssuedDocument(
    String id, String processInstanceId, String type, String number, String title, LocalDate issuedOn) {}
