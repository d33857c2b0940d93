package vn.gov.directives.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.security.SystemAccess;

/**
 * The Markdown list of a dossier's documents that forms show, with download links (the forms' text fields render
 * Markdown). Kept in the variable {@code documentLinks} and refreshed whenever a document is issued.
 */
@Component
public class DocumentLinks {

  public static final String NONE = "_Chưa có tài liệu._";

  private final DocumentService documents;

  public DocumentLinks(DocumentService documents) {
    this.documents = documents;
  }

  /** The dossier is the top process: a sub-process receives it as {@code parentProcessInstanceId}. */
  public static String dossierId(DelegateExecution execution) {
    Object parent = execution.getVariable("parentProcessInstanceId");
    return parent != null ? parent.toString() : execution.getProcessInstanceId();
  }

  /**
   * At a process's start: a process that is its own dossier cannot have documents yet (they are filed under a
   * dossier's process instance and its called processes, and it has none), so the list is empty without asking the
   * database; a sub-process of a dossier lists the dossier's.
   */
  public void refreshAtStart(DelegateExecution execution) {
    if (dossierId(execution).equals(execution.getProcessInstanceId())) {
      execution.setVariable("documentLinks", NONE);
    } else {
      refresh(execution);
    }
  }

  public void refresh(DelegateExecution execution) {
    String dossier = dossierId(execution);
    execution.setVariable("documentLinks",
        markdown(SystemAccess.call(() -> documents.listForProcessInstance(dossier))));
  }

  static String markdown(List<IssuedDocument> issued) {
    if (issued.isEmpty()) {
      return NONE;
    }
    return issued.stream().map(doc -> "- " + describe(doc)
            + ": [DOCX](/api/documents/" + doc.id() + "/docx) · [PDF](/api/documents/" + doc.id() + "/pdf)")
        .collect(Collectors.joining("\n"));
  }

  private static String describe(IssuedDocument doc) {
    String number = doc.number() == null ? "dự thảo" : "số " + doc.number();
    return escape(doc.title()) + " (" + number + ")";
  }

  /** User text (a plan title) must not become Markdown links or emphasis. */
  static String escape(String text) {
    return vn.gov.directives.document.MarkdownText.escape(text);
  }
}
