package vn.gov.directives.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.gov.directives.organization.Agency;

/**
 * Composes any bundled template without hand-written values: every placeholder, condition and list the template
 * names gets a value (so optional parts are printed too), and what the composer still asks for — a missing value, a
 * list, a number, a date — is supplied until it composes. For tests that must cover every template, including ones
 * added later.
 */
final class TemplateSamples {

  static final Path BUNDLED = Path.of("src/main/resources/templates/documents");

  private static final Pattern CONDITION_OR_LIST = Pattern.compile("(?m)\\b(if|each):\\s*\"?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern MISSING = Pattern.compile("thiếu giá trị '([^']+)'");
  private static final Pattern NOT_A_LIST = Pattern.compile("giá trị '([^']+)' phải là một danh sách");
  private static final Pattern NOT_A_NUMBER = Pattern.compile("giá trị '([^']+)' phải là số nguyên");
  private static final Pattern NOT_A_DATE = Pattern.compile("giá trị '([^']+)' phải là ngày");

  private TemplateSamples() {}

  /** The names of the bundled templates (file names without ".yaml"), sorted. */
  static List<String> bundledNames() {
    try (Stream<Path> files = Files.list(BUNDLED)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template composed with sample values, numbered 07 when the template is numbered. */
  static DocumentLayout compose(TemplateLibrary library, String name, Agency agency, LocalDate issuedOn) {
    DocumentTemplate template = library.load(name);
    Map<String, Object> values = initialValues(name);
    DocumentComposer composer = new DocumentComposer();
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        return composer.compose(template, agency, issuedOn, template.numbered() ? 7 : null, values);
      } catch (DocumentException e) {
        if (!supply(values, e.getMessage())) {
          throw new IllegalStateException("Template " + name + " cannot be composed with sample values", e);
        }
      }
    }
    throw new IllegalStateException("Template " + name + " still asks for values after 100 attempts: " + values);
  }

  private static Map<String, Object> initialValues(String name) {
    String source;
    try {
      source = Files.readString(BUNDLED.resolve(name + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    // what a signature block derived from the agency (signature: auto) reads
    values.put("signerName", "Nguyễn Văn Dũng");
    values.put("signerTitle", "Phó Giám đốc");
    values.put("signerDeputy", true);
    Matcher placeholder = TemplateValues.PLACEHOLDER.matcher(source);
    while (placeholder.find()) {
      String filter = placeholder.group(3);
      Object value = filter == null ? text(placeholder.group(1)) : switch (filter) {
        case "money", "number" -> 1_250_000;
        case "date", "longdate" -> LocalDate.of(2019, 1, 7);
        default -> text(placeholder.group(1));
      };
      put(values, placeholder.group(1), value);
    }
    Matcher names = CONDITION_OR_LIST.matcher(source);
    while (names.find()) {
      if (names.group(1).equals("each")) {
        put(values, names.group(2), List.of("Mục thứ nhất của " + names.group(2), "Mục thứ hai"));
      } else {
        values.putIfAbsent(names.group(2), text(names.group(2)));
      }
    }
    return values;
  }

  /** Supplies what the composer's message asks for; false when the message is about something else. */
  private static boolean supply(Map<String, Object> values, String message) {
    Matcher m;
    if ((m = NOT_A_LIST.matcher(message)).find()) {
      put(values, m.group(1), List.of("Mục thứ nhất của " + m.group(1), "Mục thứ hai"));
    } else if ((m = NOT_A_NUMBER.matcher(message)).find()) {
      put(values, m.group(1), 12);
    } else if ((m = NOT_A_DATE.matcher(message)).find()) {
      put(values, m.group(1), LocalDate.of(2019, 1, 7));
    } else if ((m = MISSING.matcher(message)).find() && !values.containsKey(m.group(1))) {
      put(values, m.group(1), text(m.group(1)));
    } else {
      return false;
    }
    return true;
  }

  private static String text(String name) {
    return "Nội dung «" + name + "» có dấu: Ủy ban nhân dân tỉnh Bình Định";
  }

  /** Puts a value at a dotted path ("notice.number"), making the maps on the way. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> values, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> map = values;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = map.get(parts[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        map.put(parts[i], next);
      }
      map = (Map<String, Object>) next;
    }
    map.put(parts[parts.length - 1], value);
  }
}
