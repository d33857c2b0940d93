package vn.gov.directives.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.notice.FieldError;
import vn.gov.directives.security.CurrentUser;

/**
 * {@code GET /api/rankings/{year}}: the published IT ranking of a year (the latest published round), both groups in
 * rank order. Published results are public within the administration: any authenticated user may read them (HTTP
 * Basic or the Tasklist session, as every {@code /api} call).
 */
@RestController
@RequestMapping("/api/rankings")
public class RankingController {

  /** The answer: the decision that published the ranking and one list per group. */
  public record PublishedRanking(int year, String decisionNumber, LocalDate decisionDate, String decisionDocumentId,
      Instant publishedAt, String levelsVersion, List<RankingGroup> groups) {}

  public record RankingGroup(UnitGroup group, String title, List<Line> units) {}

  public record Line(int rank, String code, String name, BigDecimal score, String level) {}

  private final RankingRepository rankings;

  public RankingController(RankingRepository rankings) {
    this.rankings = rankings;
  }

  @GetMapping("/{year}")
  public ResponseEntity<?> published(@PathVariable("year") String year, CurrentUser user) {
    int parsed;
    try {
      parsed = Integer.parseInt(year.strip());
    } catch (NumberFormatException e) {
      return error(HttpStatus.BAD_REQUEST, "Năm '" + year + "' không hợp lệ: cần năm bốn chữ số, ví dụ 2019.");
    }
    var round = rankings.latestPublished(parsed);
    if (round.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "Chưa có kết quả xếp hạng mức độ ứng dụng CNTT năm " + parsed
          + " được UBND tỉnh phê duyệt, công bố.");
    }
    List<RankingRepository.Unit> units = rankings.units(round.get().processInstanceId());
    List<RankingGroup> groups = RankingTable.rank(units.stream()
            .map(u -> new RankedUnit(u.code(), u.name(), u.group(), u.position(), u.score(), u.level(), 0)).toList())
        .entrySet().stream()
        .map(entry -> new RankingGroup(entry.getKey(), entry.getKey().title(), entry.getValue().stream()
            .map(u -> new Line(u.rank(), u.code(), u.name(), u.score(), u.level())).toList()))
        .toList();
    var published = round.get();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new PublishedRanking(published.year(),
        published.decisionNumber(), published.decisionDate(), published.decisionDocumentId(), published.publishedAt(),
        published.levelsVersion(), groups));
  }

  /** Same shape as the other /api errors: {@code {errors: [{field, message}]}}. */
  private static ResponseEntity<Map<String, List<FieldError>>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("errors", List.of(new FieldError("year", message))));
  }
}
