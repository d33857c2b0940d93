package vn.gov.directives.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentLayout.Align;
import vn.gov.directives.document.DocumentLayout.Appendix;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Column;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Signature;
import vn.gov.directives.document.DocumentLayout.Table;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.AgencyKind;

/**
 * Turns a template, the issuing agency and the caller's values into a {@link DocumentLayout}: header per Decree 30,
 * number and symbol, place and date, blocks with every placeholder substituted once, signature block, Nơi nhận.
 */
public final class DocumentComposer {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  /** Blank left for the number of a draft, as clerks leave it for the register ("Số:      /TTr-STTTT"). */
  static final String DRAFT_NUMBER_BLANK = "      ";
  private static final String COMMITTEE_PREFIX = "ỦY BAN NHÂN DÂN";

  /**
   * @param serial the register number, null for an unnumbered document
   */
  public DocumentLayout compose(DocumentTemplate template, Agency agency, LocalDate issuedOn, Integer serial,
      Map<String, Object> callerValues) {
    if (agency.symbol() == null || agency.name() == null || agency.place() == null) {
      throw new DocumentException("Cấu hình cơ quan " + agency.code()
          + " thiếu tên, ký hiệu hoặc địa danh (agency needs name, symbol and place to issue documents)");
    }
    DocumentType type = template.type();
    String symbol = type.symbol(agency.symbol());
    String number = template.numbered()
        ? DocumentNumbers.format(serial, issuedOn.getYear(), template.numberWithYear(), symbol)
        : null;

    Map<String, Object> values = new HashMap<>(callerValues == null ? Map.of() : callerValues);
    // Built-ins win over caller values: the number comes from the register, never from a process variable.
    values.put("documentNumber", number == null ? DRAFT_NUMBER_BLANK.strip() : number);
    values.put("issuedDate", VietnamTime.shortDate(issuedOn));
    values.put("issuedDateLong", VietnamTime.vietnameseDate(issuedOn));
    values.put("agencyName", agency.name());
    values.put("agencyShortName", agency.shortName() == null ? agency.name() : agency.shortName());
    values.put("agencySymbol", agency.symbol());
    values.put("place", agency.place());
    TemplateValues scope = TemplateValues.root(values, template.name());

    String summary = scope.substitute(template.summary(), "summary");
    List<String> addressees = new ArrayList<>();
    for (String line : template.addressees()) {
      addressees.add(scope.substitute(line, "addressees"));
    }
    List<Block> body = blocks(template.body(), scope, "body", template);
    Signature signature = signature(template, agency, scope);
    List<String> recipients = recipients(template, agency, scope);
    Appendix appendix = appendix(template, scope);

    String documentTitle = summary == null || summary.isBlank()
        ? type.displayName()
        : type.displayName() + " " + lowerFirst(summary.strip());
    return new DocumentLayout(headerAbove(agency), agencyLines(agency), numberLine(template, number, issuedOn, symbol),
        template.numbered() && number == null, agency.place() + ", " + VietnamTime.vietnameseDate(issuedOn),
        type.printedTitle(), summary, addressees, body, signature, recipients, appendix, documentTitle);
  }

  private static String numberLine(DocumentTemplate template, String number, LocalDate issuedOn, String symbol) {
    if (!template.numbered()) {
      return null;
    }
    if (number != null) {
      return "Số: " + number;
    }
    String blank = template.numberWithYear() ? DRAFT_NUMBER_BLANK + "/" + issuedOn.getYear() + "/" : DRAFT_NUMBER_BLANK + "/";
    return "Số:" + blank + symbol;
  }

  static List<String> headerAbove(Agency agency) {
    if (agency.headerAbove() == null || agency.headerAbove().isBlank()) {
      return List.of();
    }
    return List.of(upper(agency.headerAbove()));
  }

  /** "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH" prints on two lines, "ỦY BAN NHÂN DÂN" over "TỈNH BÌNH ĐỊNH". */
  static List<String> agencyLines(Agency agency) {
    String name = upper(agency.name()).replace("UỶ BAN", "ỦY BAN");
    boolean committee = agency.kind() == AgencyKind.COMMITTEE || agency.kind() == AgencyKind.DISTRICT;
    if (committee && name.startsWith(COMMITTEE_PREFIX + " ")) {
      return List.of(COMMITTEE_PREFIX, name.substring(COMMITTEE_PREFIX.length() + 1).strip());
    }
    return fitHeaderColumn(name);
  }

  /**
   * A name too long for the header column is split into two lines of similar length ("SỞ THÔNG TIN VÀ" over
   * "TRUYỀN THÔNG"), as clerks do, rather than leaving one word alone on the second line.
   */
  static List<String> fitHeaderColumn(String name) {
    float available = DocumentFonts.headerLeftMm(PdfRenderer.TEXT_WIDTH_MM) - 2f;
    if (mm(name) <= available) {
      return List.of(name);
    }
    String[] words = name.split(" ");
    int best = -1;
    float bestLongest = Float.MAX_VALUE;
    for (int i = 1; i < words.length; i++) {
      float longest = Math.max(mm(String.join(" ", java.util.Arrays.copyOfRange(words, 0, i))),
          mm(String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length))));
      if (longest < bestLongest) {
        bestLongest = longest;
        best = i;
      }
    }
    if (best < 0) {
      return List.of(name);
    }
    return List.of(String.join(" ", java.util.Arrays.copyOfRange(words, 0, best)),
        String.join(" ", java.util.Arrays.copyOfRange(words, best, words.length)));
  }

  private static float mm(String text) {
    return DocumentFonts.width(text, DocumentFonts.Face.BOLD, 12) * 25.4f / 72f;
  }

  static String upper(String text) {
    return TemplateValues.clean(text).toUpperCase(VIETNAMESE);
  }

  private static String lowerFirst(String text) {
    int first = text.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
        .append(text.substring(Character.charCount(first))).toString();
  }

  // ---------------------------------------------------------------- blocks

  private List<Block> blocks(List<Object> specs, TemplateValues scope, String where, DocumentTemplate template) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      block(specs.get(i), scope, where + "[" + (i + 1) + "]", template, out);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private void block(Object spec, TemplateValues scope, String where, DocumentTemplate template, List<Block> out) {
    if (spec instanceof String text) {
      out.add(Paragraph.body(scope.substitute(text, where)));
      return;
    }
    if (!(spec instanceof Map<?, ?> raw)) {
      throw invalid(template, where, "a block is a text or a map (heading:, center:, bases:, lines:, each:, if:, table:)");
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    if (map.containsKey("paragraph")) {
      Align align = align(map.get("align"), template, where);
      out.add(new Paragraph(null, scope.substitute(text(map, "paragraph", template, where), where),
          Boolean.TRUE.equals(map.get("bold")), Boolean.TRUE.equals(map.get("italic")), align,
          !Boolean.FALSE.equals(map.get("indent")) && align == Align.JUSTIFY));
    } else if (map.containsKey("article")) {
      out.add(new Paragraph(scope.substitute(text(map, "article", template, where), where).strip(),
          scope.substitute(text(map, "text", template, where), where), false, false, Align.JUSTIFY, true));
    } else if (map.containsKey("heading")) {
      out.add(new Paragraph(null, scope.substitute(text(map, "heading", template, where), where), true, false,
          Align.JUSTIFY, true));
    } else if (map.containsKey("center")) {
      out.add(new Paragraph(null, scope.substitute(text(map, "center", template, where), where),
          !Boolean.FALSE.equals(map.get("bold")), Boolean.TRUE.equals(map.get("italic")), Align.CENTER, false));
    } else if (map.containsKey("bases")) {
      bases(map.get("bases"), scope, where, template, out);
    } else if (map.containsKey("lines")) {
      for (String line : lines(text(map, "lines", template, where), scope, where)) {
        out.add(new Paragraph(null, line, Boolean.TRUE.equals(map.get("bold")), Boolean.TRUE.equals(map.get("italic")),
            Align.JUSTIFY, true));
      }
    } else if (map.containsKey("each")) {
      String name = text(map, "each", template, where);
      List<Object> items = scope.list(name, where);
      List<Object> inner = subBlocks(map, "blocks", template, where);
      for (int i = 0; i < items.size(); i++) {
        TemplateValues itemScope = scope.child(items.get(i), i + 1);
        for (int j = 0; j < inner.size(); j++) {
          block(inner.get(j), itemScope, where + " " + name + "[" + (i + 1) + "].blocks[" + (j + 1) + "]", template, out);
        }
      }
      if (items.isEmpty() && map.get("empty") != null) {
        out.add(Paragraph.body(scope.substitute(text(map, "empty", template, where), where)));
      }
    } else if (map.containsKey("if")) {
      String name = text(map, "if", template, where);
      boolean holds = map.containsKey("equals")
          ? scope.raw(name) != null && TemplateValues.text(scope.raw(name)).strip().equals(String.valueOf(map.get("equals")).strip())
          : scope.isPresent(name);
      List<Object> chosen = holds ? subBlocks(map, "then", template, where)
          : subBlocks(map, "else", template, where);
      for (int j = 0; j < chosen.size(); j++) {
        block(chosen.get(j), scope, where + " if " + name + "[" + (j + 1) + "]", template, out);
      }
    } else if (map.containsKey("table")) {
      out.add(table(map.get("table"), scope, where, template));
    } else {
      throw invalid(template, where, "unknown block " + map.keySet()
          + "; use paragraph, article, heading, center, bases, lines, each, if or table");
    }
  }

  /** A multi-line value gives one paragraph per non-blank line; a list value one paragraph per item. */
  private static List<String> lines(String spec, TemplateValues scope, String where) {
    List<String> result = new ArrayList<>();
    java.util.regex.Matcher single = TemplateValues.PLACEHOLDER.matcher(spec.strip());
    if (single.matches() && scope.raw(single.group(1)) instanceof java.util.Collection<?> items) {
      for (Object item : items) {
        String text = TemplateValues.text(item).strip();
        if (!text.isEmpty()) {
          result.add(text);
        }
      }
      return result;
    }
    for (String line : scope.substitute(spec, where).split("\n")) {
      if (!line.isBlank()) {
        result.add(line.strip());
      }
    }
    return result;
  }

  /**
   * Legal bases (căn cứ): italic, each ending with ";", the last with "." (Decree 30). A basis that does not
   * already start with "Căn cứ", "Xét", "Theo" or "Thực hiện" gets "Căn cứ " in front.
   */
  @SuppressWarnings("unchecked")
  private void bases(Object spec, TemplateValues scope, String where, DocumentTemplate template, List<Block> out) {
    if (!(spec instanceof List<?> entries)) {
      throw invalid(template, where, "'bases' must be a list of texts or {each: name, text: ...}");
    }
    List<String> texts = new ArrayList<>();
    for (Object entry : entries) {
      if (entry instanceof String s) {
        texts.add(scope.substitute(s, where + " bases"));
      } else if (entry instanceof Map<?, ?> m && m.get("each") != null) {
        Map<String, Object> map = (Map<String, Object>) m;
        String name = text(map, "each", template, where);
        String text = map.get("text") == null ? "{{item}}" : text(map, "text", template, where);
        List<Object> items = scope.list(name, where + " bases");
        for (int i = 0; i < items.size(); i++) {
          texts.add(scope.child(items.get(i), i + 1).substitute(text, where + " bases " + name + "[" + (i + 1) + "]"));
        }
      } else {
        throw invalid(template, where, "a basis is a text or {each: name, text: ...}");
      }
    }
    texts.removeIf(String::isBlank);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i).strip().replaceAll("[\\s;.,]+$", "");
      if (!startsWithAny(text, "căn cứ", "xét", "theo", "thực hiện")) {
        text = "Căn cứ " + text;
      }
      out.add(new Paragraph(null, text + (i == texts.size() - 1 ? "." : ";"), false, true, Align.JUSTIFY, true));
    }
  }

  private static boolean startsWithAny(String text, String... prefixes) {
    String lower = text.toLowerCase(VIETNAMESE);
    for (String prefix : prefixes) {
      if (lower.startsWith(prefix + " ")) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private Table table(Object spec, TemplateValues scope, String where, DocumentTemplate template) {
    if (!(spec instanceof Map<?, ?> raw) || !(((Map<String, Object>) raw).get("columns") instanceof List<?> cols)) {
      throw invalid(template, where, "a table needs columns: [{title, width, value}] and each: listName");
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    List<Column> columns = new ArrayList<>();
    List<String> cellTemplates = new ArrayList<>();
    for (Object c : cols) {
      if (!(c instanceof Map<?, ?> col) || col.get("title") == null || col.get("value") == null) {
        throw invalid(template, where, "every table column needs a title and a value");
      }
      Object width = col.get("width");
      int percent = width instanceof Number n ? n.intValue() : 0;
      columns.add(new Column(scope.substitute(String.valueOf(col.get("title")), where + " column title"),
          percent, col.get("align") == null ? Align.LEFT : align(col.get("align"), template, where)));
      cellTemplates.add(String.valueOf(col.get("value")));
    }
    int given = columns.stream().mapToInt(Column::widthPercent).sum();
    long unset = columns.stream().filter(c -> c.widthPercent() <= 0).count();
    if (given > 100 || (unset == 0 && given != 100)) {
      throw invalid(template, where, "column widths are percentages and must add up to 100 (got " + given + ")");
    }
    if (unset > 0) {
      int share = (int) ((100 - given) / unset);
      columns.replaceAll(c -> c.widthPercent() > 0 ? c : new Column(c.title(), share, c.align()));
    }
    List<List<String>> rows = new ArrayList<>();
    String name = text(map, "each", template, where);
    List<Object> items = scope.list(name, where + " table");
    for (int i = 0; i < items.size(); i++) {
      TemplateValues itemScope = scope.child(items.get(i), i + 1);
      List<String> row = new ArrayList<>();
      for (String cell : cellTemplates) {
        row.add(itemScope.substitute(cell, where + " table " + name + "[" + (i + 1) + "]"));
      }
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  // ---------------------------------------------------------------- signature, recipients, appendix

  @SuppressWarnings("unchecked")
  private Signature signature(DocumentTemplate template, Agency agency, TemplateValues scope) {
    Object spec = template.signature();
    if (spec == null || "none".equals(spec)) {
      return null;
    }
    if ("auto".equals(spec)) {
      return SignatureRules.derive(agency, scope, false);
    }
    if (spec instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      if (Boolean.TRUE.equals(map.get("auto"))) {
        return SignatureRules.derive(agency, scope, Boolean.TRUE.equals(map.get("nameOptional")));
      }
      if (map.get("lines") instanceof List<?> lines) {
        List<String> authority = new ArrayList<>();
        for (Object line : lines) {
          authority.add(upper(scope.substitute(String.valueOf(line), "signature.lines")));
        }
        String name = map.get("name") == null ? "" : scope.substitute(String.valueOf(map.get("name")), "signature.name");
        return new Signature(authority, name);
      }
    }
    throw invalid(template, "signature", "use 'auto', 'none', {auto: true, nameOptional: true} or {lines: [...], name: ...}");
  }

  private static List<String> recipients(DocumentTemplate template, Agency agency, TemplateValues scope) {
    if (template.recipients().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String recipient : template.recipients()) {
      String text = scope.substitute(recipient, "recipients").strip().replaceAll("^-\\s*", "").replaceAll("[\\s;.,]+$", "");
      if (!text.isEmpty()) {
        lines.add("- " + text + ";");
      }
    }
    String archive = template.archive() == null ? "VT, " + agency.symbol() : scope.substitute(template.archive(), "archive");
    lines.add("- Lưu: " + archive.strip().replaceAll("[\\s;.,]+$", "") + ".");
    return lines;
  }

  @SuppressWarnings("unchecked")
  private Appendix appendix(DocumentTemplate template, TemplateValues scope) {
    Map<String, Object> map = template.appendix();
    if (map == null) {
      return null;
    }
    String title = map.get("title") == null ? "PHỤ LỤC" : scope.substitute(String.valueOf(map.get("title")), "appendix.title");
    Object body = map.get("body");
    if (body != null && !(body instanceof List<?>)) {
      throw invalid(template, "appendix", "'body' must be a list of blocks");
    }
    return new Appendix(Boolean.TRUE.equals(map.get("draft")), upper(title),
        map.get("summary") == null ? null : scope.substitute(String.valueOf(map.get("summary")), "appendix.summary"),
        map.get("note") == null ? null : scope.substitute(String.valueOf(map.get("note")), "appendix.note"),
        body == null ? List.of() : blocks((List<Object>) body, scope, "appendix.body", template));
  }

  // ---------------------------------------------------------------- helpers

  private static String text(Map<String, Object> map, String key, DocumentTemplate template, String where) {
    Object value = map.get(key);
    if (value == null || value instanceof Map || value instanceof List) {
      throw invalid(template, where, "'" + key + "' must be a text");
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> subBlocks(Map<String, Object> map, String key, DocumentTemplate template, String where) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw invalid(template, where, "'" + key + "' must be a list of blocks");
  }

  private static Align align(Object value, DocumentTemplate template, String where) {
    if (value == null) {
      return Align.JUSTIFY;
    }
    try {
      return Align.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(template, where, "align is justify, center, left or right");
    }
  }

  private static DocumentException invalid(DocumentTemplate template, String where, String what) {
    return new DocumentException("Mẫu văn bản '" + template.name() + "' (" + template.source() + ") không hợp lệ tại "
        + where + ": " + what);
  }
}
