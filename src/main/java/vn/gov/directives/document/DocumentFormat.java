package vn.gov.directives.document;

import java.util.Locale;
import java.util.Optional;

/** The file formats every document is stored in. */
public enum DocumentFormat {
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  PDF("pdf", "application/pdf");

  private final String extension;
  private final String contentType;

  DocumentFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** "docx" / "pdf" as used in URLs; empty for anything else. */
  public static Optional<DocumentFormat> fromExtension(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (DocumentFormat format : values()) {
      if (format.extension.equals(lower)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
