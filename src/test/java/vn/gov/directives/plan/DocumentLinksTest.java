package vn.gov.directives.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.directives.document.IssuedDocument;

class DocumentLinksTest {

  @Test
  void listsEachDocumentWithBothDownloads() {
    String markdown = DocumentLinks.markdown(List.of(
        new IssuedDocument("a1", "pi", "TO_TRINH", "01/TTr-STTTT", "Tờ trình về việc phê duyệt Kế hoạch", LocalDate.EPOCH),
        new IssuedDocument("b2", "pi", "KE_HOACH", null, "Kế hoạch ứng dụng CNTT năm 2019", LocalDate.EPOCH)));
    assertThat(markdown).isEqualTo(
        "- Tờ trình về việc phê duyệt Kế hoạch (số 01/TTr-STTTT): [DOCX](/api/documents/a1/docx) · [PDF](/api/documents/a1/pdf)\n"
        + "- Kế hoạch ứng dụng CNTT năm 2019 (dự thảo): [DOCX](/api/documents/b2/docx) · [PDF](/api/documents/b2/pdf)");
  }

  @Test
  void userTextCannotBecomeALink() {
    String markdown = DocumentLinks.markdown(List.of(
        new IssuedDocument("a1", "pi", "KE_HOACH", null, "Kế hoạch [bấm](http://x) *đậm*", LocalDate.EPOCH)));
    assertThat(markdown).startsWith("- Kế hoạch \\[bấm\\]\\(http://x\\) \\*đậm\\* (dự thảo)");
  }

  @Test
  void saysSoWhenThereIsNothingYet() {
    assertThat(DocumentLinks.markdown(List.of())).isEqualTo(DocumentLinks.NONE);
  }

  @Test
  void moneyIsWrittenTheVietnameseWay() {
    assertThat(PlanValues.money(12_500_000_000L)).isEqualTo("12.500.000.000 đồng");
    assertThat(PlanValues.money(0)).isEqualTo("0 đồng");
  }
}
