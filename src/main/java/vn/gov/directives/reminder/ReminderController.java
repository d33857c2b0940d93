package vn.gov.directives.reminder;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.security.ProcessAccess;

/** {@code GET /api/reminders?processInstanceId=…}: the reminders recorded for an instance and its sub-processes. */
@RestController
@RequestMapping(path = "/api/reminders", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReminderController {

  private final ReminderLog reminderLog;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final CommandExecutor commandExecutor;
  private final ProcessAccess processAccess;

  public ReminderController(
      ReminderLog reminderLog, ProcessEngine processEngine, ProcessAccess processAccess) {
    this.reminderLog = reminderLog;
    this.identityService = processEngine.getIdentityService();
    this.historyService = processEngine.getHistoryService();
    this.commandExecutor =
        ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
    this.processAccess = processAccess;
  }

  @GetMapping
  public ResponseEntity<?> list(@RequestParam(name = "processInstanceId", required = false) String processInstanceId) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return error(HttpStatus.UNAUTHORIZED, "Cần đăng nhập để xem nhắc việc (authentication required)");
    }
    if (processInstanceId == null || processInstanceId.isBlank()) {
      return error(HttpStatus.BAD_REQUEST,
          "Thiếu tham số processInstanceId (query parameter processInstanceId is required)");
    }
    String id = processInstanceId.trim();
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!processAccess.canView(authentication.getUserId(), groups, id)) {
      return error(HttpStatus.FORBIDDEN,
          "Bạn không có quyền xem quy trình " + id + " (not allowed to view this process instance)");
    }
    // Access is decided above; the engine's own authorization must not hide sub-processes from the lookup.
    Set<String> instances = commandExecutor.execute(context -> context.runWithoutAuthorization(() -> withDescendants(id)));
    if (instances.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "Không tìm thấy quy trình " + id + " (unknown process instance)");
    }
    return ResponseEntity.ok(reminderLog.findByProcessInstances(instances).stream().map(ReminderView::of).toList());
  }

  private Set<String> withDescendants(String processInstanceId) {
    Set<String> found = new LinkedHashSet<>();
    HistoricProcessInstance root =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (root == null) {
      return found;
    }
    Deque<String> toVisit = new ArrayDeque<>(List.of(root.getId()));
    while (!toVisit.isEmpty()) {
      String current = toVisit.pop();
      if (found.add(current)) {
        historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(current).list()
            .forEach(child -> toVisit.push(child.getId()));
      }
    }
    return found;
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(vn.gov.directives.security.ApiErrors.body("", message));
    body.put("status", status.value());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
