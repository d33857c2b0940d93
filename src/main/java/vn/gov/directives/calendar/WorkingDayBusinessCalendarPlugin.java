package vn.gov.directives.calendar;

import java.util.Objects;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers {@link WorkingDayBusinessCalendar} as the engine's "dueDate" calendar (user task due and follow-up dates,
 * timeDate timers) and "duration" calendar (timeDuration timers), so that BPMN {@code P5D} means five working days.
 */
public class WorkingDayBusinessCalendarPlugin extends AbstractProcessEnginePlugin {

  private final WorkingCalendar calendar;

  public WorkingDayBusinessCalendarPlugin(WorkingCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After init the engine has its standard calendars; ours wrap them so non-day durations keep their behaviour.
    BusinessCalendarManager existing = configuration.getBusinessCalendarManager();
    BusinessCalendar dueDate = new WorkingDayBusinessCalendar(calendar,
        standardOr(existing, DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar()));
    BusinessCalendar duration = new WorkingDayBusinessCalendar(calendar,
        standardOr(existing, DurationBusinessCalendar.NAME, new DurationBusinessCalendar()));
    if (existing instanceof MapBusinessCalendarManager map) {
      map.addBusinessCalendar(DueDateBusinessCalendar.NAME, dueDate);
      map.addBusinessCalendar(DurationBusinessCalendar.NAME, duration);
    } else {
      configuration.setBusinessCalendarManager(name -> {
        if (DueDateBusinessCalendar.NAME.equals(name)) {
          return dueDate;
        }
        if (DurationBusinessCalendar.NAME.equals(name)) {
          return duration;
        }
        return existing == null ? null : existing.getBusinessCalendar(name);
      });
    }
  }

  private static BusinessCalendar standardOr(BusinessCalendarManager manager, String name, BusinessCalendar fallback) {
    BusinessCalendar found = manager == null ? null : manager.getBusinessCalendar(name);
    return found == null ? fallback : found;
  }

  @Override
  public String toString() {
    return "WorkingDayBusinessCalendarPlugin[" + calendar + "]";
  }
}
