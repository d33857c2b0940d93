package vn.gov.directives.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** CONTRACT STUB: the calendar capability replaces this class. */
public class DueDateService {

  public Date forStep(String step, VariableScope scope) {
    throw new UnsupportedOperationException("calendar capability not merged yet");
  }

  public Date deadlineEnd(LocalDate deadline) {
    throw new UnsupportedOperationException("calendar capability not merged yet");
  }

  public Date dateEnd(String isoDate) {
    throw new UnsupportedOperationException("calendar capability not merged yet");
  }

  public Date reminderInstant(LocalDate day) {
    throw new UnsupportedOperationException("calendar capability not merged yet");
  }
}
