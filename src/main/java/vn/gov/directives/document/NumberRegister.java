package vn.gov.directives.document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The number register (sổ đăng ký văn bản đi): numbers start at 1 on 1 January and never repeat within a series.
 * The increment is an UPDATE in the caller's transaction, so it holds the series' row lock until commit (two
 * documents issued at the same instant get consecutive numbers) and a rollback gives the number back.
 */
public class NumberRegister {

  /** One series per type (default) or one shared series per agency and year, as the head of the agency decides. */
  public enum Numbering {
    PER_TYPE,
    SHARED;

    public static Numbering parse(String text) {
      if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("per-type")) {
        return PER_TYPE;
      }
      if (text.trim().equalsIgnoreCase("shared")) {
        return SHARED;
      }
      throw new IllegalArgumentException("app.documents.numbering must be per-type or shared, got '" + text + "'");
    }
  }

  static final String SHARED_SERIES = "*";
  static final String LEGAL_NORMATIVE_SUFFIX = "/QPPL";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final Numbering numbering;

  public NumberRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions, Numbering numbering) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    // NESTED = a savepoint inside the caller's transaction: a failed first insert does not spoil it (PostgreSQL
    // aborts a whole transaction on an error otherwise).
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.numbering = numbering;
  }

  public String series(DocumentType type) {
    return numbering == Numbering.SHARED ? SHARED_SERIES : type.name();
  }

  /**
   * Legal normative documents ("05/2019/QĐ-UBND") are numbered in a register of their own, apart from the
   * administrative ones of the same type ("4567/QĐ-UBND"): "QUYET_DINH/QPPL", or "&#42;/QPPL" when shared.
   */
  public String series(DocumentType type, boolean legalNormative) {
    return legalNormative ? series(type) + LEGAL_NORMATIVE_SUFFIX : series(type);
  }

  /** The next number of the series; must run inside a transaction. */
  public int next(String issuingAgency, String series, int year) {
    if (increment(issuingAgency, series, year)) {
      return current(issuingAgency, series, year);
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO document_register (issuing_agency, series, register_year, last_number) VALUES (?, ?, ?, 1)",
          issuingAgency, series, year));
      return 1;
    } catch (DuplicateKeyException concurrentFirstIssue) {
      // Another transaction opened the series at the same instant: take the next number after its one.
      if (!increment(issuingAgency, series, year)) {
        throw new IllegalStateException("Register row vanished for " + issuingAgency + "/" + series + "/" + year);
      }
      return current(issuingAgency, series, year);
    }
  }

  private boolean increment(String issuingAgency, String series, int year) {
    return jdbc.update("UPDATE document_register SET last_number = last_number + 1 "
        + "WHERE issuing_agency = ? AND series = ? AND register_year = ?", issuingAgency, series, year) == 1;
  }

  private int current(String issuingAgency, String series, int year) {
    Integer value = jdbc.queryForObject("SELECT last_number FROM document_register "
        + "WHERE issuing_agency = ? AND series = ? AND register_year = ?", Integer.class, issuingAgency, series, year);
    return value == null ? 0 : value;
  }
}
