package vn.gov.directives.document;

import java.util.List;
import java.util.Optional;

/**
 * Issues administrative documents (Decree 30 layout, DOCX + PDF) and keeps them.
 * Implemented by {@link DefaultDocumentService} (bean "documentService"); templates are YAML files under
 * {@code templates/documents/} (see the README there).
 */
public interface DocumentService {

  /** Renders, numbers (when requested) and stores a document, in the caller's transaction. */
  IssuedDocument issue(DocumentRequest request);

  /** The documents of a process instance and of its sub-processes, oldest first. */
  List<IssuedDocument> listForProcessInstance(String processInstanceId);

  Optional<IssuedDocument> find(String documentId);

  /** One stored file (DOCX or PDF) of a document; empty for an unknown id. */
  default Optional<DocumentFile> file(String documentId, DocumentFormat format) {
    return Optional.empty();
  }

  /** The formats stored for a document, e.g. [DOCX, PDF]; empty for an unknown id. */
  default List<DocumentFormat> formats(String documentId) {
    return List.of();
  }
}
