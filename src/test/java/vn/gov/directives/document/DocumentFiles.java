package vn.gov.directives.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Reads generated files back the way a user's software would: PDFBox for PDF, POI for DOCX. */
final class DocumentFiles {

  private DocumentFiles() {}

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static List<String> pdfPageTexts(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(doc));
      }
      return pages;
    }
  }

  /** Every font of every page (and of form XObjects): name and whether it is embedded. */
  static List<String> pdfFonts(byte[] pdf) throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        collect(page.getResources(), fonts);
      }
    }
    return fonts;
  }

  private static void collect(PDResources resources, List<String> fonts) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      fonts.add(font.getName() + (font.isEmbedded() ? "" : " (NOT EMBEDDED)"));
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
        collect(form.getResources(), fonts);
      }
    }
  }

  /**
   * What a reader sees of a PDF, page by page: its content stream and the embedded font subsets. The file's ID and
   * dates, which differ from one rendering to the next, are left out.
   */
  static List<String> pagesAndFonts(byte[] pdf) throws IOException {
    List<String> parts = new java.util.ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        try (var contents = page.getContents()) {
          parts.add(java.util.HexFormat.of().formatHex(contents.readAllBytes()));
        }
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          var descriptor = font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0
              ? type0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
          parts.add(name.getName() + " " + font.getName());
          try (var program = descriptor.getFontFile2().createInputStream()) {
            parts.add(java.util.HexFormat.of().formatHex(program.readAllBytes()));
          }
        }
      }
    }
    return parts;
  }

  static XWPFDocument docx(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  static String docxText(byte[] bytes) throws IOException {
    try (XWPFDocument doc = docx(bytes); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  /** Collapses whitespace so that text wrapped over lines compares with the input. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
