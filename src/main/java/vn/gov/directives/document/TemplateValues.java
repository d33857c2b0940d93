package vn.gov.directives.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.directives.calendar.VietnamTime;

/**
 * One-pass placeholder substitution. {@code {{name}}} prints a value, {@code {{name?}}} prints nothing when the value
 * is missing, {@code {{name|filter}}} formats it (money, number, date, longdate, upper, lower). Values are printed
 * literally: a value containing "{{x}}" or "${x}" stays exactly that, because the result is never scanned again.
 */
final class TemplateValues {

  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\?)?\\s*(?:\\|\\s*([a-z]+)\\s*)?}}");
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private final Map<String, Object> values;
  private final TemplateValues parent;
  private final String templateName;

  private TemplateValues(Map<String, Object> values, TemplateValues parent, String templateName) {
    this.values = values;
    this.parent = parent;
    this.templateName = templateName;
  }

  static TemplateValues root(Map<String, Object> values, String templateName) {
    return new TemplateValues(values == null ? Map.of() : values, null, templateName);
  }

  /** A scope for one item of a repeated block: its fields, {{item}} and {{index}} (1-based) over the outer values. */
  TemplateValues child(Object item, int index) {
    java.util.HashMap<String, Object> scope = new java.util.HashMap<>();
    if (item instanceof Map<?, ?> map) {
      map.forEach((k, v) -> scope.put(String.valueOf(k), v));
    }
    scope.put("item", item);
    scope.put("index", index);
    return new TemplateValues(scope, this, templateName);
  }

  /** True when the name is present and holds something worth printing (not null, blank, false or empty). */
  boolean isPresent(String name) {
    Object value = lookup(name);
    if (value == null || Boolean.FALSE.equals(value)) {
      return false;
    }
    if (value instanceof CharSequence s) {
      return !s.toString().isBlank();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }

  /** The items of a list value, for repeated blocks and table rows. */
  List<Object> list(String name, String where) {
    Object value = lookup(name);
    if (value == null) {
      throw missing(name, where);
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    throw new DocumentException("Mẫu văn bản '" + templateName + "', " + where + ": giá trị '" + name
        + "' phải là một danh sách (value '" + name + "' must be a list, got " + value.getClass().getSimpleName() + ")");
  }

  Object raw(String name) {
    return lookup(name);
  }

  /** Substitutes every placeholder of one template text. */
  String substitute(String text, String where) {
    if (text == null) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      String between = text.substring(last, matcher.start());
      checkNoBrokenPlaceholder(between, where);
      out.append(between);
      String name = matcher.group(1);
      boolean optional = matcher.group(2) != null;
      Object value = lookup(name);
      if (value == null) {
        if (!optional) {
          throw missing(name, where);
        }
      } else {
        out.append(format(value, matcher.group(3), name, where));
      }
      last = matcher.end();
    }
    String tail = text.substring(last);
    checkNoBrokenPlaceholder(tail, where);
    out.append(tail);
    return out.toString();
  }

  private void checkNoBrokenPlaceholder(String templateText, String where) {
    if (templateText.contains("{{") || templateText.contains("}}")) {
      throw new DocumentException("Mẫu văn bản '" + templateName + "', " + where
          + ": chỗ giữ giá trị viết sai (malformed placeholder) trong \"" + templateText.strip()
          + "\"; viết {{tenGiaTri}}, {{tenGiaTri?}} hoặc {{tenGiaTri|money}}");
    }
  }

  private Object lookup(String path) {
    String[] parts = path.split("\\.");
    Object value = null;
    boolean found = false;
    for (TemplateValues scope = this; scope != null; scope = scope.parent) {
      if (scope.values.containsKey(parts[0])) {
        value = scope.values.get(parts[0]);
        found = true;
        break;
      }
    }
    if (!found) {
      return null;
    }
    for (int i = 1; i < parts.length && value != null; i++) {
      value = value instanceof Map<?, ?> map ? map.get(parts[i]) : null;
    }
    return value;
  }

  private DocumentException missing(String name, String where) {
    return new DocumentException("Mẫu văn bản '" + templateName + "', " + where + ": thiếu giá trị '" + name
        + "' (missing value for placeholder {{" + name + "}})");
  }

  private String format(Object value, String filter, String name, String where) {
    if (filter == null) {
      return text(value);
    }
    switch (filter) {
      case "money":
        return grouped(number(value, name, where)) + " đồng";
      case "number":
        return grouped(number(value, name, where));
      case "date":
        return VietnamTime.shortDate(date(value, name, where));
      case "longdate":
        return VietnamTime.vietnameseDate(date(value, name, where));
      case "summary":
        return asSummary(text(value));
      case "upper":
        return text(value).toUpperCase(VIETNAMESE);
      case "lower":
        return text(value).toLowerCase(VIETNAMESE);
      default:
        throw new DocumentException("Mẫu văn bản '" + templateName + "', " + where + ": bộ lọc không hỗ trợ '|" + filter
            + "' (unknown filter; use money, number, date, longdate, summary, upper, lower)");
    }
  }

  /**
   * A title as the trích yếu under a type title: "Kế hoạch ứng dụng CNTT năm 2019" under "KẾ HOẠCH" reads
   * "Ứng dụng CNTT năm 2019" (the type word is not repeated).
   */
  static String asSummary(String title) {
    String text = title.strip();
    String lower = text.toLowerCase(VIETNAMESE);
    for (DocumentType type : DocumentType.values()) {
      String word = type.displayName().toLowerCase(VIETNAMESE) + " ";
      if (lower.startsWith(word) && text.length() > word.length()) {
        String rest = text.substring(word.length()).strip();
        int first = rest.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
            .append(rest.substring(Character.charCount(first))).toString();
      }
    }
    return text;
  }

  /** Default printing: dates dd/MM/yyyy in Vietnam time, booleans Có/Không, lists joined, text as NFC. */
  static String text(Object value) {
    if (value instanceof LocalDate d) {
      return VietnamTime.shortDate(d);
    }
    if (value instanceof Date d) {
      return VietnamTime.shortDate(VietnamTime.toLocalDate(d));
    }
    if (value instanceof OffsetDateTime t) {
      return VietnamTime.shortDate(t.atZoneSameInstant(VietnamTime.ZONE).toLocalDate());
    }
    if (value instanceof ZonedDateTime t) {
      return VietnamTime.shortDate(t.withZoneSameInstant(VietnamTime.ZONE).toLocalDate());
    }
    if (value instanceof LocalDateTime t) {
      return VietnamTime.shortDate(t.toLocalDate());
    }
    if (value instanceof Boolean b) {
      return b ? "Có" : "Không";
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString().replace('.', ',');
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString().replace('.', ',');
    }
    if (value instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      c.forEach(item -> parts.add(text(item)));
      return String.join(", ", parts);
    }
    return clean(String.valueOf(value));
  }

  /** NFC (what Liberation Serif and every search expects) without control characters a document cannot hold. */
  static String clean(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\t') {
        out.append(' ');
      } else if (c == '\n' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private BigInteger number(Object value, String name, String where) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof BigDecimal d) {
      return d.toBigInteger();
    }
    if (value instanceof String s && s.trim().matches("-?\\d+")) {
      return new BigInteger(s.trim());
    }
    throw new DocumentException("Mẫu văn bản '" + templateName + "', " + where + ": giá trị '" + name
        + "' phải là số nguyên (must be a whole number, got '" + value + "')");
  }

  private LocalDate date(Object value, String name, String where) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return VietnamTime.toLocalDate(d);
    }
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s.trim());
      } catch (java.time.format.DateTimeParseException e) {
        // fall through to the error below
      }
    }
    throw new DocumentException("Mẫu văn bản '" + templateName + "', " + where + ": giá trị '" + name
        + "' phải là ngày (must be a date, got '" + value + "')");
  }

  /** 1250000000 → "1.250.000.000" (Vietnamese digit grouping). */
  static String grouped(BigInteger number) {
    String digits = number.abs().toString();
    StringBuilder out = new StringBuilder();
    int lead = digits.length() % 3;
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (i - lead) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return (number.signum() < 0 ? "-" : "") + out;
  }
}
