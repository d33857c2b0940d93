package vn.gov.directives.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * Camunda REST answers 500 when a task is completed twice: "task is null" when the first completion has committed,
 * an OptimisticLockingException when both ran at once, and 403 when the second request found the task but the first
 * completion committed before its authorization check (completing a task deletes its authorizations). All three mean
 * "someone was faster", which is the client's conflict, not a server fault nor a missing right: when a completion
 * ({@code submit-form}, {@code complete}, {@code resolve}) fails with 500 or 403 and the task has ended meanwhile, the
 * answer becomes 409 with a Vietnamese message. Any other failure keeps its status (a task that never existed stays
 * an error of Camunda's own kind; a live task one may not complete stays 403). An ended task already answered 409
 * through the 500 path, so the 403 path tells nobody more.
 */
public class TaskConflictResponseFilter implements ContainerResponseFilter {

  static final Pattern COMPLETION = Pattern.compile("^/?task/([^/]+)/(submit-form|complete|resolve)/?$");
  static final String MESSAGE = "Công việc này đã được hoàn thành (có thể bởi một người khác hoặc một lần gửi trước "
      + "đó); lần gửi này không được ghi nhận. Tải lại danh sách công việc.";

  private final ProcessEngine engine;

  public TaskConflictResponseFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if ((status != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
        && status != Response.Status.FORBIDDEN.getStatusCode()) || !"POST".equals(request.getMethod())) {
      return;
    }
    Matcher matcher = COMPLETION.matcher(request.getUriInfo().getPath());
    if (!matcher.matches()) {
      return;
    }
    String taskId = matcher.group(1);
    boolean ended = SystemAccess.call(engine.getIdentityService(), () -> {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
        return false;
      }
      HistoricTaskInstance historic =
          engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return historic != null && historic.getEndTime() != null;
    });
    if (ended) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "TaskAlreadyCompleted");
      body.put("message", MESSAGE);
      response.setStatus(Response.Status.CONFLICT.getStatusCode());
      response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
