package vn.gov.directives.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.gov.directives.ranking.RankingCriteria.Criterion;

/** Points per criterion of one unit (self-assessed or reviewed), every criterion present, each within its maximum. */
public record ScoreSheet(Map<String, BigDecimal> points) {

  public ScoreSheet {
    points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
  }

  /** Bad points in a form: every problem listed, in Vietnamese. */
  public static class InvalidScoresException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidScoresException(List<String> problems) {
      super(String.join(" ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /**
   * Reads the points of every criterion from form values.
   *
   * @param fieldOf the form field of a criterion (c11 for the unit, r11 for the reviewer)
   * @throws InvalidScoresException listing every missing, non-numeric or out-of-range value
   */
  public static ScoreSheet read(Map<String, ?> values, Function<Criterion, String> fieldOf) {
    List<String> problems = new ArrayList<>();
    Map<String, BigDecimal> points = new LinkedHashMap<>();
    for (Criterion criterion : RankingCriteria.CRITERIA) {
      String label = "Tiêu chí " + number(criterion) + " (" + criterion.label() + ")";
      Object raw = values.get(fieldOf.apply(criterion));
      if (raw == null || raw.toString().isBlank()) {
        problems.add(label + ": chưa nhập điểm.");
        continue;
      }
      BigDecimal value;
      try {
        value = new BigDecimal(raw.toString().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        problems.add(label + ": '" + raw + "' không phải là số.");
        continue;
      }
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(criterion.maxPoints())) > 0) {
        problems.add(label + ": điểm phải từ 0 đến " + criterion.maxPoints() + ", không phải " + raw + ".");
        continue;
      }
      if (value.stripTrailingZeros().scale() > 2) {
        problems.add(label + ": điểm chỉ lấy tối đa 2 chữ số thập phân, không phải " + raw + ".");
        continue;
      }
      points.put(criterion.key(), value.setScale(2, RoundingMode.UNNECESSARY));
    }
    if (!problems.isEmpty()) {
      throw new InvalidScoresException(problems);
    }
    return new ScoreSheet(points);
  }

  /** "1.2" for c12. */
  public static String number(Criterion criterion) {
    return criterion.key().charAt(1) + "." + criterion.key().substring(2);
  }

  public BigDecimal total() {
    return points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal groupTotal(int group) {
    return RankingCriteria.CRITERIA.stream().filter(c -> c.group() == group)
        .map(c -> points.getOrDefault(c.key(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The total normalised to 100, rounded half up to two decimals (the score the DMN table rates). */
  public BigDecimal normalised() {
    return total().multiply(BigDecimal.valueOf(100)).divide(RankingCriteria.MAX_TOTAL, 2, RoundingMode.HALF_UP);
  }

  /** The criteria whose points differ from another sheet's, as "2.1: 18 → 12" lines. */
  public List<String> differencesFrom(ScoreSheet other) {
    List<String> lines = new ArrayList<>();
    for (Criterion criterion : RankingCriteria.CRITERIA) {
      BigDecimal mine = points.get(criterion.key());
      BigDecimal theirs = other.points.get(criterion.key());
      if (mine.compareTo(theirs) != 0) {
        lines.add(number(criterion) + ": " + plain(theirs) + " → " + plain(mine));
      }
    }
    return lines;
  }

  /** 7.50 → "7,5"; 18.00 → "18" (Vietnamese decimal comma). */
  public static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
