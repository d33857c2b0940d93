package vn.gov.directives.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads document templates: {@code <name>.yaml} from the configured directory when it is there (so the office can
 * change a template without a release), else the bundled {@code classpath:templates/documents/<name>.yaml}.
 *
 * <p>A parsed template is kept and handed out again (read-only) while its source is unchanged: bundled ones for the
 * life of the application, a file of the directory while its modification time and size are the same — so an edited
 * or deleted file takes effect at the next document, and the YAML is not parsed for every document issued.
 */
public final class TemplateLibrary {

  static final String CLASSPATH_DIR = "templates/documents/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final Set<String> KEYS = Set.of("type", "numbered", "numberWithYear", "summary", "addressees",
      "body", "signature", "recipients", "archive", "appendix", "description");

  private final Path overrideDirectory;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Map<String, DocumentTemplate> bundled = new ConcurrentHashMap<>();
  private final Map<String, ParsedFile> files = new ConcurrentHashMap<>();

  /** A template read from the directory, with what identified the file's version when it was read. */
  private record ParsedFile(FileTime modified, long size, DocumentTemplate template) {}

  /** @param overrideDirectory may be null: bundled templates only */
  public TemplateLibrary(Path overrideDirectory) {
    this.overrideDirectory = overrideDirectory;
  }

  public DocumentTemplate load(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new DocumentException("Tên mẫu văn bản không hợp lệ: '" + name
          + "' (template names are lower-case letters, digits and '-')");
    }
    String file = name + ".yaml";
    if (overrideDirectory != null) {
      Path candidate = overrideDirectory.resolve(file);
      BasicFileAttributes attributes = regularFileAttributes(candidate);
      if (attributes != null) {
        ParsedFile known = files.get(name);
        if (known != null && known.modified().equals(attributes.lastModifiedTime())
            && known.size() == attributes.size()) {
          return known.template();
        }
        try (InputStream in = Files.newInputStream(candidate)) {
          DocumentTemplate template = parse(name, candidate.toString(), in);
          files.put(name, new ParsedFile(attributes.lastModifiedTime(), attributes.size(), template));
          return template;
        } catch (IOException e) {
          throw new DocumentException("Không đọc được mẫu văn bản " + candidate + ": " + e.getMessage(), e);
        }
      }
      files.remove(name);
    }
    DocumentTemplate known = bundled.get(name);
    if (known != null) {
      return known;
    }
    InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + file);
    if (in == null) {
      throw new DocumentException("Không có mẫu văn bản '" + name + "' (template not found: " + file + ")");
    }
    try (in) {
      DocumentTemplate template = parse(name, "classpath:" + CLASSPATH_DIR + file, in);
      bundled.put(name, template);
      return template;
    } catch (IOException e) {
      throw new DocumentException("Không đọc được mẫu văn bản " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's attributes when it is a regular file, else null (absent: the bundled template applies). */
  private static BasicFileAttributes regularFileAttributes(Path candidate) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(candidate, BasicFileAttributes.class);
      return attributes.isRegularFile() ? attributes : null;
    } catch (IOException absent) {
      return null;
    }
  }

  private DocumentTemplate parse(String name, String source, InputStream in) throws IOException {
    Object root;
    try {
      root = yaml.readValue(in, Object.class);
    } catch (IOException e) {
      throw new DocumentException("Mẫu văn bản " + source + " sai cú pháp YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw error(source, "the file must be a YAML map (type:, summary:, body: ...)");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw error(source, "unknown key '" + key + "'; allowed: " + KEYS);
      }
    }
    Object typeValue = map.get("type");
    if (typeValue == null) {
      throw error(source, "'type' is required, e.g. type: TO_TRINH");
    }
    DocumentType type;
    try {
      type = DocumentType.valueOf(String.valueOf(typeValue).trim());
    } catch (IllegalArgumentException e) {
      throw error(source, "unknown type '" + typeValue + "'; one of " + List.of(DocumentType.values()));
    }
    boolean numbered = bool(map, "numbered", type.numberable(), source);
    if (numbered && !type.numberable()) {
      throw error(source, type.displayName() + " is never numbered; remove 'numbered: true'");
    }
    Object summary = map.get("summary");
    if (summary != null && !(summary instanceof String)) {
      throw error(source, "'summary' must be a text");
    }
    // read-only all the way down: the same template is handed to every document issued from it
    return new DocumentTemplate(name, source, type, numbered, bool(map, "numberWithYear", false, source),
        (String) summary, List.copyOf(strings(map, "addressees", source)), readOnlyList(list(map, "body", source)),
        map.containsKey("signature") ? readOnly(map.get("signature")) : "none",
        List.copyOf(strings(map, "recipients", source)),
        map.get("archive") == null ? null : String.valueOf(map.get("archive")), readOnlyMap(appendix(map, source)));
  }

  private static boolean bool(Map<?, ?> map, String key, boolean fallback, String source) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw error(source, "'" + key + "' must be true or false");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<?, ?> map, String key, String source) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw error(source, "'" + key + "' must be a list");
  }

  private static List<String> strings(Map<?, ?> map, String key, String source) {
    List<String> result = new ArrayList<>();
    for (Object item : list(map, key, source)) {
      if (!(item instanceof String s)) {
        throw error(source, "'" + key + "' must be a list of texts");
      }
      result.add(s);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> appendix(Map<?, ?> map, String source) {
    Object value = map.get("appendix");
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      return new LinkedHashMap<>((Map<String, Object>) m);
    }
    throw error(source, "'appendix' must be a map (title:, summary:, note:, body:)");
  }

  private static DocumentException error(String source, String what) {
    return new DocumentException("Mẫu văn bản " + source + " không hợp lệ: " + what);
  }

  private static Object readOnly(Object value) {
    if (value instanceof List<?> list) {
      return readOnlyList(list);
    }
    if (value instanceof Map<?, ?> map) {
      return readOnlyMap(map);
    }
    return value;
  }

  private static <T> List<T> readOnlyList(List<T> list) {
    List<T> copy = new ArrayList<>(list.size());
    for (T item : list) {
      @SuppressWarnings("unchecked")
      T readOnly = (T) readOnly(item);
      copy.add(readOnly);
    }
    return Collections.unmodifiableList(copy);
  }

  private static <K, V> Map<K, V> readOnlyMap(Map<K, V> map) {
    if (map == null) {
      return null;
    }
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      @SuppressWarnings("unchecked")
      V readOnly = (V) readOnly(value);
      copy.put(key, readOnly);
    });
    return Collections.unmodifiableMap(copy);
  }
}
