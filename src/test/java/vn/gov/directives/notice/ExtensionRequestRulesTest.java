package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionRequestRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2018, 12, 27);

  @Test
  void theLeadsOwnOpenAssignmentIsFound() {
    ExtensionRequestRules.Outcome outcome = ExtensionRequestRules.check("20/TB-UBND", "1", "Chờ số liệu",
        "31/01/2019", Set.of("STTTT"), List.of(lead("1", "SNV", TrackedLead.IN_PROGRESS, false),
            lead("1", "STTTT", TrackedLead.IN_PROGRESS, false)), TODAY);
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.lead().leadCode()).isEqualTo("STTTT");
    assertThat(outcome.proposed()).isEqualTo(LocalDate.of(2019, 1, 31));
  }

  @Test
  void everyProblemIsListed() {
    assertThat(ExtensionRequestRules.check("", " ", "", "30/02/2019", Set.of(), List.of(), TODAY).problems())
        .containsExactly("Phải nhập số thông báo.", "Phải nhập mục (mã nhiệm vụ) của thông báo.",
            "Phải nêu lý do đề nghị gia hạn.",
            "Thời hạn đề nghị không hợp lệ: '30/02/2019' (định dạng dd/mm/yyyy, ngày phải có thật).",
            "Người dùng không thuộc nhóm của cơ quan nào nên không thể đề nghị gia hạn.");
  }

  @Test
  void onlyTheLeadOfAnOpenDatedAssignmentMayAskForALaterDate() {
    List<TrackedLead> leads = List.of(lead("1", "STTTT", TrackedLead.IN_PROGRESS, false));
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "1", "x", "31/01/2019", Set.of("SNV"), leads, TODAY)
        .problems()).singleElement().asString().contains("không chủ trì nhiệm vụ mục 1", "(STTTT)");
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "9", "x", "31/01/2019", Set.of("STTTT"), leads, TODAY)
        .problems()).containsExactly("Thông báo số 20/TB-UBND không có nhiệm vụ mục 9.");
    assertThat(ExtensionRequestRules.check("21/TB-UBND", "1", "x", "31/01/2019", Set.of("STTTT"), List.of(), TODAY)
        .problems()).containsExactly("Không có thông báo số 21/TB-UBND đã đăng ký.");
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "1", "x", "10/01/2019", Set.of("STTTT"), leads, TODAY)
        .problems()).containsExactly("Thời hạn đề nghị 10/01/2019 phải sau thời hạn hiện tại 15/01/2019.");
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "1", "x", "2019-01-31", Set.of("STTTT"),
        List.of(lead("1", "STTTT", TrackedLead.COMPLETED, false)), TODAY).problems())
        .containsExactly("Nhiệm vụ mục 1 của thông báo số 20/TB-UBND đã hoàn thành, không thể gia hạn.");
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "1", "x", "31/01/2019", Set.of("STTTT"),
        List.of(lead("1", "STTTT", TrackedLead.IN_PROGRESS, true)), TODAY).problems())
        .containsExactly("Nhiệm vụ mục 1 của thông báo số 20/TB-UBND đang có đề nghị gia hạn chờ Văn phòng UBND tỉnh "
            + "xem xét.");
  }

  @Test
  void anOverdueAssignmentCannotBeExtendedIntoThePast() {
    assertThat(ExtensionRequestRules.newDeadlineProblems(LocalDate.of(2019, 1, 20), LocalDate.of(2019, 1, 15),
        LocalDate.of(2019, 1, 25), "Thời hạn mới"))
        .containsExactly("Thời hạn mới 20/01/2019 đã qua (hôm nay là 25/01/2019).");
    assertThatThrownBy(() -> ExtensionRequestRules.parseDate("", "Thời hạn mới"))
        .hasMessage("Phải nhập thời hạn mới (dd/mm/yyyy).");
    assertThat(ExtensionRequestRules.parseDate(" 5/1/2019 ", "x")).isEqualTo(LocalDate.of(2019, 1, 5));
  }

  private static TrackedLead lead(String code, String agency, String status, boolean requested) {
    LocalDate due = LocalDate.of(2019, 1, 15);
    return new TrackedLead(agency + code, "n1", "20/TB-UBND", LocalDate.of(2018, 12, 26), code, AssignmentKind.GENERAL,
        "Rà soát", false, due, List.of(), agency, "pi", due, Instant.parse("2019-01-15T10:00:00Z"), status, null,
        requested);
  }
}
