package vn.gov.directives.document;

import java.util.List;
import java.util.Optional;

/**
 * Issues administrative documents (Decree 30 layout, DOCX + PDF) and keeps them.
 * Implemented by {@link DefaultDocumentService} (bean "documentService"); templates are YAML files under
 * {@code templates/documents/} (see the README there).
 */
public interface DocumentService {

  /**
   * Numbers (when requested), renders the DOCX, freezes the content (from which the PDF is typeset on first
   * request) and stores a document, in the caller's transaction.
   */
  IssuedDocument issue(DocumentRequest request);

  /**
   * Refuses text the documents' font cannot print, naming the character ({@link DocumentException}): checked where a
   * person types the text, so that issuing the document later does not fail on it.
   */
  static void checkPrintable(String text) {
    DocumentFonts.checkPrintable(text);
  }

  /** The documents of a process instance and of its sub-processes, oldest first. */
  List<IssuedDocument> listForProcessInstance(String processInstanceId);

  Optional<IssuedDocument> find(String documentId);

  /**
   * One file (DOCX or PDF) of a document; a PDF is typeset from the content frozen at issue on the first request and
   * stored. Empty for an unknown id.
   */
  default Optional<DocumentFile> file(String documentId, DocumentFormat format) {
    return Optional.empty();
  }

  /** The formats of a document, e.g. [DOCX, PDF] (a PDF not typeset yet included); empty for an unknown id. */
  default List<DocumentFormat> formats(String documentId) {
    return List.of();
  }
}
