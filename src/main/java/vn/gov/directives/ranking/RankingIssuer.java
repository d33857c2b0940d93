package vn.gov.directives.ranking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.plan.Signers;
import vn.gov.directives.ranking.RankingCriteria.Criterion;

/**
 * Bean {@code itRankingDocuments}: the ranking's documents — the draft results sent to the units (template
 * bao-cao-du-thao-xep-hang), the Tờ trình of Sở TT&TT (to-trinh-xep-hang) and the decision of UBND tỉnh whose
 * appendix is the ranking table per group (quyet-dinh-xep-hang) — and the texts the forms show.
 */
@Component("itRankingDocuments")
public class RankingIssuer {

  public static final String DRAFT_TEMPLATE = "bao-cao-du-thao-xep-hang";
  public static final String SUBMISSION_TEMPLATE = "to-trinh-xep-hang";
  public static final String DECISION_TEMPLATE = "quyet-dinh-xep-hang";

  private final RankingRepository rankings;
  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final Signers signers;
  private final DocumentLinks links;

  public RankingIssuer(RankingRepository rankings, DocumentService documents, OrganizationDirectory organization,
      Signers signers, DocumentLinks links) {
    this.rankings = rankings;
    this.documents = documents;
    this.organization = organization;
    this.signers = signers;
    this.links = links;
  }

  /** The draft results (unnumbered Báo cáo of Sở TT&TT) the units may object to. */
  public void draftResults(DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    values.put("objectionClosesAt", VietnamTime.toLocalDate((java.util.Date) execution.getVariable(
        RankingRounds.OBJECTION_CLOSES_AT)));
    documents.issue(new DocumentRequest(execution.getProcessInstanceId(), DRAFT_TEMPLATE, lead(execution), false,
        VietnamTime.today(), values));
  }

  /** "Ban hành Tờ trình": numbered, signed by the director who approved; prepares submission-review's inputs. */
  public void submission(DelegateExecution execution) {
    String lead = lead(execution);
    Map<String, Object> values = values(execution);
    values.put("rankingAssessment", text(execution, "rankingAssessment"));
    values.put("objectionLines", objectionLines(execution.getProcessInstanceId()));
    signers.putSignature(values, signers.signer(lead, emptyToNull(text(execution, "directorUserId"))));
    IssuedDocument submission = documents.issue(new DocumentRequest(execution.getProcessInstanceId(),
        SUBMISSION_TEMPLATE, lead, true, VietnamTime.today(), values));
    execution.setVariable("submissionDocumentId", submission.id());
    execution.setVariable("submissionNumber", submission.number());
    execution.setVariable("submissionDate", submission.issuedOn().toString());
    execution.setVariable("submissionDateText", VietnamTime.shortDate(submission.issuedOn()));
    execution.setVariable("dossierTitle", "Tờ trình về việc phê duyệt " + text(execution, "rankingTitle"));
    execution.setVariable("submittingAgency", lead);
    execution.setVariable("submittingAgencyName", organization.agency(lead).name());
    rankings.status(execution.getProcessInstanceId(), RankingRepository.RoundStatus.SUBMITTED);
    links.refresh(execution);
  }

  /** "Ban hành Quyết định công bố kết quả xếp hạng": numbered …/QĐ-UBND, the ranking table as appendix; published. */
  public void decision(DelegateExecution execution) {
    String committee = organization.committee();
    Map<String, Object> values = values(execution);
    values.put("submissionNumber", text(execution, "submissionNumber"));
    values.put("submissionDate", LocalDate.parse(text(execution, "submissionDate")));
    signers.putSignature(values, signers.signer(committee, emptyToNull(text(execution, "leaderUserId"))));
    IssuedDocument decision = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), DECISION_TEMPLATE,
        committee, true, VietnamTime.today(), values));
    execution.setVariable("decisionDocumentId", decision.id());
    execution.setVariable("decisionNumber", decision.number());
    execution.setVariable("decisionDate", decision.issuedOn().toString());
    rankings.publish(execution.getProcessInstanceId(), decision.number(), decision.issuedOn(), decision.id(),
        VietnamTime.now());
    links.refresh(execution);
  }

  /** The values every ranking template prints: year, title, counts and one table per group. */
  Map<String, Object> values(DelegateExecution execution) {
    String round = execution.getProcessInstanceId();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("rankingYear", execution.getVariable(RankingRounds.YEAR).toString());
    values.put("rankingTitle", text(execution, "rankingTitle"));
    values.put("leadAgencyName", text(execution, "leadAgencyName"));
    values.put("levelsVersion", text(execution, "levelsVersion"));
    values.put("legalBases", legalBases(execution));
    List<RankingRepository.Unit> units = rankings.units(round);
    values.put("unitCount", Integer.toString(units.size()));
    values.put("agencies", rows(round, units, UnitGroup.AGENCY));
    values.put("districts", rows(round, units, UnitGroup.DISTRICT));
    values.put("agencyCount", Long.toString(units.stream().filter(u -> u.group() == UnitGroup.AGENCY).count()));
    values.put("districtCount", Long.toString(units.stream().filter(u -> u.group() == UnitGroup.DISTRICT).count()));
    values.put("levelCounts", levelCounts(units));
    return values;
  }

  /** One row per unit of the group, in rank order: rank, unitName, g1..g6 (reviewed points), score, level. */
  List<Map<String, Object>> rows(String round, List<RankingRepository.Unit> units, UnitGroup group) {
    List<Map<String, Object>> rows = new ArrayList<>();
    units.stream().filter(u -> u.group() == group)
        .sorted(java.util.Comparator.comparing((RankingRepository.Unit u) -> u.rank() == null ? Integer.MAX_VALUE
            : u.rank()).thenComparingInt(RankingRepository.Unit::position))
        .forEach(unit -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("rank", unit.rank() == null ? "" : unit.rank().toString());
          row.put("unitName", unit.name());
          Optional<ScoreSheet> reviewed = rankings.reviewedScores(round, unit.code());
          for (RankingCriteria.Group g : RankingCriteria.GROUPS) {
            row.put("g" + g.number(), reviewed.map(s -> ScoreSheet.plain(s.groupTotal(g.number()))).orElse(""));
          }
          row.put("score", unit.score() == null ? "" : ScoreSheet.plain(unit.score()));
          row.put("level", unit.level() == null ? "" : unit.level());
          rows.add(row);
        });
    return rows;
  }

  /** The ranking per group as the forms show it (Markdown lists). */
  public String summaryMarkdown(String round) {
    List<RankingRepository.Unit> units = rankings.units(round);
    StringBuilder text = new StringBuilder();
    for (UnitGroup group : UnitGroup.values()) {
      text.append("**").append(group.title()).append("**\n\n");
      units.stream().filter(u -> u.group() == group && u.rank() != null)
          .sorted(java.util.Comparator.comparingInt(RankingRepository.Unit::rank)
              .thenComparingInt(RankingRepository.Unit::position))
          .forEach(u -> text.append("- Hạng ").append(u.rank()).append(": ").append(u.name()).append(" — ")
              .append(ScoreSheet.plain(u.score())).append(" điểm — ").append(u.level()).append('\n'));
      text.append('\n');
    }
    return text.toString().strip();
  }

  /** What a unit sees of its own result. */
  static String ownResult(RankingRepository.Unit unit) {
    if (unit.score() == null) {
      return "Chưa có kết quả.";
    }
    return "Điểm: **" + ScoreSheet.plain(unit.score()) + "/100** — Xếp loại: **" + unit.level() + "** — Hạng **"
        + unit.rank() + "** trong " + unit.group().title();
  }

  /** The unit's self-assessment (or its absence) and Sở TT&TT's points so far, for the reviewer's form. */
  public String selfAssessmentMarkdown(String round, String code) {
    RankingRepository.Unit unit = rankings.unit(round, code);
    Optional<ScoreSheet> self = rankings.selfScores(round, code);
    if (self.isEmpty()) {
      return "_Đơn vị không gửi kết quả tự đánh giá trong thời hạn: Sở TT&TT chấm điểm căn cứ kết quả theo dõi, "
          + "kiểm tra._";
    }
    Map<Integer, String> evidence = rankings.evidence(round, code);
    StringBuilder text = new StringBuilder("Tự đánh giá của " + unit.name() + ": **"
        + ScoreSheet.plain(self.get().total()) + "/" + RankingCriteria.MAX_TOTAL + " điểm** (chuẩn hóa "
        + ScoreSheet.plain(self.get().normalised()) + "/100)\n\n");
    for (RankingCriteria.Group group : RankingCriteria.GROUPS) {
      text.append("**").append(group.number()).append(". ").append(group.name()).append("**\n\n");
      for (Criterion criterion : RankingCriteria.CRITERIA) {
        if (criterion.group() == group.number()) {
          text.append("- ").append(ScoreSheet.number(criterion)).append(" ").append(criterion.label()).append(": ")
              .append(ScoreSheet.plain(self.get().points().get(criterion.key()))).append("/")
              .append(criterion.maxPoints()).append('\n');
        }
      }
      text.append("- Minh chứng: ")
          .append(vn.gov.directives.document.MarkdownText.escape(evidence.getOrDefault(group.number(), ""))).append("\n\n");
    }
    return text.toString().strip();
  }

  private List<String> objectionLines(String round) {
    List<String> lines = rankings.units(round).stream().filter(u -> u.objection() != null)
        .map(u -> u.name() + " kiến nghị: " + u.objection() + " — Sở TT&TT: "
            + ("UPHELD".equals(u.objectionOutcome()) ? "chấp nhận, điều chỉnh điểm; " : "giữ nguyên kết quả; ")
            + u.objectionAnswer() + ".")
        .collect(Collectors.toCollection(ArrayList::new));
    if (lines.isEmpty()) {
      lines.add("Hết thời hạn, không có cơ quan, đơn vị nào kiến nghị về dự thảo kết quả.");
    }
    return lines;
  }

  private static String levelCounts(List<RankingRepository.Unit> units) {
    List<String> parts = new ArrayList<>();
    for (String level : List.of("Tốt", "Khá", "Trung bình", "Yếu")) {
      long count = units.stream().filter(u -> level.equals(u.level())).count();
      parts.add(level + ": " + count);
    }
    return String.join("; ", parts);
  }

  private static List<String> legalBases(DelegateExecution execution) {
    List<String> bases = new ArrayList<>();
    bases.add("Căn cứ Quyết định số 4158/QĐ-UBND ngày 18/11/2015 của Ủy ban nhân dân tỉnh ban hành Quy định đánh giá,"
        + " xếp hạng mức độ ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh");
    String notice = text(execution, "noticeNumber");
    if (!notice.isEmpty()) {
      bases.add("Thực hiện Thông báo số " + notice + " ngày " + text(execution, "noticeDateText")
          + " của Ủy ban nhân dân tỉnh");
    }
    return bases;
  }

  private static String lead(DelegateExecution execution) {
    return text(execution, "leadAgency");
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
