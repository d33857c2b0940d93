package vn.gov.directives.ranking;

import java.math.BigDecimal;

/**
 * One unit's line of the ranking.
 *
 * @param order position of the unit in the organisation's configuration (keeps equal scores in a stable order)
 * @param score total normalised to 100
 * @param rank rank within its group, equal scores sharing a rank (1, 2, 2, 4); 0 before ranking
 */
public record RankedUnit(String code, String name, UnitGroup group, int order, BigDecimal score, String level,
    int rank) {

  public RankedUnit withRank(int newRank) {
    return new RankedUnit(code, name, group, order, score, level, newRank);
  }
}
