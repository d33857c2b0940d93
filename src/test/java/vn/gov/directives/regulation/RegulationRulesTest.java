package vn.gov.directives.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.directives.organization.CommitteeMember;
import vn.gov.directives.organization.OrganizationLoader;

/** The plain rules of regulation drafting, without the engine. */
class RegulationRulesTest {

  static final List<CommitteeMember> FIVE = List.of(member("a"), member("b"), member("c"), member("d"), member("e"));

  @Test
  void vote_moreThanHalfOfAllMembers_silentDeemedToAgree() {
    VoteTally tally = VoteTally.count(FIVE, Map.of("a", agree("a"), "b", agree("b"),
        "c", new MemberVote("c", MemberVote.Choice.DISAGREE, "Chưa đủ kinh phí.")), true);
    assertThat(tally.agreeing()).isEqualTo(4);
    assertThat(tally.adopted()).isTrue();
    assertThat(tally.summary()).isEqualTo("4/5 thành viên đồng ý (trong đó 2 thành viên không gửi phiếu, được coi "
        + "là đồng ý); 1 không đồng ý; 0 ý kiến khác");
    assertThat(tally.rows().get(3)).containsEntry("vote", "Không gửi phiếu trong thời hạn, được coi là đồng ý");
  }

  @Test
  void vote_silentNotCounted_whenConfigured_andHalfIsNotAMajority() {
    VoteTally silentNotCounted = VoteTally.count(FIVE, Map.of("a", agree("a"), "b", agree("b")), false);
    assertThat(silentNotCounted.agreeing()).isEqualTo(2);
    assertThat(silentNotCounted.adopted()).isFalse();
    assertThat(silentNotCounted.summary()).contains("2/5 thành viên đồng ý; 3 thành viên không gửi phiếu");
    List<CommitteeMember> six = List.of(member("a"), member("b"), member("c"), member("d"), member("e"), member("f"));
    Map<String, MemberVote> three = Map.of("a", agree("a"), "b", agree("b"), "c", agree("c"),
        "d", new MemberVote("d", MemberVote.Choice.OTHER, "x"), "e", new MemberVote("e", MemberVote.Choice.OTHER, "x"),
        "f", new MemberVote("f", MemberVote.Choice.DISAGREE, "x"));
    assertThat(VoteTally.count(six, three, true).adopted()).as("3 of 6 is not more than half").isFalse();
    assertThat(VoteTally.count(List.of(), Map.of(), true).adopted()).isFalse();
  }

  @Test
  void answers_everyCommentAcceptedOrExplained_agreementsNeedNone() {
    List<Opinion> opinions = List.of(opinion("1", Opinion.Kind.AGREE), opinion("2", Opinion.Kind.COMMENT),
        opinion("3", Opinion.Kind.DEEMED), opinion("4", Opinion.Kind.PUBLIC));
    List<OpinionAnswers.Given> given = OpinionAnswers.parse(
        "2 | Tiếp thu | Đã sửa Điều 3.\n\n4|giai trinh|Đã có tại Điều 9.", opinions);
    assertThat(given).containsExactly(new OpinionAnswers.Given("2", Opinion.Answer.ACCEPTED, "Đã sửa Điều 3."),
        new OpinionAnswers.Given("4", Opinion.Answer.EXPLAINED, "Đã có tại Điều 9."));
    assertThatThrownBy(() -> OpinionAnswers.parse("2 | tiếp thu | a\n2 | giải trình | b\n7 | tiếp thu | c\nx | y",
        opinions))
        .hasMessageContaining("Dòng 2").hasMessageContaining("đã được trả lời")
        .hasMessageContaining("không có ý kiến số 7").hasMessageContaining("Dòng 4")
        .hasMessageContaining("Chưa tiếp thu hoặc giải trình ý kiến số 4.");
  }

  @Test
  void table_deemedAgreementSaysSo() {
    Opinion deemed = opinion("3", Opinion.Kind.DEEMED);
    assertThat(ConsultationTable.rows(List.of(deemed), "10/01/2019").get(0))
        .containsEntry("opinion", "Không có ý kiến khi hết thời hạn góp ý (10/01/2019); được coi là thống nhất với dự thảo.")
        .containsEntry("answer", "Không có ý kiến khác.");
    assertThat(ConsultationTable.summary(List.of())).isEqualTo("Không có ý kiến góp ý.");
  }

  @Test
  void draft_directiveIsNeverLegalNormative_unknownAgenciesNamed() {
    Set<String> known = Set.of("STTTT", "SNV", "STP");
    assertThatThrownBy(() -> RegulationDraft.check(RegulationKind.DIRECTIVE, "legal-normative", "Chỉ thị về x", "a",
        "b", "SNV", "STTTT", known::contains)).hasMessageContaining("Chỉ thị không phải là văn bản quy phạm pháp luật");
    assertThatThrownBy(() -> RegulationDraft.check(RegulationKind.REGULATION, "other", " ", null, "b", "snv, ABC",
        "STTTT", known::contains))
        .hasMessageContaining("Hình thức ban hành 'other' không hợp lệ").hasMessageContaining("Tên Quy chế")
        .hasMessageContaining("Nội dung dự thảo").hasMessageContaining("'ABC'");
    RegulationDraft draft = RegulationDraft.check(RegulationKind.REGULATION, "legal-normative", " Quy chế x ", "a",
        "b", "snv; STP,STTTT snv", "STTTT", known::contains);
    assertThat(draft.route()).isEqualTo(IssuingRoute.LEGAL_NORMATIVE);
    assertThat(draft.title()).isEqualTo("Quy chế x");
    assertThat(draft.consulted()).as("lead left out, duplicates once").containsExactly("SNV", "STP");
    assertThat(RegulationKind.REGULATION.template(IssuingRoute.LEGAL_NORMATIVE))
        .isEqualTo("quyet-dinh-ban-hanh-quy-che-qppl");
    assertThat(RegulationKind.DIRECTIVE.template(IssuingRoute.ADMINISTRATIVE)).isEqualTo("chi-thi");
  }

  @Test
  void publicComments_oneALine_authorAndText() {
    assertThat(PublicComments.parse(" \nÔng A | Ý kiến 1\nCông ty B|Ý kiến 2 | có dấu |\n")).containsExactly(
        new PublicComments.Comment("Ông A", "Ý kiến 1"), new PublicComments.Comment("Công ty B", "Ý kiến 2 | có dấu |"));
    assertThat(PublicComments.parse(null)).isEmpty();
    assertThatThrownBy(() -> PublicComments.parse("Ông A\n | chỉ nội dung")).hasMessageContaining("Dòng 1")
        .hasMessageContaining("Dòng 2");
  }

  @Test
  void organisation_committeeMembersAreConfiguration() {
    var organization = OrganizationLoader.loadBundled();
    assertThat(organization.committeeMembers()).extracting(CommitteeMember::userId)
        .containsExactly("ubnd-ld", "snv-ld", "stp-ld", "skhdt-ld", "stc-ld");
    String yaml = """
        province: {name: Bình Định, place: Bình Định}
        committee: UBND
        reviewOffice: UBND
        itLeader: u1
        agencies:
          - {code: UBND, name: Ủy ban nhân dân tỉnh, shortName: UBND, symbol: UBND, kind: COMMITTEE}
        leaders:
          UBND:
            - {name: A, title: Chủ tịch, deputy: false, userId: u1}
        committeeMembers:
          - {userId: u1, name: A, title: Chủ tịch}
          - {userId: u1, name: A, title: Chủ tịch}
          - {userId: "bad id", name: B, title: Ủy viên}
          - {name: C, title: Ủy viên}
        """;
    assertThatThrownBy(() -> OrganizationLoader.load(
        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test.yaml"))
        .hasMessageContaining("committeeMembers[1]").hasMessageContaining("committeeMembers[2]")
        .hasMessageContaining("committeeMembers[3]");
  }

  private static CommitteeMember member(String id) {
    return new CommitteeMember(id, "Thành viên " + id, "Ủy viên");
  }

  private static MemberVote agree(String id) {
    return new MemberVote(id, MemberVote.Choice.AGREE, null);
  }

  private static Opinion opinion(String id, Opinion.Kind kind) {
    return new Opinion(id, 0, Integer.parseInt(id), kind, "C" + id, "Cơ quan " + id, "Góp ý " + id, null, null,
        Instant.EPOCH);
  }
}
