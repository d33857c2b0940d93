package vn.gov.directives.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanRequestTest {

  private static final Set<String> AGENCIES = Set.of("SYT", "SGDDT", "QUYNHON");
  private static final LocalDate TODAY = LocalDate.of(2018, 12, 27);

  private static Map<String, Object> form() {
    Map<String, Object> values = new HashMap<>();
    values.put("planTitle", "Kế hoạch ứng dụng CNTT năm 2019");
    values.put("planYear", 2019L);
    values.put("noticeNumber", "295/TB-UBND");
    values.put("noticeDate", "2018-12-26");
    values.put("planDeadline", "2019-01-25");
    values.put("legalBases", "- Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;\n\nThông báo số 295/TB-UBND.");
    values.put("surveyScope", "list");
    values.put("surveyAgencyCodes", "syt; SGDDT  QUYNHON, SYT");
    values.put("surveyDueDate", "2019-01-08");
    return values;
  }

  @Test
  void readsTheStartFormAndNormalisesCodesAndLegalBases() {
    PlanRequest request = PlanRequest.from(form(), AGENCIES::contains, TODAY);
    assertThat(request.planYear()).isEqualTo(2019);
    assertThat(request.surveyAll()).isFalse();
    assertThat(request.surveyAgencyCodes()).containsExactly("SYT", "SGDDT", "QUYNHON");
    assertThat(request.legalBases())
        .containsExactly("Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006", "Thông báo số 295/TB-UBND");
    assertThat(request.planDeadline()).isEqualTo(LocalDate.of(2019, 1, 25));
  }

  @Test
  void allAgenciesIsTheDefaultScopeAndTheSurveyDateIsOptional() {
    Map<String, Object> values = form();
    values.remove("surveyScope");
    values.remove("surveyDueDate");
    PlanRequest request = PlanRequest.from(values, AGENCIES::contains, TODAY);
    assertThat(request.surveyAll()).isTrue();
    assertThat(request.surveyDueDate()).isNull();
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Map<String, Object> values = form();
    values.put("planTitle", " ");
    values.put("planYear", 19.5);
    values.put("planDeadline", "2018-12-01");
    values.put("surveyDueDate", "2019-02-30");
    values.put("surveyAgencyCodes", "SYT, XYZ");
    values.put("legalBases", "\n");
    PlanRequest.InvalidRequestException error = catchThrowableOfType(PlanRequest.InvalidRequestException.class,
        () -> PlanRequest.from(values, AGENCIES::contains, TODAY));
    List<String> errors = error.errors();
    assertThat(errors).anyMatch(e -> e.startsWith("Tên Kế hoạch không được để trống"))
        .anyMatch(e -> e.contains("Năm kế hoạch phải là một năm"))
        .anyMatch(e -> e.contains("không được trước ngày thông báo (2018-12-26)"))
        .anyMatch(e -> e.contains("'2019-02-30'"))
        .anyMatch(e -> e.contains("XYZ"))
        .anyMatch(e -> e.contains("căn cứ pháp lý"))
        .hasSize(6);
  }

  @Test
  void surveyMustCloseBeforeTheDeadlineAndNotInThePast() {
    Map<String, Object> late = form();
    late.put("surveyDueDate", "2019-02-01");
    assertThat(catchThrowableOfType(PlanRequest.InvalidRequestException.class,
        () -> PlanRequest.from(late, AGENCIES::contains, TODAY)).errors())
        .containsExactly("Hạn gửi báo cáo thực trạng (2019-02-01) không được sau hạn trình UBND tỉnh (2019-01-25).");
    Map<String, Object> past = form();
    past.put("surveyDueDate", "2018-12-26");
    assertThat(catchThrowableOfType(PlanRequest.InvalidRequestException.class,
        () -> PlanRequest.from(past, AGENCIES::contains, TODAY)).errors())
        .containsExactly("Hạn gửi báo cáo thực trạng (2018-12-26) đã qua.");
  }
}
