package vn.gov.directives.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@link ProcessAccess} from Camunda's history: admin, READ_HISTORY on the definition (Cockpit followers), the
 * starter, or a participant — assignee, owner, or candidate user/group of any task, past or present, of the
 * instance or of its sub-processes (identity link logs keep candidates that have since been removed).
 */
@Component
public class HistoricProcessAccess implements ProcessAccess {

  private final HistoryService historyService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;

  public HistoricProcessAccess(HistoryService historyService, AuthorizationService authorizationService,
      IdentityService identityService) {
    this.historyService = historyService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  @Override
  public boolean canView(String userId, List<String> groupIds, String processInstanceId) {
    if (userId == null || processInstanceId == null) {
      return false;
    }
    List<String> groups = groupIds == null ? List.of() : groupIds;
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    // The decision is ours, not the caller's authorizations': look at the history without them.
    return withoutAuthentication(() -> decide(userId, groups, processInstanceId));
  }

  private boolean decide(String userId, List<String> groups, String processInstanceId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return false;
    }
    if (authorizationService.isUserAuthorized(userId, groups, Permissions.READ_HISTORY,
        Resources.PROCESS_DEFINITION, instance.getProcessDefinitionKey())) {
      return true;
    }
    if (userId.equals(instance.getStartUserId())) {
      return true;
    }
    Set<String> groupSet = new HashSet<>(groups);
    for (String id : instanceTree(processInstanceId)) {
      for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
        if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
          return true;
        }
        for (HistoricIdentityLinkLog link :
            historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list()) {
          if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groupSet.contains(link.getGroupId()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The instance and all its sub-process instances, any depth. */
  private List<String> instanceTree(String processInstanceId) {
    List<String> tree = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(processInstanceId));
    while (!pending.isEmpty()) {
      String id = pending.pop();
      tree.add(id);
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
          .forEach(child -> pending.push(child.getId()));
    }
    return tree;
  }

  private <T> T withoutAuthentication(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
