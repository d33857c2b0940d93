package vn.gov.directives.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the JSON bodies of {@code /api} strictly: bytes must be UTF-8 (a bad byte is refused, not replaced by "�"),
 * keys may not repeat, nothing may follow the value, and nesting, string and number sizes are bounded far below
 * Jackson's defaults (1000 levels, 20 MB strings) so that a crafted body cannot exhaust the stack or the heap.
 * Every refusal is a {@link RejectedInputException} with a Vietnamese message.
 */
public final class StrictJson {

  /** Our documents are three levels deep (notice → assignments → leads); 32 leaves room and stops stack games. */
  public static final int MAX_NESTING_DEPTH = 32;
  public static final int MAX_STRING_LENGTH = 100_000;
  public static final int MAX_NUMBER_LENGTH = 50;

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build())
      .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StrictJson() {}

  /** The bytes as text; refuses malformed UTF-8 with the position of the first bad byte. */
  public static String utf8(byte[] body) {
    if (body == null) {
      return null;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      return decoder.decode(bytes).toString();
    } catch (MalformedInputException e) {
      throw new RejectedInputException("", "Nội dung không phải văn bản UTF-8 hợp lệ: byte sai ở vị trí "
          + bytes.position() + " (gửi JSON mã hóa UTF-8).");
    } catch (CharacterCodingException e) {
      throw new RejectedInputException("", "Nội dung không phải văn bản UTF-8 hợp lệ (gửi JSON mã hóa UTF-8).");
    }
  }

  /** The JSON value of the text; null for a missing or blank body. */
  public static JsonNode read(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StreamConstraintsException limit) {
          throw new RejectedInputException("", constraintMessage(limit.getOriginalMessage()));
        }
      }
      String where = e.getLocation() == null ? ""
          : " (dòng " + e.getLocation().getLineNr() + ", cột " + e.getLocation().getColumnNr() + ")";
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      String what;
      if (original.startsWith("Duplicate field")) {
        what = "Khóa JSON bị lặp: " + original.replace("Duplicate field ", "");
      } else if (original.startsWith("Trailing token")) {
        what = "Nội dung không phải JSON hợp lệ: có nội dung thừa sau giá trị JSON";
      } else {
        what = "Nội dung không phải JSON hợp lệ: " + firstLine(original);
      }
      throw new RejectedInputException("", what + where + ".");
    }
  }

  /** The body as one JSON object; refuses anything else, and every field not in {@code allowed}. */
  public static JsonNode object(byte[] body, Set<String> allowed) {
    JsonNode node = read(utf8(body));
    if (node == null) {
      throw new RejectedInputException("", "Thiếu nội dung yêu cầu (JSON rỗng).");
    }
    if (!node.isObject()) {
      throw new RejectedInputException("", "Nội dung phải là một đối tượng JSON {...}.");
    }
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new RejectedInputException(first, "Trường không được hỗ trợ: '" + String.join("', '", unknown)
          + "' (các trường hợp lệ: " + String.join(", ", new TreeSet<>(allowed)) + ").");
    }
    return node;
  }

  private static String constraintMessage(String original) {
    String message = original == null ? "" : original;
    if (message.contains("nesting depth")) {
      return "JSON lồng nhau quá sâu (tối đa " + MAX_NESTING_DEPTH + " cấp).";
    }
    if (message.contains("String value length")) {
      return "Một chuỗi trong JSON dài quá " + MAX_STRING_LENGTH + " ký tự.";
    }
    if (message.contains("Number value length")) {
      return "Một số trong JSON dài quá " + MAX_NUMBER_LENGTH + " chữ số.";
    }
    return "Nội dung JSON vượt giới hạn cho phép.";
  }

  /**
   * Jackson's messages may quote the input over several lines and name its own classes; the first line, without
   * a "(bound as `com.fasterxml...`)" tail, says what is wrong.
   */
  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    int bound = line.indexOf(" (bound as");
    return bound < 0 ? line : line.substring(0, bound);
  }
}
