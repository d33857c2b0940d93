package vn.gov.directives.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import vn.gov.directives.document.DocumentLayout.Block;
import vn.gov.directives.document.DocumentLayout.Paragraph;
import vn.gov.directives.document.DocumentLayout.Table;

/**
 * The frozen content of an issued document: its {@link DocumentLayout} as UTF-8 JSON, stored at issue so that the PDF
 * can be typeset later (on first download) exactly as issued, without the template, which may have changed since.
 *
 * <p>The form is stable: named fields in the records' order, blocks tagged {@code "kind": "paragraph" | "table"},
 * enums by name, and a {@link #VERSION} stored beside the JSON. A stored form must stay readable for as long as the
 * document is kept: a change to {@code DocumentLayout} that older JSON cannot be read into needs a new version and a
 * reader for the old one here. An unknown field is refused rather than dropped, so no frozen text is silently lost.
 */
public final class DocumentLayoutJson {

  /** The version of the form written by {@link #write}; stored with it (document_layout.layout_version). */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addMixIn(Block.class, BlockKind.class)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  /** The tag that tells a paragraph from a table in a body, without Jackson annotations on the layout itself. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
      @JsonSubTypes.Type(value = Table.class, name = "table")})
  private interface BlockKind {}

  private DocumentLayoutJson() {}

  public static byte[] write(DocumentLayout layout) {
    try {
      return MAPPER.writeValueAsBytes(layout);
    } catch (JsonProcessingException e) {
      throw new DocumentException("Không lưu được nội dung văn bản (the document layout cannot be serialised: "
          + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * @param version the version stored with the JSON
   * @throws DocumentException when the version is not one this code reads or the JSON is not a layout
   */
  public static DocumentLayout read(byte[] json, int version) {
    if (version != VERSION) {
      throw new DocumentException("Nội dung văn bản được lưu theo phiên bản " + version
          + " mà phiên bản phần mềm này không đọc được (stored layout version " + version + ", this code reads "
          + VERSION + ")");
    }
    try {
      DocumentLayout layout = MAPPER.readValue(json, DocumentLayout.class);
      if (layout == null) {
        throw new DocumentException("Nội dung văn bản được lưu bị trống (the stored layout is null)");
      }
      return layout;
    } catch (IOException e) {
      throw new DocumentException("Nội dung văn bản được lưu bị hỏng, không đọc được (the stored layout is not a "
          + "readable DocumentLayout: " + (e instanceof JsonProcessingException parse ? parse.getOriginalMessage()
          : e.getMessage()) + ")", e);
    }
  }
}
