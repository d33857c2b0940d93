package vn.gov.directives.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * With {@code javaSerializationFormatEnabled: false} the engine refuses a variable of type Object serialized as
 * {@code application/x-java-serialized-object} (ENGINE-17007, nothing is deserialized or stored), but Camunda REST
 * answers that refusal with 500 as if the server had failed. It is the client's fault: 400, with a Vietnamese message.
 */
public class SerializedObjectRefusalFilter implements ContainerResponseFilter {

  /** Camunda's code for "Java serialization format is prohibited". */
  static final String PROHIBITED = "ENGINE-17007";
  static final String MESSAGE = "Không nhận biến kiểu đối tượng Java tuần tự hóa "
      + "(application/x-java-serialized-object): gửi giá trị dạng JSON hoặc kiểu cơ bản.";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
        && response.getEntity() instanceof ExceptionDto error
        && error.getMessage() != null && error.getMessage().contains(PROHIBITED)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "JavaSerializationProhibited");
      body.put("message", MESSAGE);
      response.setStatus(Response.Status.BAD_REQUEST.getStatusCode());
      response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
