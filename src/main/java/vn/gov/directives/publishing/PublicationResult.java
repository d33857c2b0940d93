package vn.gov.directives.publishing;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The portal must accept the publication (2xx). Anything else fails the step: the job is retried and, when the
 * retries are used up, an incident shows in Cockpit; the decision itself stays issued.
 */
@Component("publicationResult")
public class PublicationResult implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object status = execution.getVariable("portalStatusCode");
    int code = status instanceof Number number ? number.intValue() : -1;
    if (code < 200 || code >= 300) {
      throw new ProcessEngineException("Cổng thông tin điện tử không nhận đăng tải Quyết định "
          + execution.getVariable("decisionNumber") + ": HTTP " + status + " " + execution.getVariable("portalResponse"));
    }
    execution.setVariable("publicationStatus", "Đã đăng trên Cổng thông tin điện tử (HTTP " + code + ")");
  }
}
