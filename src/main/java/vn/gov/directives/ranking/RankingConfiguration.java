package vn.gov.directives.ranking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;

/** The ranking's schedule from {@code app.ranking.*}, and the bean the timer start event of it-ranking reads. */
@Configuration
public class RankingConfiguration {

  /** Bean {@code rankingTimer}: {@code <bpmn:timeCycle>${rankingTimer.cycle()}</bpmn:timeCycle>}. */
  public static class RankingTimer {
    private final RankingSchedule schedule;

    RankingTimer(RankingSchedule schedule) {
      this.schedule = schedule;
    }

    /** Evaluated when the process is deployed: the next occurrences from today on. */
    public String cycle() {
      return schedule.cycle(VietnamTime.today());
    }
  }

  @Bean
  RankingSchedule rankingSchedule(@Value("${app.ranking.yearly-start:15/11}") String yearlyStart,
      DueDateService dueDates) {
    return new RankingSchedule(RankingSchedule.parseOpening(yearlyStart), dueDates.deadlines().reminderTime());
  }

  @Bean("rankingTimer")
  RankingTimer rankingTimer(RankingSchedule schedule) {
    return new RankingTimer(schedule);
  }
}
