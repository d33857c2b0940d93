package vn.gov.directives.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureRulesTest {

  private static DocumentLayout.Signature sign(vn.gov.directives.organization.Agency agency, Map<String, Object> values) {
    return SignatureRules.derive(agency, TemplateValues.root(values, "t"), false);
  }

  @Test
  void departmentHeadSignsInHisOwnNameAndADeputySignsKt() {
    assertThat(sign(DocumentFixtures.STTTT, Map.of("signerName", "Trần Văn A", "signerTitle", "Giám đốc",
        "signerDeputy", false)).authorityLines()).containsExactly("GIÁM ĐỐC");
    assertThat(sign(DocumentFixtures.STTTT, Map.of("signerName", "Trần Văn A", "signerTitle", "Phó Giám đốc",
        "signerDeputy", true)).authorityLines()).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
  }

  @Test
  void committeeSignsTmForTheChairmanAndKtForAVice() {
    assertThat(sign(DocumentFixtures.UBND, Map.of("signerName", "Hồ Quốc Dũng", "signerTitle", "Chủ tịch",
        "signerDeputy", false)).authorityLines()).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    assertThat(sign(DocumentFixtures.UBND, Map.of("signerName", "Nguyễn Phi Long",
        "signerTitle", "Phó Chủ tịch UBND tỉnh", "signerDeputy", "true")).authorityLines())
        .containsExactly("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
  }

  @Test
  void numbersTakeTwoDigitsAndLegalNormativeDecisionsTheYear() {
    assertThat(DocumentNumbers.format(1, 2019, false, "TTr-STTTT")).isEqualTo("01/TTr-STTTT");
    assertThat(DocumentNumbers.format(10, 2019, false, "TTr-STTTT")).isEqualTo("10/TTr-STTTT");
    assertThat(DocumentNumbers.format(123, 2019, false, "QĐ-UBND")).isEqualTo("123/QĐ-UBND");
    assertThat(DocumentNumbers.format(5, 2019, true, "QĐ-UBND")).isEqualTo("05/2019/QĐ-UBND");
    assertThat(DocumentType.CONG_VAN.symbol("UBND")).isEqualTo("UBND");
    assertThat(DocumentType.KE_HOACH.symbol("STTTT")).isEqualTo("KH-STTTT");
    assertThat(DocumentType.QUY_DINH.abbreviation()).isEqualTo("QyĐ");
  }

  @Test
  void moneyAndDatesPrintTheVietnameseWay() {
    TemplateValues values = TemplateValues.root(Map.of("budget", 1_250_000_000L, "day", LocalDate.of(2019, 3, 2)), "t");
    assertThat(values.substitute("{{budget|money}}; {{day}}; {{day|longdate}}", "test"))
        .isEqualTo("1.250.000.000 đồng; 02/03/2019; ngày 02 tháng 3 năm 2019");
    assertThat(TemplateValues.root(Map.of("y", 2019), "t").substitute("năm {{y}}", "test")).isEqualTo("năm 2019");
  }
}
