package vn.gov.directives.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import vn.gov.directives.assignment.AssignmentStatusChanged;

/** Records the status events an assignment process publishes, for the process tests to assert on. */
@TestConfiguration(proxyBeanMethods = false)
public class AssignmentStatusRecorder {

  public final List<AssignmentStatusChanged> seen = new CopyOnWriteArrayList<>();

  @EventListener
  void on(AssignmentStatusChanged event) {
    seen.add(event);
  }
}
