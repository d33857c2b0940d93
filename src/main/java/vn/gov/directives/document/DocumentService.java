package vn.gov.directives.document;

import java.util.List;
import java.util.Optional;

/**
 * Issues administrative documents (Decree 30 layout, DOCX + PDF) and keeps them.
 * CONTRACT STUB: the document capability replaces this with the real implementation.
 */
public interface DocumentService {

  /** Renders, numbers (when requested) and stores a document, in the caller's transaction. */
  IssuedDocument issue(DocumentRequest request);

  /** The documents of a process instance and of its sub-processes, oldest first. */
  List<IssuedDocument> listForProcessInstance(String processInstanceId);

  Optional<IssuedDocument> find(String documentId);
}
