package vn.gov.directives.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tasklist start form "Đăng ký thông báo kết luận" (forms/notice-registration.form) read as a notice: its values
 * are turned into the JSON of {@code POST /api/notices} and checked by the same {@link NoticeParser}, so a notice
 * entered by hand meets exactly the rules of one sent by another system. Form-only conventions: agencies are typed
 * as codes separated by commas, an empty text or date means "not given". Plain class, no engine.
 */
public class NoticeForm {

  /** Key of the dynamic list of assignments in the form; Tasklist submits it as a Json variable. */
  public static final String ASSIGNMENTS = "assignments";

  private static final Pattern ASSIGNMENT_PATH = Pattern.compile("^assignments\\[(\\d+)]");
  private static final Pattern AGENCY_SEPARATORS = Pattern.compile("[,;\\s]+");

  private final ObjectMapper json = new ObjectMapper();
  private final NoticeParser parser;

  public NoticeForm(NoticeParser parser) {
    this.parser = parser;
  }

  /**
   * @param values the start form's variables (Strings, Booleans, and the assignments as a JSON text, a Spin JSON
   *     node or a list of maps)
   * @throws InvalidNoticeException listing every problem, as {@link NoticeParser#parse} does
   */
  public NoticeRequest read(Map<String, Object> values) {
    ObjectNode notice = json.createObjectNode();
    for (String field : List.of("number", "issuedOn", "issuer", "meetingDate", "signer", "title")) {
      putText(notice, field, values.get(field));
    }
    JsonNode assignments = assignments(values.get(ASSIGNMENTS));
    if (assignments != null) {
      notice.set(ASSIGNMENTS, assignments);
    }
    return parser.parse(notice.toString());
  }

  /** Every problem as one Vietnamese sentence for Tasklist, each saying which row of the list it is about. */
  public static String describe(List<FieldError> errors) {
    List<String> lines = new ArrayList<>();
    for (FieldError error : errors) {
      Matcher row = ASSIGNMENT_PATH.matcher(error.field());
      boolean namesItsAssignment = error.message().startsWith("Nhiệm vụ ");
      lines.add(row.find() && !namesItsAssignment
          ? "Nhiệm vụ thứ " + (Integer.parseInt(row.group(1)) + 1) + ": " + lowerFirst(error.message())
          : error.message());
    }
    return String.join(" ", lines);
  }

  private JsonNode assignments(Object value) {
    JsonNode list = toJson(value);
    if (list == null || !list.isArray()) {
      return list;
    }
    ArrayNode rows = json.createArrayNode();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        rows.add(item);
        continue;
      }
      ObjectNode row = json.createObjectNode();
      item.fields().forEachRemaining(entry -> {
        String field = entry.getKey();
        JsonNode fieldValue = entry.getValue();
        if (field.equals("leads") || field.equals("partners")) {
          if (fieldValue.isTextual()) {
            List<String> codes = Arrays.stream(AGENCY_SEPARATORS.split(fieldValue.textValue().strip()))
                .filter(code -> !code.isEmpty()).toList();
            if (!codes.isEmpty()) {
              ArrayNode array = row.putArray(field);
              codes.forEach(array::add);
            }
          } else if (!fieldValue.isNull()) {
            row.set(field, fieldValue);
          }
        } else if (fieldValue.isTextual() && fieldValue.textValue().isBlank()) {
          // an empty field of the form is a value not given (e.g. no deadline)
        } else if (field.equals("code") && fieldValue.isNumber()) {
          row.put(field, fieldValue.asText());
        } else if (!fieldValue.isNull()) {
          row.set(field, fieldValue);
        }
      });
      rows.add(row);
    }
    return rows;
  }

  private JsonNode toJson(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      if (!text.strip().startsWith("[")) {
        return lines(text);
      }
      try {
        return json.readTree(text);
      } catch (JsonProcessingException e) {
        throw new InvalidNoticeException(List.of(new FieldError(ASSIGNMENTS,
            "Danh sách nhiệm vụ không đọc được (JSON không hợp lệ).")));
      }
    }
    if (value instanceof Iterable<?> || value instanceof Map<?, ?>) {
      return json.valueToTree(value);
    }
    // Spin's JSON node (the type of a Json variable in the engine) prints as its JSON text
    return toJson(value.toString());
  }

  /**
   * The Tasklist form's text: one assignment a line, "code | kind | title | leads | partners | deadline | khẩn"
   * (deadline dd/mm/yyyy or yyyy-mm-dd, empty when none; last column "khẩn" when urgent, else empty).
   */
  private JsonNode lines(String text) {
    ArrayNode rows = json.createArrayNode();
    List<FieldError> errors = new ArrayList<>();
    String[] lines = text.strip().split("\\R");
    for (int n = 0; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      String[] columns = lines[n].split("\\|", -1);
      if (columns.length < 6 || columns.length > 7) {
        errors.add(new FieldError(ASSIGNMENTS, "Dòng " + (n + 1) + " của danh sách nhiệm vụ cần 6 hoặc 7 cột cách nhau "
            + "bởi dấu | (mục | loại | nội dung | chủ trì | phối hợp | thời hạn | khẩn), có " + columns.length + "."));
        continue;
      }
      ObjectNode row = rows.addObject();
      row.put("code", columns[0].strip());
      row.put("kind", columns[1].strip());
      row.put("title", columns[2].strip());
      row.put("leads", columns[3].strip());
      row.put("partners", columns[4].strip());
      row.put("deadline", isoDate(columns[5].strip()));
      String urgent = columns.length == 7 ? columns[6].strip().toLowerCase(java.util.Locale.ROOT) : "";
      if (!urgent.isEmpty() && !urgent.equals("khẩn") && !urgent.equals("không")) {
        errors.add(new FieldError(ASSIGNMENTS, "Dòng " + (n + 1) + ": cột cuối phải là \"khẩn\" hoặc để trống, "
            + "không phải \"" + columns[6].strip() + "\"."));
      }
      row.put("urgent", urgent.equals("khẩn"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidNoticeException(errors);
    }
    return rows;
  }

  /** dd/mm/yyyy as typed by people becomes ISO; anything else is left for the parser to judge. */
  private static String isoDate(String date) {
    Matcher dayFirst = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$").matcher(date);
    return dayFirst.matches()
        ? String.format("%s-%02d-%02d", dayFirst.group(3), Integer.parseInt(dayFirst.group(2)),
            Integer.parseInt(dayFirst.group(1)))
        : date;
  }

  private static void putText(ObjectNode notice, String field, Object value) {
    if (value == null) {
      return;
    }
    String text = value instanceof java.util.Date date
        ? vn.gov.directives.calendar.VietnamTime.toLocalDate(date).toString()
        : value.toString();
    if (!text.isBlank()) {
      notice.put(field, text);
    }
  }

  private static String lowerFirst(String message) {
    return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
