package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  @Test
  void htmlTagsLinksAndEmphasisAreEscapedSoTheFormShowsThemLiterally() {
    assertThat(MarkdownText.escape("<b>đậm</b> <script>x</script>"))
        .isEqualTo("\\<b\\>đậm\\</b\\> \\<script\\>x\\</script\\>");
    assertThat(MarkdownText.escape("[tải](javascript:x) **đậm** &amp; ~~gạch~~"))
        .isEqualTo("\\[tải\\]\\(javascript:x\\) \\*\\*đậm\\*\\* \\&amp; \\~\\~gạch\\~\\~");
  }

  @Test
  void plainVietnameseTextIsUnchangedAndNullIsEmpty() {
    assertThat(MarkdownText.escape("Rà soát hạ tầng mạng, 2019.")).isEqualTo("Rà soát hạ tầng mạng, 2019.");
    assertThat(MarkdownText.escape(null)).isEmpty();
  }
}
