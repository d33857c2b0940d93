package vn.gov.directives.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * The provincial portal's publishing endpoint as the BPMN sees it ({@code publication.configured},
 * {@code publication.url}, {@code publication.payload(execution)}); the HTTP call itself is Camunda Connect's
 * http-connector in the diagram.
 */
@Component("publication")
public class Publication {

  private final String url;
  private final String publicBaseUrl;
  private final OrganizationDirectory organization;
  private final ObjectMapper json = new ObjectMapper();

  public Publication(@Value("${app.portal.publish-url:}") String url,
      @Value("${app.public-base-url:http://localhost:8080}") String publicBaseUrl,
      OrganizationDirectory organization) {
    this.url = url == null ? "" : url.strip();
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.organization = organization;
  }

  public boolean isConfigured() {
    return !url.isEmpty();
  }

  public String getUrl() {
    return url;
  }

  /** JSON: number, date, title, issuer and download links of the decision; text is escaped by Jackson. */
  public String payload(DelegateExecution execution) {
    ObjectNode body = json.createObjectNode();
    body.put("number", (String) execution.getVariable("decisionNumber"));
    body.put("date", (String) execution.getVariable("decisionDate"));
    body.put("title", (String) execution.getVariable("decisionTitle"));
    body.put("issuer", organization.agency(organization.committee()).name());
    body.put("processInstanceId", execution.getProcessInstanceId());
    ArrayNode links = body.putArray("links");
    String id = (String) execution.getVariable("decisionDocumentId");
    for (String format : new String[] {"pdf", "docx"}) {
      links.addObject().put("format", format).put("url", publicBaseUrl + "/api/documents/" + id + "/" + format);
    }
    return body.toString();
  }
}
