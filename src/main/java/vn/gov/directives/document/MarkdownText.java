package vn.gov.directives.document;

/**
 * User text placed inside the Markdown that Camunda Forms text components render (form-js renders Markdown and then
 * HTML): every character Markdown or HTML would interpret is backslash-escaped, so {@code <b>x</b>} or
 * {@code [a](b)} is shown literally instead of becoming markup or a link.
 */
public final class MarkdownText {

  private MarkdownText() {
  }

  public static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]()<>#!|&~])", "\\\\$1");
  }
}
