package vn.gov.directives.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.security.ProcessAccess;

/**
 * Lists and downloads a process's documents for the users who work on it. The user is the Camunda authentication
 * the security filter set; who may see what is {@link ProcessAccess}'s decision.
 */
@RestController
@RequestMapping("/api/documents")
public class DocumentController {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentController.class);

  private final DocumentService documents;
  private final ProcessTree processTree;
  private final ProcessAccess access;
  private final IdentityService identity;

  public DocumentController(DocumentService documents, ProcessTree processTree, ProcessAccess access,
      IdentityService identity) {
    this.documents = documents;
    this.processTree = processTree;
    this.access = access;
    this.identity = identity;
  }

  /** A document as listed: {@code {id, type, number, title, issuedOn, files: [{format, url}]}}. */
  public record DocumentView(String id, String type, String number, String title, java.time.LocalDate issuedOn,
      List<FileLink> files) {}

  public record FileLink(String format, String url) {}

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> list(@RequestParam(name = "processInstanceId", required = false) String processInstanceId) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null) {
      return unauthenticated();
    }
    if (processInstanceId == null || processInstanceId.isBlank()) {
      return error(HttpStatus.BAD_REQUEST,
          "Thiếu tham số processInstanceId (query parameter processInstanceId is required)");
    }
    if (!access.canView(user.getUserId(), groups(user), processInstanceId)) {
      return forbidden();
    }
    List<DocumentView> views = documents.listForProcessInstance(processInstanceId).stream()
        .map(document -> new DocumentView(document.id(), document.type(), document.number(), document.title(),
            document.issuedOn(), documents.formats(document.id()).stream()
                .map(format -> new FileLink(format.extension(),
                    "/api/documents/" + document.id() + "/" + format.extension()))
                .toList()))
        .toList();
    return ResponseEntity.ok(views);
  }

  @GetMapping("/{id}/{format}")
  public ResponseEntity<?> download(@PathVariable("id") String id, @PathVariable("format") String format) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null) {
      return unauthenticated();
    }
    Optional<DocumentFormat> documentFormat = DocumentFormat.fromExtension(format);
    // Only ids we generated are looked up: a path or a guess is "not found", never a file read.
    if (documentFormat.isEmpty() || !DefaultDocumentService.isDocumentId(id)) {
      return notFound();
    }
    Optional<IssuedDocument> document = documents.find(id);
    if (document.isEmpty()) {
      return notFound();
    }
    boolean allowed = processTree.withAncestors(document.get().processInstanceId()).stream()
        .anyMatch(instance -> access.canView(user.getUserId(), groups(user), instance));
    if (!allowed) {
      return forbidden();
    }
    Optional<DocumentFile> file;
    try {
      file = documents.file(id, documentFormat.get());
    } catch (DocumentException e) {
      // the PDF typeset on first request failed (nothing was stored): say so, and keep the cause in the log
      LOG.error("Document {}: {}", id, e.getMessage(), e);
      return error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }
    if (file.isEmpty()) {
      return notFound();
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, documentFormat.get().contentType())
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.get().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.get().content());
  }

  /** {@code attachment; filename="To trinh 01-TTr-STTTT.pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh...} */
  static String contentDisposition(String fileName) {
    return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + rfc5987(fileName);
  }

  static String asciiFallback(String name) {
    String stripped = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return stripped.replaceAll("[^A-Za-z0-9 ._()-]", "_");
  }

  static String rfc5987(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : Normalizer.normalize(name, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static List<String> groups(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  private static ResponseEntity<Map<String, Object>> unauthenticated() {
    return error(HttpStatus.UNAUTHORIZED, "Bạn cần đăng nhập để xem văn bản (authentication required)");
  }

  private static ResponseEntity<Map<String, Object>> forbidden() {
    return error(HttpStatus.FORBIDDEN,
        "Bạn không có quyền xem văn bản của hồ sơ này (you may not view this process's documents)");
  }

  private static ResponseEntity<Map<String, Object>> notFound() {
    return error(HttpStatus.NOT_FOUND, "Không tìm thấy văn bản (document not found)");
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return vn.gov.directives.security.ApiErrors.response(status, "", message);
  }
}
