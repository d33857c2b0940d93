package vn.gov.directives.document;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RenderPreviewTest {
  @Test
  void preview() throws Exception {
    TemplateLibrary lib = new TemplateLibrary(null);
    DocumentComposer composer = new DocumentComposer();
    Path dir = Path.of("target/preview");
    Files.createDirectories(dir);
    var l = composer.compose(lib.load("to-trinh-ke-hoach"), DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019, 1, DocumentFixtures.toTrinh());
    Files.write(dir.resolve("tt.pdf"), new PdfRenderer().render(l));
    Files.writeString(dir.resolve("tt.html"), new PdfRenderer().html(l));
    Files.write(dir.resolve("tt.docx"), new DocxRenderer().render(l));
    l = composer.compose(lib.load("quyet-dinh-phe-duyet-ke-hoach"), DocumentFixtures.UBND, DocumentFixtures.JAN_05_2019, 5, DocumentFixtures.quyetDinh());
    Files.write(dir.resolve("qd.pdf"), new PdfRenderer().render(l));
    l = composer.compose(lib.load("bao-cao-ket-qua-ra-soat"), DocumentFixtures.STTTT, DocumentFixtures.JAN_05_2019, null, DocumentFixtures.baoCao());
    Files.write(dir.resolve("bc.pdf"), new PdfRenderer().render(l));
    l = composer.compose(lib.load("phieu-trinh"), DocumentFixtures.VPUBND, DocumentFixtures.JAN_05_2019, null, DocumentFixtures.phieuTrinh());
    Files.write(dir.resolve("pt.pdf"), new PdfRenderer().render(l));
  }
}
