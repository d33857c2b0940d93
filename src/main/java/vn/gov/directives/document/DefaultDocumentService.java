package vn.gov.directives.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentStore.FrozenLayout;
import vn.gov.directives.document.DocumentStore.Registration;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Issues documents: template → values checked and substituted → number from the register (when asked) → DOCX and
 * the frozen layout → stored, all in the caller's transaction (or a new one when there is none), so a failed or
 * rolled-back process step leaves neither a document nor a used number.
 *
 * <p>The PDF is typeset from the frozen layout the first time it is asked for ({@link #file}), then stored and served
 * as stored: its content is the one fixed at issue whatever happened to the template since, and issuing — what every
 * accepted assignment does in a job — no longer pays the PDF's layout and font subsetting (about a third of the real
 * process model's CPU).
 */
public class DefaultDocumentService implements DocumentService {

  private static final java.util.regex.Pattern DOCUMENT_ID =
      java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final TemplateLibrary templates;
  private final OrganizationDirectory organization;
  private final NumberRegister register;
  private final DocumentStore store;
  private final ProcessTree processTree;
  private final TransactionTemplate transaction;
  private final DocumentComposer composer = new DocumentComposer();
  private final DocxRenderer docx = new DocxRenderer();
  private final PdfRenderer pdf;
  /** Stores a PDF typeset after issue: a savepoint inside the caller's transaction, else a transaction of its own. */
  private final TransactionTemplate lateFile;

  public DefaultDocumentService(TemplateLibrary templates, OrganizationDirectory organization, NumberRegister register,
      DocumentStore store, ProcessTree processTree, PlatformTransactionManager transactions) {
    this(templates, organization, register, store, processTree, transactions, new PdfRenderer());
  }

  DefaultDocumentService(TemplateLibrary templates, OrganizationDirectory organization, NumberRegister register,
      DocumentStore store, ProcessTree processTree, PlatformTransactionManager transactions, PdfRenderer pdf) {
    this.pdf = pdf;
    this.lateFile = new TransactionTemplate(transactions);
    this.lateFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.templates = templates;
    this.organization = organization;
    this.register = register;
    this.store = store;
    this.processTree = processTree;
    this.transaction = new TransactionTemplate(transactions);
    // the fonts are parsed on the first document; that they were packaged is checked here, at start-up
    DocumentFonts.checkBundled();
  }

  @Override
  public IssuedDocument issue(DocumentRequest request) {
    check(request);
    DocumentTemplate template = templates.load(request.template());
    if (request.numbered() && !template.numbered()) {
      throw new DocumentException("Mẫu '" + template.name() + "' (" + template.type().displayName()
          + ") là biểu mẫu nội bộ, không cấp số (this template is never numbered; request numbered=false)");
    }
    Agency agency = organization.agency(request.issuingAgency(), request.issuedOn());
    // Substitute once without a number first: a missing value fails before the register is touched.
    DocumentLayout preview = composer.compose(template, agency, request.issuedOn(), null, request.values());
    checkPrintable(preview);
    return transaction.execute(status -> {
      boolean numbered = request.numbered() && template.numbered();
      String series = numbered ? register.series(template.type(), template.numberWithYear()) : null;
      Integer year = numbered ? request.issuedOn().getYear() : null;
      Integer serial = numbered ? register.next(agency.code(), series, year) : null;
      DocumentLayout layout = numbered
          ? composer.compose(template, agency, request.issuedOn(), serial, request.values())
          : preview;
      String number = numbered ? DocumentNumbers.format(serial, year, template.numberWithYear(),
          template.type().symbol(agency.symbol())) : null;
      IssuedDocument document = new IssuedDocument(UUID.randomUUID().toString(), request.processInstanceId(),
          template.type().name(), number, layout.documentTitle(), request.issuedOn());
      String baseName = fileBaseName(template.type(), number, template.numbered(), request);
      List<DocumentFile> files = List.of(
          new DocumentFile(document.id(), DocumentFormat.DOCX, baseName + ".docx", docx.render(layout)));
      FrozenLayout frozen = new FrozenLayout(baseName + ".pdf", DocumentLayoutJson.VERSION,
          DocumentLayoutJson.write(layout));
      store.insert(document, new Registration(template.name(), agency.code(), series, year, serial,
          template.type().symbol(agency.symbol())), files, frozen);
      return document;
    });
  }

  @Override
  public List<IssuedDocument> listForProcessInstance(String processInstanceId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      return List.of();
    }
    return store.findByProcessInstances(processTree.withDescendants(processInstanceId));
  }

  @Override
  public Optional<IssuedDocument> find(String documentId) {
    if (!isDocumentId(documentId)) {
      return Optional.empty();
    }
    return store.find(documentId);
  }

  /**
   * One file of a document; empty for an unknown id or format. A PDF not typeset yet is typeset now from the layout
   * frozen at issue and stored, once: when two requests (threads or nodes) typeset it at the same moment, the first
   * stored is kept and both answer it.
   *
   * @throws DocumentException when the frozen layout cannot be read or typeset; nothing is stored then
   */
  @Override
  public Optional<DocumentFile> file(String documentId, DocumentFormat format) {
    if (!isDocumentId(documentId) || format == null) {
      return Optional.empty();
    }
    Optional<DocumentFile> stored = store.file(documentId, format);
    if (stored.isPresent() || format != DocumentFormat.PDF) {
      return stored;
    }
    Optional<FrozenLayout> frozen = store.layout(documentId);
    if (frozen.isEmpty()) {
      return Optional.empty();
    }
    DocumentFile typeset = new DocumentFile(documentId, DocumentFormat.PDF, frozen.get().pdfFileName(),
        typeset(documentId, frozen.get()));
    try {
      lateFile.executeWithoutResult(status -> store.insertFile(typeset));
      return Optional.of(typeset);
    } catch (DuplicateKeyException storedMeanwhile) {
      // another request stored it between our read and our insert (its transaction has committed, or we would
      // still be waiting on its key): answer the stored one, so every request gets the same bytes. Only a snapshot
      // older than that commit (an isolation above read committed, which Camunda does not run) cannot see it.
      return store.file(documentId, format).or(() -> Optional.of(typeset));
    }
  }

  private byte[] typeset(String documentId, FrozenLayout frozen) {
    DocumentLayout layout = DocumentLayoutJson.read(frozen.json(), frozen.version());
    try {
      return pdf.render(layout);
    } catch (RuntimeException e) {
      throw new DocumentException("Không tạo được bản PDF của văn bản " + documentId
          + " (the PDF could not be typeset from the layout frozen at issue: " + e + ")", e);
    }
  }

  /** The formats of a document (docx, pdf), a PDF still to be typeset included. */
  @Override
  public List<DocumentFormat> formats(String documentId) {
    return isDocumentId(documentId) ? store.formats(documentId) : List.of();
  }

  /** Ids are UUIDs we made; anything else (a path, a guess) is simply not found. */
  public static boolean isDocumentId(String id) {
    return id != null && DOCUMENT_ID.matcher(id).matches();
  }

  private static void check(DocumentRequest request) {
    List<String> missing = new ArrayList<>();
    if (request == null) {
      throw new DocumentException("Thiếu yêu cầu phát hành văn bản (document request is null)");
    }
    if (request.processInstanceId() == null || request.processInstanceId().isBlank()) {
      missing.add("processInstanceId");
    }
    if (request.template() == null || request.template().isBlank()) {
      missing.add("template");
    }
    if (request.issuingAgency() == null || request.issuingAgency().isBlank()) {
      missing.add("issuingAgency");
    }
    if (request.issuedOn() == null) {
      missing.add("issuedOn");
    }
    if (!missing.isEmpty()) {
      throw new DocumentException("Yêu cầu phát hành văn bản thiếu: " + String.join(", ", missing)
          + " (document request is missing these fields)");
    }
  }

  private static void checkPrintable(DocumentLayout layout) {
    StringBuilder all = new StringBuilder();
    all.append(String.join("\n", layout.headerAbove())).append(String.join("\n", layout.agencyLines()))
        .append(layout.placeAndDate()).append(layout.summary() == null ? "" : layout.summary())
        .append(String.join("\n", layout.addressees())).append(String.join("\n", layout.recipients()));
    appendBlocks(all, layout.body());
    if (layout.signature() != null) {
      all.append(String.join("\n", layout.signature().authorityLines())).append(layout.signature().name());
    }
    if (layout.appendix() != null) {
      all.append(layout.appendix().title()).append(layout.appendix().summary() == null ? "" : layout.appendix().summary())
          .append(layout.appendix().note() == null ? "" : layout.appendix().note());
      appendBlocks(all, layout.appendix().body());
    }
    DocumentFonts.checkPrintable(all.toString());
  }

  private static void appendBlocks(StringBuilder all, List<DocumentLayout.Block> blocks) {
    for (DocumentLayout.Block block : blocks) {
      if (block instanceof DocumentLayout.Paragraph p) {
        all.append(p.lead() == null ? "" : p.lead()).append(p.text()).append('\n');
      } else if (block instanceof DocumentLayout.Table t) {
        t.columns().forEach(c -> all.append(c.title()).append('\n'));
        t.rows().forEach(r -> r.forEach(cell -> all.append(cell).append('\n')));
      }
    }
  }

  /** "Tờ trình 01-TTr-STTTT", "Báo cáo (dự thảo) 05-01-2019", "Phiếu trình 07-01-2019". */
  static String fileBaseName(DocumentType type, String number, boolean numberedTemplate, DocumentRequest request) {
    String date = VietnamTime.shortDate(request.issuedOn()).replace('/', '-');
    if (number != null) {
      return type.displayName() + " " + number.replace('/', '-');
    }
    return type.displayName() + (numberedTemplate ? " (dự thảo) " : " ") + date;
  }
}
