package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DueDateServiceTest {

  private static final Map<String, Integer> DUE_DAYS =
      Map.of("survey", 10, "drafting", 5, "director", 2, "office-review", 5, "leader-decision", 3);

  private final DueDateService dueDates =
      new DueDateService(new WorkingDayDeadlines(HolidayWorkingCalendar.bundled()), DUE_DAYS);

  private static Date vn(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime + "+07:00").toInstant());
  }

  private static VariableScope withPlanDeadline(Object value) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(DueDateService.PLAN_DEADLINE_VARIABLE)).thenReturn(value);
    return scope;
  }

  @BeforeEach
  void wednesdayAfterNewYear2019() {
    // 06:00 in Vietnam on Wed 02/01/2019 is still Tuesday 01/01 in New York
    ClockUtil.setCurrentTime(vn("2019-01-02T06:00:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void stepDueDateIsTheConfiguredNumberOfWorkingDaysFromTodayInVietnam() {
    // survey 10: Thu 03, Fri 04, Sat 05 (make-up), Mon 07 ... Tue 15/01
    assertThat(dueDates.forStep("survey", withPlanDeadline(null))).isEqualTo(vn("2019-01-15T23:59:59"));
    assertThat(dueDates.forStep("director", null)).isEqualTo(vn("2019-01-04T23:59:59"));
    assertThat(dueDates.forStep("leader-decision", null)).isEqualTo(vn("2019-01-05T23:59:59"));
  }

  @Test
  void thePlanDeadlineCapsTheStepWhileItIsAhead() {
    assertThat(dueDates.forStep("survey", withPlanDeadline("2019-01-10"))).isEqualTo(vn("2019-01-10T23:59:59"));
    assertThat(dueDates.forStep("survey", withPlanDeadline(vn("2019-01-10T00:00:00"))))
        .isEqualTo(vn("2019-01-10T23:59:59"));
    assertThat(dueDates.forStep("survey", withPlanDeadline(LocalDate.of(2019, 1, 25))))
        .isEqualTo(vn("2019-01-15T23:59:59"));
    assertThat(dueDates.forStep("survey", withPlanDeadline("2018-12-25"))).isEqualTo(vn("2019-01-15T23:59:59"));
    assertThat(dueDates.forStep("survey", withPlanDeadline(" "))).isEqualTo(vn("2019-01-15T23:59:59"));
  }

  @Test
  void unknownStepAndBadDeadlineGiveClearErrors() {
    assertThatThrownBy(() -> dueDates.forStep("signing", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'signing'")
        .hasMessageContaining("director, drafting, leader-decision, office-review, survey");
    assertThatThrownBy(() -> dueDates.forStep("survey", withPlanDeadline("2019-02-30")))
        .hasMessageContaining("planDeadline").hasMessageContaining("2019-02-30");
    assertThatThrownBy(() -> dueDates.forStep("survey", withPlanDeadline(42L)))
        .hasMessageContaining("java.lang.Long");
    assertThatThrownBy(() -> new DueDateService(new WorkingDayDeadlines(HolidayWorkingCalendar.bundled()),
        Map.of("survey", 0))).hasMessageContaining("app.due-days.survey");
  }

  @Test
  void bpmnHelpersUseVietnamDaysAndTheOffDayRule() {
    assertThat(dueDates.dateEnd("2019-01-25")).isEqualTo(vn("2019-01-25T23:59:59"));
    assertThat(dueDates.dateEnd("2019-02-09")).isEqualTo(vn("2019-02-11T23:59:59"));
    assertThat(dueDates.deadlineEnd(LocalDate.of(2019, 1, 26))).isEqualTo(vn("2019-01-28T23:59:59"));
    assertThatThrownBy(() -> dueDates.dateEnd("2019-02-30")).hasMessageContaining("'2019-02-30'");
    assertThat(dueDates.reminderInstant(LocalDate.of(2019, 1, 7))).isEqualTo(vn("2019-01-07T07:30:00"));
  }
}
