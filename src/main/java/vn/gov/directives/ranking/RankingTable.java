package vn.gov.directives.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Ranks the units within their group: highest score first, equal scores share a rank (1, 2, 2, 4). */
public final class RankingTable {

  private RankingTable() {}

  /** Every group (agencies first) with its units in rank order; empty groups are left out. */
  public static Map<UnitGroup, List<RankedUnit>> rank(List<RankedUnit> units) {
    Map<UnitGroup, List<RankedUnit>> groups = new EnumMap<>(UnitGroup.class);
    for (UnitGroup group : UnitGroup.values()) {
      List<RankedUnit> members = units.stream().filter(u -> u.group() == group)
          .sorted(Comparator.comparing(RankedUnit::score).reversed().thenComparingInt(RankedUnit::order)).toList();
      if (members.isEmpty()) {
        continue;
      }
      List<RankedUnit> ranked = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        RankedUnit unit = members.get(i);
        boolean tie = i > 0 && unit.score().compareTo(members.get(i - 1).score()) == 0;
        ranked.add(unit.withRank(tie ? ranked.get(i - 1).rank() : i + 1));
      }
      groups.put(group, List.copyOf(ranked));
    }
    return groups;
  }
}
