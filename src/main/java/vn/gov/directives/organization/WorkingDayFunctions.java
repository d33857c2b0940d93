package vn.gov.directives.organization;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * Registers the expression function {@code workingDaysFromNow(n)} in the engine, next to Camunda's {@code now()}:
 * the end (24:00 Vietnam time) of the n-th working day after today. The Tasklist filter "Sắp đến hạn" stores
 * {@code dueBefore = ${workingDaysFromNow(3)}}, so "3 working days" is recomputed on every refresh, across weekends
 * and holidays, without a job rewriting the filter.
 */
@Component
public class WorkingDayFunctions extends AbstractProcessEnginePlugin {

  public static final String FUNCTION = "workingDaysFromNow";

  // EL functions are static; each engine (one per Spring context) finds its own calendar here.
  private static final Map<ProcessEngineConfiguration, ObjectProvider<WorkingCalendar>> CALENDARS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final ObjectProvider<WorkingCalendar> calendar;

  public WorkingDayFunctions(ObjectProvider<WorkingCalendar> calendar) {
    this.calendar = calendar;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    CALENDARS.put(configuration, calendar);
    try {
      Method function = WorkingDayFunctions.class.getMethod(FUNCTION, int.class);
      configuration.getExpressionManager().addFunction(FUNCTION, function);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** EL function: end of the n-th working day after today (Vietnam time, engine clock). */
  public static Date workingDaysFromNow(int workingDays) {
    ObjectProvider<WorkingCalendar> provider = CALENDARS.get(Context.getProcessEngineConfiguration());
    if (provider == null) {
      throw new IllegalStateException(FUNCTION + "() is evaluated outside an engine that registered it");
    }
    WorkingCalendar workingCalendar = provider.getObject();
    return VietnamTime.endOfDay(workingCalendar.plusWorkingDays(VietnamTime.today(), workingDays));
  }
}
