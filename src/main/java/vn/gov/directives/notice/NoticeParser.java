package vn.gov.directives.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import vn.gov.directives.security.RejectedInputException;
import vn.gov.directives.security.SafeText;
import vn.gov.directives.security.StrictJson;

/**
 * Reads a notice from its JSON (the shape of {@code notices/notice-295-TB-UBND-2018.json}) and checks it whole:
 * every problem is listed at once with its JSON path, so the sender can correct everything in one go. Unknown
 * fields and duplicated keys are refused, not ignored: a misspelt "deadLine" must not silently mean "no deadline".
 * Plain class: the agency check is a predicate (OrganizationDirectory::exists in the application).
 */
public class NoticeParser {

  static final Set<String> NOTICE_FIELDS =
      Set.of("number", "issuedOn", "issuer", "meetingDate", "signer", "title", "assignments");
  static final Set<String> ASSIGNMENT_FIELDS =
      Set.of("code", "kind", "title", "leads", "partners", "deadline", "urgent");

  private static final DateTimeFormatter ISO_STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private final Predicate<String> knownAgency;

  public NoticeParser(Predicate<String> knownAgency) {
    this.knownAgency = Objects.requireNonNull(knownAgency, "knownAgency");
  }

  /**
   * The request body as sent: malformed UTF-8 is refused (not decoded into "�" and stored).
   *
   * @throws InvalidNoticeException listing every problem (one only when the bytes are not UTF-8 JSON at all)
   */
  public NoticeRequest parse(byte[] body) {
    try {
      return parse(StrictJson.utf8(body));
    } catch (RejectedInputException e) {
      throw new InvalidNoticeException(List.of(new FieldError(e.field(), e.getMessage())));
    }
  }

  /**
   * @throws InvalidNoticeException listing every problem (one only when the text is not JSON at all)
   */
  public NoticeRequest parse(String body) {
    JsonNode root;
    try {
      root = StrictJson.read(body);
    } catch (RejectedInputException e) {
      throw new InvalidNoticeException(List.of(new FieldError(e.field(), e.getMessage())));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidNoticeException(List.of(new FieldError("", "Thiếu nội dung thông báo (JSON rỗng).")));
    }
    if (!root.isObject()) {
      throw new InvalidNoticeException(List.of(new FieldError("", "Thông báo phải là một đối tượng JSON {...}.")));
    }
    return read(root);
  }

  private NoticeRequest read(JsonNode root) {
    List<FieldError> errors = new ArrayList<>();
    unknownFields(root, NOTICE_FIELDS, "", errors);
    String number = requiredText(root, "number", "", "Số thông báo", 80, errors);
    LocalDate issuedOn = date(root, "issuedOn", "", "Ngày thông báo", true, errors);
    String issuer = requiredText(root, "issuer", "", "Cơ quan ban hành", 40, errors);
    if (issuer != null && !knownAgency.test(issuer)) {
      errors.add(new FieldError("issuer", "Mã cơ quan không tồn tại trong cấu hình tổ chức: " + issuer + "."));
    }
    LocalDate meetingDate = date(root, "meetingDate", "", "Ngày họp", false, errors);
    if (meetingDate != null && issuedOn != null && meetingDate.isAfter(issuedOn)) {
      errors.add(new FieldError("meetingDate", "Ngày họp (" + meetingDate + ") không được sau ngày thông báo ("
          + issuedOn + ")."));
    }
    String signer = requiredText(root, "signer", "", "Người ký", 200, errors);
    String title = requiredText(root, "title", "", "Trích yếu", 1000, errors);

    List<NoticeRequest.Assignment> assignments = new ArrayList<>();
    JsonNode list = root.get("assignments");
    if (list == null || list.isNull()) {
      errors.add(new FieldError("assignments", "Thiếu danh sách nhiệm vụ được giao."));
    } else if (!list.isArray()) {
      errors.add(new FieldError("assignments", "Danh sách nhiệm vụ phải là một mảng JSON [...]."));
    } else if (list.isEmpty()) {
      errors.add(new FieldError("assignments", "Thông báo phải có ít nhất một nhiệm vụ."));
    } else {
      Set<String> codes = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        NoticeRequest.Assignment assignment = assignment(list.get(i), "assignments[" + i + "]", issuedOn, errors);
        if (assignment != null) {
          if (!codes.add(assignment.code())) {
            errors.add(new FieldError("assignments[" + i + "].code",
                "Mã nhiệm vụ " + assignment.code() + " bị trùng trong thông báo."));
          }
          assignments.add(assignment);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidNoticeException(errors);
    }
    return new NoticeRequest(number, issuedOn, issuer, meetingDate, signer, title, assignments);
  }

  /** Null when the assignment has a problem (already recorded). */
  private NoticeRequest.Assignment assignment(JsonNode node, String path, LocalDate issuedOn, List<FieldError> errors) {
    if (node == null || !node.isObject()) {
      errors.add(new FieldError(path, "Mỗi nhiệm vụ phải là một đối tượng JSON {...}."));
      return null;
    }
    unknownFields(node, ASSIGNMENT_FIELDS, path + ".", errors);
    String code = requiredText(node, "code", path + ".", "Mã nhiệm vụ", 20, errors);
    String label = code == null ? "Nhiệm vụ" : "Nhiệm vụ " + code;
    String kindCode = requiredText(node, "kind", path + ".", "Loại nhiệm vụ", 40, errors);
    AssignmentKind kind = null;
    if (kindCode != null) {
      kind = AssignmentKind.fromCode(kindCode).orElse(null);
      if (kind == null) {
        errors.add(new FieldError(path + ".kind", label + ": loại nhiệm vụ không hợp lệ: '" + kindCode
            + "' (một trong: " + AssignmentKind.allCodes() + ")."));
      }
    }
    String title = requiredText(node, "title", path + ".", "Nội dung nhiệm vụ", 1000, true, errors);
    List<String> leads = agencies(node, "leads", path, label, true, errors);
    List<String> partners = agencies(node, "partners", path, label, false, errors);
    for (String lead : leads) {
      if (partners.contains(lead)) {
        errors.add(new FieldError(path + ".partners", label + ": cơ quan " + lead
            + " vừa chủ trì vừa phối hợp."));
      }
    }
    LocalDate deadline = date(node, "deadline", path + ".", label + ": thời hạn", false, errors);
    if (deadline != null && issuedOn != null && deadline.isBefore(issuedOn)) {
      errors.add(new FieldError(path + ".deadline", label + ": thời hạn (" + deadline
          + ") không được trước ngày thông báo (" + issuedOn + ")."));
    }
    if (kind == AssignmentKind.PLAN && deadline == null && !hasBadValue(node, "deadline")) {
      errors.add(new FieldError(path + ".deadline", label + ": nhiệm vụ xây dựng kế hoạch phải có thời hạn trình."));
    }
    boolean urgent = false;
    JsonNode urgentNode = node.get("urgent");
    if (urgentNode != null && !urgentNode.isNull()) {
      if (urgentNode.isBoolean()) {
        urgent = urgentNode.booleanValue();
      } else {
        errors.add(new FieldError(path + ".urgent", label + ": 'urgent' phải là true hoặc false."));
      }
    }
    // kept even when incomplete, so that duplicate codes are still reported; the whole notice is refused anyway
    return code == null ? null : new NoticeRequest.Assignment(code, kind, title, leads, partners, deadline, urgent);
  }

  private static boolean hasBadValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private List<String> agencies(JsonNode node, String field, String path, String label, boolean required,
      List<FieldError> errors) {
    JsonNode value = node.get(field);
    String where = path + "." + field;
    String what = required ? "cơ quan chủ trì" : "cơ quan phối hợp";
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError(where, label + ": thiếu " + what + "."));
      }
      return List.of();
    }
    if (!value.isArray()) {
      errors.add(new FieldError(where, label + ": danh sách " + what + " phải là một mảng mã cơ quan."));
      return List.of();
    }
    if (required && value.isEmpty()) {
      errors.add(new FieldError(where, label + ": cần ít nhất một cơ quan chủ trì."));
    }
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = where + "[" + i + "]";
      if (!item.isTextual() || item.textValue().isBlank()) {
        errors.add(new FieldError(itemPath, label + ": mã cơ quan phải là một chuỗi không rỗng."));
        continue;
      }
      String code = item.textValue().strip();
      if (!knownAgency.test(code)) {
        errors.add(new FieldError(itemPath, label + ": mã cơ quan không tồn tại trong cấu hình tổ chức: " + code + "."));
      } else if (!codes.add(code)) {
        errors.add(new FieldError(itemPath, label + ": cơ quan " + code + " được liệt kê hai lần."));
      }
    }
    return List.copyOf(codes);
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String prefix, List<FieldError> errors) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.add(new FieldError(prefix + name, "Trường không được hỗ trợ: '" + name + "' (các trường hợp lệ: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")."));
      }
    }
  }

  private static String requiredText(JsonNode node, String field, String prefix, String label, int maxLength,
      List<FieldError> errors) {
    return requiredText(node, field, prefix, label, maxLength, false, errors);
  }

  /** @param multiLine whether line breaks and tabs are allowed (an assignment's content); never other controls */
  private static String requiredText(JsonNode node, String field, String prefix, String label, int maxLength,
      boolean multiLine, List<FieldError> errors) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      errors.add(new FieldError(prefix + field, label + " không được để trống."));
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(prefix + field, label + " phải là một chuỗi ký tự."));
      return null;
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      errors.add(new FieldError(prefix + field, label + " không được để trống."));
      return null;
    }
    if (text.length() > maxLength) {
      errors.add(new FieldError(prefix + field, label + " dài quá " + maxLength + " ký tự (đang có " + text.length()
          + ")."));
      return null;
    }
    java.util.Optional<String> problem = SafeText.problem(text, multiLine);
    if (problem.isPresent()) {
      errors.add(new FieldError(prefix + field, label + " " + problem.get() + "."));
      return null;
    }
    return text;
  }

  private static LocalDate date(JsonNode node, String field, String prefix, String label, boolean required,
      List<FieldError> errors) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError(prefix + field, label + " không được để trống."));
      }
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(prefix + field, label + " phải là một ngày dạng chuỗi yyyy-MM-dd."));
      return null;
    }
    try {
      return LocalDate.parse(value.textValue().strip(), ISO_STRICT);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(prefix + field, label + " không hợp lệ: '" + value.textValue()
          + "' (định dạng yyyy-MM-dd, ngày phải có thật)."));
      return null;
    }
  }
}
