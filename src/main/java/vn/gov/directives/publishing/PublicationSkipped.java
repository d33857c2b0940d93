package vn.gov.directives.publishing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** No portal address is configured: say so, visibly, instead of failing. */
@Component("publicationSkipped")
public class PublicationSkipped implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PublicationSkipped.class);

  @Override
  public void execute(DelegateExecution execution) {
    String status = "Chưa đăng Cổng thông tin điện tử: chưa cấu hình địa chỉ đăng tải (app.portal.publish-url)";
    execution.setVariable("publicationStatus", status);
    LOG.warn("Decision {} not published: app.portal.publish-url is not set", execution.getVariable("decisionNumber"));
  }
}
