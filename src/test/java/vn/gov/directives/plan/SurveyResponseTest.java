package vn.gov.directives.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyResponseTest {

  private static Map<String, Object> answer() {
    Map<String, Object> values = new HashMap<>();
    values.put("computers", 120L);
    values.put("servers", 4.0); // Tasklist may send numbers as doubles
    values.put("network", "  LAN, cáp quang  ");
    values.put("itStaff", 2);
    values.put("eOffice", "yes");
    values.put("signedShare", 65L);
    values.put("onlineServices", 12L);
    values.put("serviceQuality", "Ổn định");
    values.put("proposals", null);
    return values;
  }

  @Test
  void keepsAValidAnswer() {
    SurveyResponse response = SurveyResponse.from("SYT", "syt-cv", Instant.EPOCH, answer());
    assertThat(response.servers()).isEqualTo(4);
    assertThat(response.eOffice()).isTrue();
    assertThat(response.network()).isEqualTo("LAN, cáp quang");
    assertThat(response.proposals()).isEmpty();
  }

  @Test
  void refusesOutOfRangeAndMissingValuesNamingEachField() {
    Map<String, Object> values = answer();
    values.put("signedShare", 120L);
    values.put("computers", -1L);
    values.put("itStaff", 1.5);
    values.put("eOffice", "maybe");
    values.remove("serviceQuality");
    var error = catchThrowableOfType(PlanRequest.InvalidRequestException.class,
        () -> SurveyResponse.from("SYT", "syt-cv", Instant.EPOCH, values));
    assertThat(error.errors()).hasSize(5)
        .anyMatch(e -> e.startsWith("Tỷ lệ văn bản đi được ký số (%) phải là số nguyên từ 0 đến 100"))
        .anyMatch(e -> e.startsWith("Số máy tính phải là số nguyên"))
        .anyMatch(e -> e.startsWith("Số cán bộ chuyên trách CNTT phải là số nguyên"))
        .anyMatch(e -> e.contains("Văn phòng điện tử"))
        .anyMatch(e -> e.startsWith("Đánh giá chất lượng, hiệu quả không được để trống"));
  }
}
