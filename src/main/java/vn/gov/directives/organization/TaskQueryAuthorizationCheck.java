package vn.gov.directives.organization;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task queries check a reader's authorizations per task by index probes instead of Camunda's join (README
 * "PostgreSQL in production", authorization checks of task queries).
 *
 * <p>Camunda 7 writes a query's authorization check in one of two forms. Without REVOKE checks (its default
 * {@code authorizationCheckRevokes=auto} when no REVOKE names the reader) it joins every candidate row to all of the
 * reader's authorization rows {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}; PostgreSQL cannot hash that
 * {@code OR}, and the engine writes one authorization row per task and candidate group, so a group's task list
 * compares each of its open tasks with each of its authorization rows — the square of its open work. With REVOKE
 * checks it writes a {@code CASE WHEN EXISTS (…)} per row: a few index probes on Camunda's own indexes per task.
 * This manager turns REVOKE checks on for task queries only; every other query keeps Camunda's choice, because for
 * queries over all process instances or their history (Cockpit), where the reader's few {@code '*'} grants make the
 * join cheap, the per-row form was 5–9 times slower in benchmark 4. For tasks the result is the same set: the join
 * form ignores REVOKE rows only when none names the reader, and the product grants nothing globally on tasks or
 * process definitions (a global row's missing permissions count as revokes in the per-row form; {@link
 * AuthorizationSynchronizer}). {@code app.database.task-query-per-row-check=false} switches it off.
 */
@Component
public class TaskQueryAuthorizationCheck extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationCheck.class);

  private final boolean enabled;

  public TaskQueryAuthorizationCheck(@Value("${app.database.task-query-per-row-check:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (enabled) {
      install(configuration);
    }
  }

  /** This engine's authorization manager becomes {@link PerRowTaskChecks}. */
  public static void install(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(AuthorizationManager.class, new Factory(PerRowTaskChecks.class));
    LOG.info("Task queries check authorizations per task (REVOKE checks on for task queries)");
  }

  /** Back to Camunda's manager (benchmark 4 measures both in the same run). */
  public static void uninstall(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(AuthorizationManager.class,
        new GenericManagerFactory(AuthorizationManager.class));
  }

  public static boolean installed(ProcessEngineConfigurationImpl configuration) {
    return configuration.getSessionFactories().get(AuthorizationManager.class) instanceof Factory;
  }

  /** Camunda's authorization manager, with REVOKE checks (the per-row form) on for task queries. */
  public static class PerRowTaskChecks extends AuthorizationManager {
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.isAuthorizationCheckEnabled()) {
        check.setRevokeAuthorizationCheckEnabled(true);
      }
    }
  }

  /** Recognisable, so that {@link #installed} can tell. */
  static final class Factory extends GenericManagerFactory {
    Factory(Class<PerRowTaskChecks> implementation) {
      super(implementation);
    }

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }
  }
}
