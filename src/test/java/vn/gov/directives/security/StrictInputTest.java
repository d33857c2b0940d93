package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plain checks behind the API's hostile-input answers, without the application. */
class StrictInputTest {

  @Test
  void utf8_isDecodedStrictly_aBadByteIsRefusedWithItsPosition() {
    assertThat(StrictJson.utf8("Bình Định".getBytes(StandardCharsets.UTF_8))).isEqualTo("Bình Định");
    assertThatThrownBy(() -> StrictJson.utf8(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28}))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("UTF-8").hasMessageContaining("vị trí 2");
    // an overlong '/' (the classic "..%c0%af" traversal) is not UTF-8 either
    assertThatThrownBy(() -> StrictJson.utf8(new byte[] {'.', '.', (byte) 0xC0, (byte) 0xAF}))
        .isInstanceOf(RejectedInputException.class);
  }

  @Test
  void json_limitsDepthAndSizes_refusesDuplicatesTrailingDataAndUnknownFields_inVietnamese() {
    assertThat(StrictJson.read("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}").isObject()).isTrue();
    assertThatThrownBy(() -> StrictJson.read("[".repeat(33) + "]".repeat(33)))
        .hasMessage("JSON lồng nhau quá sâu (tối đa 32 cấp).");
    assertThatThrownBy(() -> StrictJson.read("{\"n\":" + "1".repeat(51) + "}"))
        .hasMessage("Một số trong JSON dài quá 50 chữ số.");
    assertThatThrownBy(() -> StrictJson.read("{\"s\":\"" + "x".repeat(100_001) + "\"}"))
        .hasMessage("Một chuỗi trong JSON dài quá 100000 ký tự.");
    assertThatThrownBy(() -> StrictJson.read("{\"a\":1,\"a\":2}")).hasMessageStartingWith("Khóa JSON bị lặp: 'a'");
    assertThatThrownBy(() -> StrictJson.read("{} {}")).hasMessageContaining("có nội dung thừa")
        .hasMessageNotContaining("com.fasterxml");
    assertThatThrownBy(() -> StrictJson.object("{\"deadline\":\"x\",\"deadLine\":\"y\"}".getBytes(StandardCharsets.UTF_8),
        Set.of("deadline"))).isInstanceOf(RejectedInputException.class)
        .hasMessage("Trường không được hỗ trợ: 'deadLine' (các trường hợp lệ: deadline).");
    assertThatThrownBy(() -> StrictJson.object("[]".getBytes(StandardCharsets.UTF_8), Set.of("deadline")))
        .hasMessageContaining("đối tượng JSON");
  }

  @Test
  void text_refusesControlsBidiOverridesAndLoneSurrogates_linesOnlyWhereAllowed() {
    assertThat(SafeText.problem("Sở TT&TT — mục 3 ${x} <b> 😀", false)).isEmpty();
    assertThat(SafeText.problem("dòng 1\ndòng 2\tcột", true)).isEmpty();
    assertThat(SafeText.problem("dòng 1\ndòng 2", false)).get().asString().contains("không được xuống dòng");
    assertThat(SafeText.problem("a\u0000b", true)).get().asString().contains("U+0000").contains("vị trí 2");
    assertThat(SafeText.problem("\u001b[2J", true)).get().asString().contains("U+001B");
    assertThat(SafeText.problem("x\u0085", true)).get().asString().contains("U+0085");
    assertThat(SafeText.problem("abc\u202Edef", false)).get().asString().contains("đổi chiều");
    assertThat(SafeText.problem("a\uD800b", false)).get().asString().contains("U+D800");
    assertThat(SafeText.problem("a\uDC00", false)).get().asString().contains("U+DC00");
  }

  @Test
  void onlyTaskCompletionsAreConflictCandidates() {
    assertThat(TaskConflictResponseFilter.COMPLETION.matcher("task/abc-1/submit-form").matches()).isTrue();
    assertThat(TaskConflictResponseFilter.COMPLETION.matcher("/task/abc-1/complete").matches()).isTrue();
    assertThat(TaskConflictResponseFilter.COMPLETION.matcher("task/abc-1/claim").matches()).isFalse();
    assertThat(TaskConflictResponseFilter.COMPLETION.matcher("process-definition/x/submit-form").matches()).isFalse();
  }
}
