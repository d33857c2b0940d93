package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.HolidayWorkingCalendar;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

class ReminderScheduleTest {

  private final WorkingCalendar calendar = HolidayWorkingCalendar.bundled();
  private final ReminderSchedule schedule = new ReminderSchedule(calendar, LocalTime.of(7, 30), List.of(3, 1), 1);

  private static Instant vn(int year, int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(VietnamTime.ZONE).toInstant();
  }

  @Test
  void taskDueBeforeTetIsEscalatedOnTheFirstWorkingDayAfterTheBreak() {
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    List<PlannedReminder> planned = schedule.forTask(due, vn(2019, 1, 24, 10, 0, 0));

    assertThat(planned).containsExactly(
        new PlannedReminder(ReminderKind.TASK_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0), due),
        new PlannedReminder(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0), due),
        new PlannedReminder(ReminderKind.TASK_ESCALATION, 1, vn(2019, 2, 11, 7, 30, 0), due));
  }

  @Test
  void remindersAcrossNewYear2019SkipTheBreakAndUseTheMakeUpSaturday() {
    // Due Monday 07/01/2019: 1 working day before is Sat 05/01 (make-up day), 3 before is Thu 03/01.
    Instant due = vn(2019, 1, 7, 17, 0, 0);

    List<PlannedReminder> planned = schedule.forTask(due, vn(2018, 12, 27, 9, 0, 0));

    assertThat(planned).extracting(PlannedReminder::at).containsExactly(
        vn(2019, 1, 3, 7, 30, 0), vn(2019, 1, 5, 7, 30, 0), vn(2019, 1, 8, 7, 30, 0));
  }

  @Test
  void remindersThreeWorkingDaysBeforeNewYearDueFallBeforeTheBreak() {
    // Due Wed 02/01/2019: 1 working day before is Fri 28/12/2018 (29/12–01/01 off), 3 before is Wed 26/12.
    Instant due = vn(2019, 1, 2, 23, 59, 59);

    List<PlannedReminder> planned = schedule.forTask(due, vn(2018, 12, 20, 9, 0, 0));

    assertThat(planned).extracting(PlannedReminder::at).containsExactly(
        vn(2018, 12, 26, 7, 30, 0), vn(2018, 12, 28, 7, 30, 0), vn(2019, 1, 3, 7, 30, 0));
  }

  @Test
  void everyInstantIsTheStartOfAWorkingDayNeverNightNorDayOff() {
    Instant created = vn(2019, 1, 1, 0, 0, 0);
    for (int offset = 0; offset < 60; offset++) {
      Instant due = vn(2019, 1, 10, 23, 59, 59).plusSeconds(offset * 86_400L);
      for (PlannedReminder reminder : schedule.forTask(due, created)) {
        var local = reminder.at().atZone(VietnamTime.ZONE);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(calendar.isWorkingDay(local.toLocalDate())).as("%s is a working day", local).isTrue();
      }
    }
  }

  @Test
  void instantsAlreadyPastAreLeftOut() {
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    // Created on Wednesday 30/01 at 09:00: R-3 (Tue 29/01) is past; R-1 and the escalation remain.
    List<PlannedReminder> planned = schedule.forTask(due, vn(2019, 1, 30, 9, 0, 0));

    assertThat(planned).extracting(PlannedReminder::kind, PlannedReminder::days).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReminderKind.TASK_REMINDER, 1),
        org.assertj.core.groups.Tuple.tuple(ReminderKind.TASK_ESCALATION, 1));
  }

  @Test
  void aReminderExactlyNowIsStillSent() {
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    List<PlannedReminder> planned = schedule.forTask(due, vn(2019, 1, 31, 7, 30, 0));

    assertThat(planned).extracting(PlannedReminder::at)
        .containsExactly(vn(2019, 1, 31, 7, 30, 0), vn(2019, 2, 11, 7, 30, 0));
  }

  @Test
  void deadlineAtMidnightBelongsToTheDayBefore() {
    Instant midnight = vn(2019, 2, 2, 0, 0, 0);

    assertThat(ReminderSchedule.deadlineDay(midnight)).isEqualTo(java.time.LocalDate.of(2019, 2, 1));
    assertThat(schedule.forTask(midnight, vn(2019, 1, 20, 0, 0, 0))).extracting(PlannedReminder::at)
        .containsExactly(vn(2019, 1, 29, 7, 30, 0), vn(2019, 1, 31, 7, 30, 0), vn(2019, 2, 11, 7, 30, 0));
  }

  @Test
  void planDeadlineGetsRemindersButNoEscalation() {
    Instant deadline = vn(2019, 1, 25, 23, 59, 59);

    List<PlannedReminder> planned = schedule.forDeadline(deadline, vn(2019, 1, 2, 8, 0, 0));

    assertThat(planned).containsExactly(
        new PlannedReminder(ReminderKind.DEADLINE_REMINDER, 3, vn(2019, 1, 22, 7, 30, 0), deadline),
        new PlannedReminder(ReminderKind.DEADLINE_REMINDER, 1, vn(2019, 1, 24, 7, 30, 0), deadline));
  }

  @Test
  void configuredDaysAreSortedAndDeduplicatedAndZeroEscalationMeansNone() {
    ReminderSchedule custom = new ReminderSchedule(calendar, LocalTime.of(8, 0), List.of(1, 3, 1), 0);

    List<PlannedReminder> planned = custom.forTask(vn(2019, 2, 1, 23, 59, 59), vn(2019, 1, 20, 0, 0, 0));

    assertThat(planned).extracting(PlannedReminder::at)
        .containsExactly(vn(2019, 1, 29, 8, 0, 0), vn(2019, 1, 31, 8, 0, 0));
  }

  @Test
  void badConfigurationIsRejectedWithTheKeyName() {
    assertThatThrownBy(() -> new ReminderSchedule(calendar, LocalTime.of(7, 30), List.of(3, 0), 1))
        .hasMessageContaining("app.reminders.days-before");
    assertThatThrownBy(() -> new ReminderSchedule(calendar, LocalTime.of(7, 30), List.of(3), -1))
        .hasMessageContaining("app.reminders.escalate-days-after");
  }

  // Only the next reminder has a job: first() is the job set when a deadline is set, after() the job a reminder
  // inserts when it has gone out. Following first() then after() must give exactly the full schedule.

  @Test
  void followingTheChainFromTheFirstReminderGivesTheWholeScheduleAcrossTet() {
    Instant due = vn(2019, 2, 1, 23, 59, 59);
    Instant now = vn(2019, 1, 24, 10, 0, 0);
    List<PlannedReminder> chain = new java.util.ArrayList<>();

    java.util.Optional<PlannedReminder> next = schedule.first(ReminderKind.TASK_REMINDER, due, now);
    while (next.isPresent()) {
      chain.add(next.get());
      next = schedule.after(next.get().kind(), next.get().days(), due);
    }

    assertThat(chain).isEqualTo(schedule.forTask(due, now)).extracting(PlannedReminder::at).containsExactly(
        vn(2019, 1, 29, 7, 30, 0), vn(2019, 1, 31, 7, 30, 0), vn(2019, 2, 11, 7, 30, 0));
  }

  @Test
  void aTaskCreatedAfterItsFirstReminderTimeStartsWithTheNextOne() {
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    assertThat(schedule.first(ReminderKind.TASK_REMINDER, due, vn(2019, 1, 30, 9, 0, 0))).contains(
        new PlannedReminder(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0), due));
    assertThat(schedule.first(ReminderKind.TASK_REMINDER, due, vn(2019, 2, 11, 7, 30, 1))).isEmpty();
  }

  @Test
  void theSuccessorOfAReminderSentLateIsDueAlreadyNotSkipped() {
    // the 3-day reminder went out only on 01/02 (mail server down for days): the 1-day one (31/01) still follows
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    assertThat(schedule.after(ReminderKind.TASK_REMINDER, 3, due)).contains(
        new PlannedReminder(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0), due));
    assertThat(schedule.after(ReminderKind.TASK_REMINDER, 1, due)).contains(
        new PlannedReminder(ReminderKind.TASK_ESCALATION, 1, vn(2019, 2, 11, 7, 30, 0), due));
    assertThat(schedule.after(ReminderKind.TASK_ESCALATION, 1, due)).isEmpty();
  }

  @Test
  void aPlanDeadlineChainEndsWithItsLastReminder() {
    Instant deadline = vn(2019, 1, 25, 23, 59, 59);

    assertThat(schedule.first(ReminderKind.DEADLINE_REMINDER, deadline, vn(2019, 1, 2, 8, 0, 0))).contains(
        new PlannedReminder(ReminderKind.DEADLINE_REMINDER, 3, vn(2019, 1, 22, 7, 30, 0), deadline));
    assertThat(schedule.after(ReminderKind.DEADLINE_REMINDER, 3, deadline)).contains(
        new PlannedReminder(ReminderKind.DEADLINE_REMINDER, 1, vn(2019, 1, 24, 7, 30, 0), deadline));
    assertThat(schedule.after(ReminderKind.DEADLINE_REMINDER, 1, deadline)).isEmpty();
  }

  @Test
  void aJobScheduledUnderOtherConfiguredDaysIsFollowedByTheNextReminderOfTheCurrentOnes() {
    // scheduled when the setting was [5, 2]; now [3, 1]: the 5-day reminder (25/01) is followed by the 3-day one
    Instant due = vn(2019, 2, 1, 23, 59, 59);

    assertThat(schedule.after(ReminderKind.TASK_REMINDER, 5, due)).contains(
        new PlannedReminder(ReminderKind.TASK_REMINDER, 3, vn(2019, 1, 29, 7, 30, 0), due));
    assertThat(schedule.after(ReminderKind.TASK_REMINDER, 2, due)).contains(
        new PlannedReminder(ReminderKind.TASK_REMINDER, 1, vn(2019, 1, 31, 7, 30, 0), due));
  }

  // Work without deadline: reminded on the N-th, 2N-th … working day after the day its task was created.

  @Test
  void noDeadlineRemindersEveryFifthWorkingDay_acrossTheNewYearBreak() {
    // received Thu 27/12/2018; 29/12/2018–01/01/2019 off; Saturday 05/01/2019 a make-up working day
    Instant received = vn(2018, 12, 27, 9, 0, 0);
    List<java.time.LocalDate> days = new java.util.ArrayList<>();
    PlannedReminder next = schedule.nextNoDeadline(0, received, received);
    while (next.at().isBefore(vn(2019, 1, 20, 0, 0, 0))) {
      days.add(next.at().atZone(VietnamTime.ZONE).toLocalDate());
      next = schedule.nextNoDeadline(next.days(), received, next.at());
    }
    assertThat(days).containsExactly(java.time.LocalDate.of(2019, 1, 5), java.time.LocalDate.of(2019, 1, 11),
        java.time.LocalDate.of(2019, 1, 18));
  }

  @Test
  void noDeadlineChainFollowsTheRuleAtTheStartOfTheWorkingDay() {
    Instant created = vn(2018, 12, 27, 9, 0, 0);
    List<PlannedReminder> chain = new java.util.ArrayList<>();
    java.util.Optional<PlannedReminder> next = schedule.first(ReminderKind.NO_DEADLINE_REMINDER, created, created);
    while (chain.size() < 3) {
      chain.add(next.orElseThrow());
      next = schedule.after(ReminderKind.NO_DEADLINE_REMINDER, chain.get(chain.size() - 1).days(), created);
    }
    assertThat(chain).containsExactly(
        new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, 5, vn(2019, 1, 5, 7, 30, 0), created),
        new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, 10, vn(2019, 1, 11, 7, 30, 0), created),
        new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, 15, vn(2019, 1, 18, 7, 30, 0), created));
    assertThat(chain).allSatisfy(planned -> assertThat(schedule.plannedAt(planned.kind(), planned.days(), created))
        .isEqualTo(planned.at()));
  }

  @Test
  void noDeadlineReminderMissedWhileNothingRanIsNotMadeUp() {
    Instant created = vn(2018, 12, 27, 9, 0, 0);
    // the 10th-day reminder (Fri 11/01) went out only on Mon 14/01: the next is the 15th day, Fri 18/01
    assertThat(schedule.nextNoDeadline(10, created, vn(2019, 1, 14, 10, 0, 0))).isEqualTo(
        new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, 15, vn(2019, 1, 18, 7, 30, 0), created));
    // a task open since December whose first job is scheduled on Wed 16/01 (no reminder sent yet): Fri 18/01 too
    assertThat(schedule.nextNoDeadline(0, created, vn(2019, 1, 16, 8, 0, 0)).days()).isEqualTo(15);
    // the instant itself still counts: a job scheduled at 07:30:00 on the day is that day's reminder
    assertThat(schedule.nextNoDeadline(0, created, vn(2019, 1, 5, 7, 30, 0)).days()).isEqualTo(5);
  }

  @Test
  void noDeadlineIntervalComesFromTheConfigurationAndIsChecked() {
    ReminderSchedule everyTwo = new ReminderSchedule(calendar, LocalTime.of(7, 30), List.of(3, 1), 1, 2);
    Instant created = vn(2018, 12, 27, 9, 0, 0);
    // 28/12 is the 1st working day after, 02/01 the 2nd (29/12–01/01 off)
    assertThat(everyTwo.nextNoDeadline(0, created, created)).isEqualTo(
        new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, 2, vn(2019, 1, 2, 7, 30, 0), created));
    assertThatThrownBy(() -> new ReminderSchedule(calendar, LocalTime.of(7, 30), List.of(3, 1), 1, 0))
        .hasMessageContaining("app.assignments.no-deadline-reminder-days");
  }

  @Test
  void noDeadlineJobConfigurationNamesTheTaskAndWhenItWasReceived() {
    ReminderJobConfiguration config = new ReminderJobConfiguration(ReminderKind.NO_DEADLINE_REMINDER, "task-7", 10,
        vn(2018, 12, 27, 9, 0, 0));
    assertThat(config.toCanonicalString()).isEqualTo(
        "{\"kind\":\"NO_DEADLINE_REMINDER\",\"taskId\":\"task-7\",\"days\":10,\"since\":\"2018-12-27T09:00:00+07:00\"}");
    assertThat(ReminderJobConfiguration.parse(config.toCanonicalString())).isEqualTo(config);
  }
}
