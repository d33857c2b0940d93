package vn.gov.directives.security;

import java.util.Optional;

/**
 * Characters a text field of ours may not hold: control characters (a NUL truncates in C libraries and some
 * databases, ESC drives terminals reading logs, form feed and the like break documents), the bidirectional
 * overrides that make a text read differently from what it is ("Trojan Source"), lone UTF-16 surrogates (what
 * {@code "\ud800"} in JSON decodes to; no database or PDF can store them) and the non-characters U+FFFE/U+FFFF.
 * Line breaks and tabs are allowed only in multi-line fields.
 */
public final class SafeText {

  private SafeText() {}

  /** Empty when the text is acceptable; else a Vietnamese description of the first bad character. */
  public static Optional<String> problem(String text, boolean multiLine) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return Optional.of("chứa ký tự điều khiển không được phép " + codePoint(c) + " ở vị trí " + (i + 1)
            + (multiLine ? "" : " (trường này không được xuống dòng)"));
      }
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F) {
        return Optional.of("chứa ký tự đổi chiều văn bản " + codePoint(c) + " ở vị trí " + (i + 1));
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        return Optional.of("chứa ký tự Unicode không hợp lệ " + codePoint(c) + " ở vị trí " + (i + 1));
      }
    }
    return Optional.empty();
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
