package vn.gov.directives.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.directives.ranking.LevelTableVersions.Deployed;
import vn.gov.directives.ranking.RankingCriteria.Criterion;

/** The ranking's arithmetic, schedule and DMN version choice, without the engine. */
class RankingLogicTest {

  static Map<String, Object> fullMarks() {
    Map<String, Object> values = new HashMap<>();
    RankingCriteria.CRITERIA.forEach(c -> values.put(c.key(), (long) c.maxPoints()));
    return values;
  }

  @Test
  void criteria_sixGroups_150Points() {
    assertThat(RankingCriteria.GROUPS).hasSize(6);
    assertThat(RankingCriteria.CRITERIA).extracting(Criterion::group).containsOnly(1, 2, 3, 4, 5, 6);
    assertThat(RankingCriteria.MAX_TOTAL).isEqualByComparingTo("150");
  }

  @Test
  void scoreSheet_normalisedTo100_roundedHalfUp() {
    Map<String, Object> values = fullMarks();
    assertThat(ScoreSheet.read(values, Criterion::key).normalised()).isEqualByComparingTo("100.00");
    values.put("c21", 12.5);          // 150 - 7.5 = 142.5 → 95.00
    assertThat(ScoreSheet.read(values, Criterion::key).normalised()).isEqualByComparingTo("95.00");
    values.put("c62", "14,99");       // 142.49 → 94.9933 → 94.99
    ScoreSheet sheet = ScoreSheet.read(values, Criterion::key);
    assertThat(sheet.total()).isEqualByComparingTo("142.49");
    assertThat(sheet.normalised()).isEqualByComparingTo("94.99");
    assertThat(sheet.groupTotal(2)).isEqualByComparingTo("32.5");
  }

  @Test
  void scoreSheet_everyProblemListed() {
    Map<String, Object> values = fullMarks();
    values.remove("c11");
    values.put("c12", 11);
    values.put("c21", "nhiều");
    values.put("c22", -1);
    values.put("c31", 1.255);
    assertThatThrownBy(() -> ScoreSheet.read(values, Criterion::key))
        .isInstanceOfSatisfying(ScoreSheet.InvalidScoresException.class, e -> assertThat(e.problems()).containsExactly(
            "Tiêu chí 1.1 (Máy tính, mạng nội bộ, kết nối Internet và mạng truyền số liệu chuyên dùng): chưa nhập điểm.",
            "Tiêu chí 1.2 (Máy chủ, lưu trữ và sao lưu dữ liệu): điểm phải từ 0 đến 10, không phải 11.",
            "Tiêu chí 2.1 (Văn phòng điện tử, thư điện tử công vụ, chữ ký số): 'nhiều' không phải là số.",
            "Tiêu chí 2.2 (Dịch vụ công trực tuyến mức độ 3, 4): điểm phải từ 0 đến 20, không phải -1.",
            "Tiêu chí 3.1 (Cung cấp thông tin theo quy định): điểm chỉ lấy tối đa 2 chữ số thập phân, không phải 1.255."));
  }

  @Test
  void scoreSheet_differences() {
    ScoreSheet before = ScoreSheet.read(fullMarks(), Criterion::key);
    Map<String, Object> values = fullMarks();
    values.put("c21", 12);
    assertThat(ScoreSheet.read(values, Criterion::key).differencesFrom(before)).containsExactly("2.1: 20 → 12");
  }

  @Test
  void rankingTable_groupsRankedSeparately_tiesShareARank() {
    List<RankedUnit> units = List.of(
        unit("SYT", UnitGroup.AGENCY, 1, "80.00"), unit("STC", UnitGroup.AGENCY, 2, "91.50"),
        unit("SNV", UnitGroup.AGENCY, 3, "80.00"), unit("SXD", UnitGroup.AGENCY, 4, "60.00"),
        unit("QUYNHON", UnitGroup.DISTRICT, 5, "70.00"), unit("ANLAO", UnitGroup.DISTRICT, 6, "88.00"));
    var ranked = RankingTable.rank(units);
    assertThat(ranked.get(UnitGroup.AGENCY)).extracting(RankedUnit::code, RankedUnit::rank)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("STC", 1), org.assertj.core.groups.Tuple.tuple("SYT", 2),
            org.assertj.core.groups.Tuple.tuple("SNV", 2), org.assertj.core.groups.Tuple.tuple("SXD", 4));
    assertThat(ranked.get(UnitGroup.DISTRICT)).extracting(RankedUnit::code, RankedUnit::rank)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ANLAO", 1),
            org.assertj.core.groups.Tuple.tuple("QUYNHON", 2));
  }

  @Test
  void schedule_yearOfTheRanking() {
    RankingSchedule schedule = new RankingSchedule(RankingSchedule.parseOpening("15/11"), LocalTime.of(7, 30));
    // notice 295 of 26/12/2018 comes after the 2018 ranking opened: it asks for the 2019 one
    assertThat(schedule.yearFor(LocalDate.of(2018, 12, 26), null, LocalDate.of(2018, 12, 27))).isEqualTo(2019);
    assertThat(schedule.yearFor(LocalDate.of(2019, 3, 1), null, LocalDate.of(2019, 3, 2))).isEqualTo(2019);
    assertThat(schedule.yearFor(LocalDate.of(2018, 12, 26), LocalDate.of(2020, 12, 31), null)).isEqualTo(2020);
    assertThat(schedule.yearFor(null, null, LocalDate.of(2019, 11, 15))).isEqualTo(2019);
    assertThat(schedule.cycle(LocalDate.of(2019, 1, 2))).isEqualTo("R/2019-11-15T07:30:00+07:00/P1Y");
    assertThatThrownBy(() -> RankingSchedule.parseOpening("31/2"))
        .hasMessageContaining("app.ranking.yearly-start = '31/2' không hợp lệ");
    assertThat(RankingSchedule.parseOpening("1/12")).isEqualTo(MonthDay.of(12, 1));
  }

  @Test
  void levelTableVersions_yearsOwnElseLatestBeforeElseNewest() {
    List<Deployed> deployed = List.of(new Deployed("a", "2018", 1), new Deployed("b", "2021", 2),
        new Deployed("c", "draft", 3));
    assertThat(LevelTableVersions.choose(deployed, 2019).id()).isEqualTo("a");
    assertThat(LevelTableVersions.choose(deployed, 2021).id()).isEqualTo("b");
    assertThat(LevelTableVersions.choose(deployed, 2030).id()).isEqualTo("b");
    assertThat(LevelTableVersions.choose(deployed, 2016).id()).as("before every tag: newest deployed").isEqualTo("c");
    assertThat(LevelTableVersions.choose(deployed, 2019).describe()).isEqualTo("versionTag 2018 (v1)");
  }

  private static RankedUnit unit(String code, UnitGroup group, int order, String score) {
    return new RankedUnit(code, code, group, order, new BigDecimal(score), "", 0);
  }
}
