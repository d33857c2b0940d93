package vn.gov.directives.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.directives.calendar.VietnamTime;

/** The document tables, through the application's DataSource (the one the Camunda engine uses too). */
public class DocumentStore {

  private static final String COLUMNS = "id, process_instance_id, type, number, title, issued_on";

  private final JdbcTemplate jdbc;

  public DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What is stored with a document besides its listing fields. */
  record Registration(String template, String issuingAgency, String series, Integer year, Integer serial,
      String symbol) {}

  /**
   * The content of a document frozen at issue, from which its PDF is typeset on first request.
   *
   * @param version {@link DocumentLayoutJson#VERSION} of the stored form
   */
  record FrozenLayout(String pdfFileName, int version, byte[] json) {}

  void insert(IssuedDocument document, Registration registration, List<DocumentFile> files, FrozenLayout layout) {
    jdbc.update("INSERT INTO document (id, process_instance_id, type, template, issuing_agency, register_series, "
            + "register_year, serial, number, symbol, title, issued_on, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(), document.processInstanceId(), document.type(), registration.template(),
        registration.issuingAgency(), registration.series(), registration.year(), registration.serial(),
        document.number(), registration.symbol(), document.title(), document.issuedOn(),
        OffsetDateTime.ofInstant(VietnamTime.now(), VietnamTime.ZONE));
    files.forEach(this::insertFile);
    if (layout != null) {
      jdbc.update("INSERT INTO document_layout (document_id, layout_version, pdf_file_name, layout) VALUES (?, ?, ?, ?)",
          document.id(), layout.version(), layout.pdfFileName(), layout.json());
    }
  }

  /**
   * Stores one file: at issue, or made after it (the PDF typeset on first request).
   *
   * @throws org.springframework.dao.DuplicateKeyException when one of that format is stored already (another request,
   *     thread or node, stored it first); on PostgreSQL this spoils the transaction, so the caller runs it in its own
   *     transaction or savepoint
   */
  void insertFile(DocumentFile file) {
    jdbc.update("INSERT INTO document_file (document_id, format, file_name, content_type, content) VALUES (?, ?, ?, ?, ?)",
        file.documentId(), file.format().extension(), file.fileName(), file.format().contentType(), file.content());
  }

  Optional<FrozenLayout> layout(String id) {
    return jdbc.query("SELECT pdf_file_name, layout_version, layout FROM document_layout WHERE document_id = ?",
        (rs, row) -> new FrozenLayout(rs.getString("pdf_file_name"), rs.getInt("layout_version"),
            rs.getBytes("layout")), id).stream().findFirst();
  }

  Optional<IssuedDocument> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM document WHERE id = ?", DocumentStore::document, id).stream()
        .findFirst();
  }

  /** Documents of the given instances, oldest first (issue date, then creation). */
  List<IssuedDocument> findByProcessInstances(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    List<IssuedDocument> result = new ArrayList<>();
    List<String> ids = new ArrayList<>(processInstanceIds);
    // Chunks keep the IN list within every database's limits. Documents issued at the same instant (one step, or the
    // engine clock standing still) keep their numbering order; ids are random and only break the remaining ties.
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      result.addAll(jdbc.query("SELECT " + COLUMNS + ", created_at FROM document WHERE process_instance_id IN ("
          + marks + ") ORDER BY issued_on, created_at, COALESCE(serial, 0), id", DocumentStore::document, chunk.toArray()));
    }
    if (ids.size() > 500) {
      result.sort(java.util.Comparator.comparing(IssuedDocument::issuedOn));
    }
    return result;
  }

  Optional<DocumentFile> file(String id, DocumentFormat format) {
    return jdbc.query("SELECT document_id, file_name, content FROM document_file WHERE document_id = ? AND format = ?",
        (rs, row) -> new DocumentFile(rs.getString("document_id"), format, rs.getString("file_name"),
            rs.getBytes("content")), id, format.extension()).stream().findFirst();
  }

  /** The stored files' formats, and PDF for a document whose PDF is still to be typeset from its frozen layout. */
  List<DocumentFormat> formats(String id) {
    return jdbc.query("SELECT format FROM document_file WHERE document_id = ? "
            + "UNION SELECT 'pdf' FROM document_layout WHERE document_id = ? ORDER BY 1",
        (rs, row) -> DocumentFormat.fromExtension(rs.getString(1)).orElseThrow(), id, id);
  }

  private static IssuedDocument document(ResultSet rs, int row) throws SQLException {
    return new IssuedDocument(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("type"),
        rs.getString("number"), rs.getString("title"), rs.getObject("issued_on", LocalDate.class));
  }
}
