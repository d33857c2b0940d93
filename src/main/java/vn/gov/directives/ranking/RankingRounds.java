package vn.gov.directives.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.ranking.RankingRepository.Round;
import vn.gov.directives.ranking.RankingRepository.RoundStatus;
import vn.gov.directives.security.SystemAccess;

/**
 * Bean {@code itRanking}: the service steps of the process it-ranking (open a round, open the self-assessment, score,
 * rate and rank, close the objection window, record a rejection). The arithmetic is in {@link ScoreSheet} and
 * {@link RankingTable}, the thresholds in the DMN table it-ranking-level.
 */
@Component("itRanking")
public class RankingRounds {

  public static final String YEAR = "rankingYear";
  public static final String TRIGGER = "rankingTrigger";
  public static final String TRIGGER_TIMER = "yearly-timer";
  public static final String UNITS = "rankingUnits";
  public static final String DUPLICATE = "rankingDuplicate";
  public static final String OPENS_AT = "rankingOpensAt";
  public static final String SELF_CLOSES_AT = "selfAssessmentClosesAt";
  public static final String OBJECTION_CLOSES_AT = "objectionClosesAt";
  public static final String OBJECTING_UNITS = "objectingUnits";

  private final RankingRepository rankings;
  private final RankingSchedule schedule;
  private final RankingLevels levels;
  private final RankingIssuer issuer;
  private final DueDateService dueDates;
  private final OrganizationDirectory organization;
  private final RuntimeService runtime;
  private final DocumentLinks links;
  private final String defaultLead;

  public RankingRounds(RankingRepository rankings, RankingSchedule schedule, RankingLevels levels,
      RankingIssuer issuer, DueDateService dueDates, OrganizationDirectory organization, RuntimeService runtime,
      DocumentLinks links, @Value("${app.ranking.lead-agency:STTTT}") String defaultLead) {
    this.rankings = rankings;
    this.schedule = schedule;
    this.levels = levels;
    this.issuer = issuer;
    this.dueDates = dueDates;
    this.organization = organization;
    this.runtime = runtime;
    this.links = links;
    this.defaultLead = defaultLead;
  }

  /**
   * End listener of the start event (Tasklist, the notice follow-up's call, or the yearly timer process, which passes
   * {@code rankingTrigger = yearly-timer}): which year, and when the round opens. A year entered by hand that already
   * has a running or published round is refused at once; otherwise the check is made when the round opens
   * ({@link #checkRound}), so that a notice registered long before the opening day is tracked meanwhile.
   */
  public void start(DelegateExecution execution) {
    if (TRIGGER_TIMER.equals(execution.getVariable(TRIGGER))) {
      prepare(execution, VietnamTime.today().getYear(), VietnamTime.now());
      return;
    }
    Object entered = execution.getVariable(YEAR);
    if (entered != null && !entered.toString().isBlank()) {
      int year = enteredYear(entered);
      existing(year).ifPresent(round -> {
        throw new BadUserRequestException(describeExisting(round));
      });
      prepare(execution, year, VietnamTime.now());
      return;
    }
    LocalDate noticeDate = date(execution.getVariable("noticeDate"), "noticeDate");
    LocalDate deadline = date(execution.getVariable("assignmentDeadline"), "assignmentDeadline");
    int year = schedule.yearFor(noticeDate, deadline, VietnamTime.today());
    // a ranking called for a notice waits for the year's opening day (the 2019 ranking opens on 15/11/2019)
    Instant opens = dueDates.reminderInstant(schedule.opensOn(year)).toInstant();
    prepare(execution, year, opens.isAfter(VietnamTime.now()) ? opens : VietnamTime.now());
  }

  /**
   * "Kiểm tra kỳ xếp hạng của năm", on the opening day: the round is registered, unless the year already has a
   * running or published one (then the diagram's "already open" path ends this instance).
   */
  public void checkRound(DelegateExecution execution) {
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    var existing = existing(year);
    execution.setVariable(DUPLICATE, existing.isPresent());
    if (existing.isPresent()) {
      execution.setVariable("rankingDuplicateNote", describeExisting(existing.get()));
      return;
    }
    rankings.insertRound(execution.getProcessInstanceId(), year, VietnamTime.now());
  }

  /** "Mở kỳ tự đánh giá": every agency and district unit of the organisation on the opening day. */
  public void openScoring(DelegateExecution execution) {
    String round = execution.getProcessInstanceId();
    List<Agency> units = organization.departmentsAndDistricts(VietnamTime.today());
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Agency unit = units.get(i);
      rankings.addUnit(round, unit.code(), unit.name(), UnitGroup.of(unit.kind()), i + 1);
      codes.add(unit.code());
    }
    execution.setVariable(UNITS, codes);
    execution.setVariable("rankingUnitCount", codes.size());
    Date closes = dueDates.forStep("ranking-self-assessment", execution);
    execution.setVariable(SELF_CLOSES_AT, closes);
    execution.setVariable(SELF_CLOSES_AT + "Text", VietnamTime.shortDate(VietnamTime.toLocalDate(closes)));
  }

  /** Boundary timer path of one unit: nothing was sent in time; Sở TT&TT scores it from its own monitoring. */
  public void selfAssessmentMissing(DelegateExecution execution) {
    rankings.markSelfAssessmentMissing(execution.getProcessInstanceId(), (String) execution.getVariable("rankingUnit"));
  }

  /** "Tính điểm, xếp loại và xếp hạng": the draft results, sent to every unit for objections. */
  public void calculate(DelegateExecution execution) {
    rank(execution);
    rankings.status(execution.getProcessInstanceId(), RoundStatus.OBJECTIONS);
    Date closes = dueDates.forStep("ranking-objection", execution);
    execution.setVariable(OBJECTION_CLOSES_AT, closes);
    execution.setVariable(OBJECTION_CLOSES_AT + "Text", VietnamTime.shortDate(VietnamTime.toLocalDate(closes)));
    issuer.draftResults(execution);
    links.refresh(execution);
  }

  /** "Tổng hợp kiến nghị": the units that objected in time; silent units accept the draft. */
  public void closeObjections(DelegateExecution execution) {
    List<String> objecting = rankings.units(execution.getProcessInstanceId()).stream()
        .filter(unit -> unit.objection() != null).map(RankingRepository.Unit::code).toList();
    execution.setVariable(OBJECTING_UNITS, new ArrayList<>(objecting));
    execution.setVariable("objectionCount", objecting.size());
  }

  /** "Tính lại điểm và xếp hạng" after the objections were resolved. */
  public void recalculate(DelegateExecution execution) {
    rank(execution);
  }

  /** End of the rejected path: the round stays on record, a new one may be opened for the year. */
  public void rejected(DelegateExecution execution) {
    rankings.status(execution.getProcessInstanceId(), RoundStatus.REJECTED);
  }

  private void rank(DelegateExecution execution) {
    String round = execution.getProcessInstanceId();
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    LevelTableVersions.Deployed version = levels.versionFor(year);
    rankings.levelsVersion(round, version.describe());
    List<RankedUnit> rated = new ArrayList<>();
    for (RankingRepository.Unit unit : rankings.units(round)) {
      ScoreSheet reviewed = rankings.reviewedScores(round, unit.code()).orElseThrow(() -> new IllegalStateException(
          "Đơn vị " + unit.name() + " chưa được Sở TT&TT thẩm định điểm."));
      BigDecimal score = reviewed.normalised();
      rated.add(new RankedUnit(unit.code(), unit.name(), unit.group(), unit.position(), score,
          levels.level(version, score), 0));
    }
    RankingTable.rank(rated).values().forEach(group -> group.forEach(unit -> rankings.saveResult(round, unit)));
    execution.setVariable("levelsVersion", version.describe());
    execution.setVariable("rankingSummary", issuer.summaryMarkdown(round));
  }

  private void prepare(DelegateExecution execution, int year, Instant opensAt) {
    execution.setVariable(YEAR, year);
    execution.setVariable(OPENS_AT, Date.from(opensAt));
    execution.setVariable(OPENS_AT + "Text", VietnamTime.shortDate(opensAt.atZone(VietnamTime.ZONE).toLocalDate()));
    Object lead = execution.getVariable("leadAgency");
    if (lead == null || lead.toString().isBlank()) {
      execution.setVariable("leadAgency", defaultLead);
    }
    String leadCode = execution.getVariable("leadAgency").toString();
    execution.setVariable("leadAgencyName", organization.agency(leadCode).name());
    String title = "kết quả đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà"
        + " nước tỉnh " + organization.province().name() + " năm " + year;
    execution.setVariable("rankingTitle", title);
    // submission-review's Phiếu trình prints planTitle: here, what is submitted
    execution.setVariable("planTitle", title);
    LocalDate noticeDate = date(execution.getVariable("noticeDate"), "noticeDate");
    if (noticeDate != null) {
      execution.setVariable("noticeDateText", VietnamTime.shortDate(noticeDate));
    }
    // a ranking called for a notice keeps the notice's suffix ("— TB 295/TB-UBND, mục 8"), others name the year
    Object suffix = execution.getVariable("taskSuffix");
    if (suffix == null || suffix.toString().isBlank()) {
      execution.setVariable("taskSuffix", " — năm " + year);
    }
  }

  /** A published round, or one whose process still runs (a round whose instance was deleted no longer counts). */
  private java.util.Optional<Round> existing(int year) {
    return rankings.rounds(year).stream()
        .filter(round -> round.status() == RoundStatus.PUBLISHED || (round.status() != RoundStatus.REJECTED
            && SystemAccess.call(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(round.processInstanceId()).count()) > 0))
        .findFirst();
  }

  static String describeExisting(Round round) {
    if (round.status() == RoundStatus.PUBLISHED) {
      return "Kết quả xếp hạng ứng dụng CNTT năm " + round.year() + " đã được công bố theo Quyết định số "
          + round.decisionNumber() + "; không mở thêm kỳ xếp hạng cho năm này.";
    }
    return "Kỳ xếp hạng ứng dụng CNTT năm " + round.year() + " đang được thực hiện (quy trình "
        + round.processInstanceId() + "); không mở thêm kỳ xếp hạng cho năm này.";
  }

  static int enteredYear(Object entered) {
    int year;
    try {
      year = new BigDecimal(entered.toString().strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new BadUserRequestException("Năm đánh giá '" + entered + "' không hợp lệ: nhập năm bốn chữ số, ví dụ 2019.");
    }
    int latest = VietnamTime.today().getYear() + 1;
    if (year < 2015 || year > latest) {
      throw new BadUserRequestException("Năm đánh giá " + year + " không hợp lệ: chỉ từ 2015 (QĐ 4158/QĐ-UBND) đến "
          + latest + ".");
    }
    return year;
  }

  private static LocalDate date(Object value, String name) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return WorkingDayDeadlines.parseIsoDate(value.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Biến " + name + ": " + e.getMessage(), e);
    }
  }
}
