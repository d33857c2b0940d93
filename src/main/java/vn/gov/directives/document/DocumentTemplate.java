package vn.gov.directives.document;

import java.util.List;
import java.util.Map;

/**
 * A template as the office staff wrote it (YAML, see {@code templates/documents/README.md}). Text fields still hold
 * their {@code {{placeholders}}}; {@link DocumentComposer} substitutes them.
 *
 * @param name file name without extension, e.g. "to-trinh-ke-hoach"
 * @param source where it was read from (for error messages)
 * @param numbered false for an internal form that never carries a number (Phiếu trình)
 * @param numberWithYear legal normative documents carry the year: "05/2019/QĐ-UBND"
 * @param addressees "Kính gửi" lines; may be empty
 * @param body raw blocks (strings and one-key maps)
 * @param signature raw signature spec: "auto", "none" or a map
 * @param recipients Nơi nhận lines without the leading "- " and the trailing ";"
 * @param archive the "Lưu:" line content, e.g. "VT, STTTT"; null = "VT, &lt;agency symbol&gt;"
 * @param appendix raw appendix map or null
 */
public record DocumentTemplate(
    String name,
    String source,
    DocumentType type,
    boolean numbered,
    boolean numberWithYear,
    String summary,
    List<String> addressees,
    List<Object> body,
    Object signature,
    List<String> recipients,
    String archive,
    Map<String, Object> appendix) {}
