package vn.gov.directives.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Walks the history's superProcessInstanceId links. Runs with the engine's authorization check off: whether the
 * user may see the tree was already decided by {@code ProcessAccess}; the walk itself must see every node.
 */
public class CamundaProcessTree implements ProcessTree {

  private static final int MAX_DEPTH = 50;

  private final ProcessEngine engine;

  public CamundaProcessTree(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public List<String> withDescendants(String processInstanceId) {
    return execute(context -> {
      Set<String> found = new LinkedHashSet<>();
      found.add(processInstanceId);
      Deque<String> queue = new ArrayDeque<>(List.of(processInstanceId));
      while (!queue.isEmpty() && found.size() < 10_000) {
        String parent = queue.poll();
        HistoricProcessInstanceQueryImpl children = new HistoricProcessInstanceQueryImpl();
        children.superProcessInstanceId(parent);
        for (HistoricProcessInstance child : children.executeList(context, null)) {
          if (found.add(child.getId())) {
            queue.add(child.getId());
          }
        }
      }
      return new ArrayList<>(found);
    });
  }

  @Override
  public List<String> withAncestors(String processInstanceId) {
    return execute(context -> {
      List<String> chain = new ArrayList<>(List.of(processInstanceId));
      String current = processInstanceId;
      for (int depth = 0; depth < MAX_DEPTH; depth++) {
        HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
        query.processInstanceId(current);
        List<HistoricProcessInstance> found = query.executeList(context, null);
        if (found.isEmpty() || found.get(0).getSuperProcessInstanceId() == null) {
          break;
        }
        current = found.get(0).getSuperProcessInstanceId();
        chain.add(current);
      }
      return chain;
    });
  }

  private <T> T execute(java.util.function.Function<CommandContext, T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return work.apply(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }
}
