package vn.gov.directives.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled Liberation Serif (SIL OFL, Times New Roman metrics, full Vietnamese coverage): bytes for embedding in
 * PDFs and metrics for sizing the short rules of the header.
 */
final class DocumentFonts {

  static final String FAMILY = "Liberation Serif";
  /** What Decree 30 names; Liberation Serif has the same metrics, so a DOCX laid out for one fits the other. */
  static final String DOCX_FAMILY = "Times New Roman";

  enum Face {
    REGULAR("LiberationSerif-Regular.ttf"),
    BOLD("LiberationSerif-Bold.ttf"),
    ITALIC("LiberationSerif-Italic.ttf"),
    BOLD_ITALIC("LiberationSerif-BoldItalic.ttf");

    final String file;

    Face(String file) {
      this.file = file;
    }
  }

  private static final byte[][] BYTES = new byte[Face.values().length][];
  private static final TrueTypeFont[] FONTS = new TrueTypeFont[Face.values().length];
  private static final CmapLookup[] CMAPS = new CmapLookup[Face.values().length];

  private DocumentFonts() {}

  /** Fails when a bundled font file is missing, without reading or parsing it (parsing waits for a document). */
  static void checkBundled() {
    for (Face face : Face.values()) {
      if (DocumentFonts.class.getClassLoader().getResource("fonts/" + face.file) == null) {
        throw new IllegalStateException("Bundled font missing from the classpath: fonts/" + face.file);
      }
    }
  }

  static synchronized byte[] bytes(Face face) {
    if (BYTES[face.ordinal()] == null) {
      try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream("fonts/" + face.file)) {
        if (in == null) {
          throw new IllegalStateException("Bundled font missing from the classpath: fonts/" + face.file);
        }
        BYTES[face.ordinal()] = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return BYTES[face.ordinal()];
  }

  private static synchronized TrueTypeFont font(Face face) {
    if (FONTS[face.ordinal()] == null) {
      try {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes(face)));
        FONTS[face.ordinal()] = font;
        CMAPS[face.ordinal()] = font.getUnicodeCmapLookup();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return FONTS[face.ordinal()];
  }

  /** Width of a single line of text in points. */
  static synchronized float width(String text, Face face, float sizePt) {
    TrueTypeFont font = font(face);
    CmapLookup cmap = CMAPS[face.ordinal()];
    try {
      float units = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        units += font.getAdvanceWidth(cmap.getGlyphId(cp));
        i += Character.charCount(cp);
      }
      return units * sizePt / font.getUnitsPerEm();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Width of the header's left column in mm: the right column is as narrow as the national title allows (plus a
   * little air), so that a long agency name such as "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" keeps to one line.
   */
  static float headerLeftMm(float textWidthMm) {
    float national = width(DocumentLayout.NATIONAL_TITLE, Face.BOLD, 12) * 25.4f / 72f;
    return textWidthMm - (national + 3f);
  }

  /**
   * Refuses text the font cannot print (emoji, CJK ...): a document must never show a missing glyph or fall back to
   * another font.
   */
  static synchronized void checkPrintable(String text) {
    font(Face.REGULAR);
    for (Face face : Face.values()) {
      font(face);
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || cp == ' ') {
        continue;
      }
      for (Face face : Face.values()) {
        if (CMAPS[face.ordinal()].getGlyphId(cp) == 0) {
          throw new DocumentException("Ký tự không in được bằng phông " + FAMILY + ": '" + new String(Character.toChars(cp))
              + "' (U+" + String.format("%04X", cp) + "); hãy bỏ ký tự này khỏi nội dung (character not in the font)");
        }
      }
    }
  }
}
