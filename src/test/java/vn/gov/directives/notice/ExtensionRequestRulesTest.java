package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.directives.organization.Leader;

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
        .containsExactly("Nhiệm vụ mục 1 của thông báo số 20/TB-UBND đang có đề nghị gia hạn chờ xem xét (Văn phòng "
            + "UBND tỉnh hoặc lãnh đạo UBND tỉnh); chỉ gửi đề nghị mới khi đề nghị này đã được quyết định.");
    assertThat(ExtensionRequestRules.check("20/TB-UBND", "1", "x", "2019-01-31", Set.of("STTTT"),
        List.of(lead("1", "STTTT", TrackedLead.REJECTED, false)), TODAY).problems())
        .containsExactly("Nhiệm vụ mục 1 của thông báo số 20/TB-UBND đã kết thúc (không được phê duyệt), không thể gia "
            + "hạn.");
  }

  @Test
  void onlyTheOfficeMayForward_everyDecisionNeedsItsText() {
    assertThat(ExtensionRequestRules.decisionProblems("forward", true, null, "15/01/2019", null, " ", TODAY))
        .containsExactly("Phải nêu ý kiến đề xuất của Văn phòng UBND tỉnh khi trình lãnh đạo UBND tỉnh quyết định.");
    assertThat(ExtensionRequestRules.decisionProblems("forward", true, null, "15/01/2019", null, "Đề nghị chấp thuận",
        TODAY)).isEmpty();
    assertThat(ExtensionRequestRules.decisionProblems("forward", false, null, "15/01/2019", null, "x", TODAY))
        .containsExactly("Phải chọn chấp thuận hoặc không chấp thuận gia hạn.");
    assertThat(ExtensionRequestRules.decisionProblems(null, true, null, "15/01/2019", null, null, TODAY))
        .containsExactly("Phải chọn chấp thuận, không chấp thuận hoặc trình lãnh đạo UBND tỉnh quyết định.");
    assertThat(ExtensionRequestRules.decisionProblems("refuse", false, null, "15/01/2019", "", null, TODAY))
        .containsExactly("Phải nêu lý do không chấp thuận gia hạn.");
    assertThat(ExtensionRequestRules.decisionProblems("grant", false, "15/01/2019", "15/01/2019", null, null, TODAY))
        .containsExactly("Thời hạn mới 15/01/2019 phải sau thời hạn hiện tại 15/01/2019.");
    assertThat(ExtensionRequestRules.decisionProblems("grant", true, "31/02/2019", "15/01/2019", null, null, TODAY))
        .singleElement().asString().contains("Thời hạn mới không hợp lệ: '31/02/2019'");
    assertThat(ExtensionRequestRules.decisionProblems("grant", false, "2019-01-31", "15/01/2019", null, null, TODAY))
        .isEmpty();
  }

  @Test
  void theSignerIsFoundByNameOrByTheSignatureBlockEndingWithIt() {
    List<Leader> leaders = List.of(new Leader("UBND", "ubnd-ct", "Hồ Quốc Dũng", "Chủ tịch", false),
        new Leader("UBND", null, "Trần Châu", "Phó Chủ tịch", true),
        new Leader("UBND", "ubnd-ld", "Nguyễn Phi Long", "Phó Chủ tịch", true));
    assertThat(NoticeSigners.match("Nguyễn Phi Long", leaders)).contains("ubnd-ld");
    assertThat(NoticeSigners.match("KT. CHỦ TỊCH, PHÓ CHỦ TỊCH  Nguyễn Phi Long ", leaders)).contains("ubnd-ld");
    assertThat(NoticeSigners.match("Hồ Quốc Dũng", leaders)).contains("ubnd-ct");
    // a leader without an account, a name that merely ends the same way, nothing at all: no account
    assertThat(NoticeSigners.match("Trần Châu", leaders)).isEmpty();
    assertThat(NoticeSigners.match("Nguyễn Văn Phi Long", leaders)).isEmpty();
    assertThat(NoticeSigners.match("", leaders)).isEmpty();
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
