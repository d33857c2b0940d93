package vn.gov.directives.organization;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.OrganizationConfiguration.DemoUserList;

/**
 * At start-up, before the web server accepts requests: refuses demo users and demo passwords in production, then
 * loads the organisation into Camunda (groups, demo users, filters, authorizations) and the administrator given
 * from the environment. Failing here stops the application.
 */
@Component
public class OrganizationStartup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationStartup.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ProcessEngine engine;
  private final ConfiguredOrganization organization;
  private final OrganizationProperties properties;
  private final DemoUserList demoUsers;
  private final Environment environment;

  public OrganizationStartup(ProcessEngine engine, ConfiguredOrganization organization,
      OrganizationProperties properties, DemoUserList demoUsers, Environment environment) {
    this.engine = engine;
    this.organization = organization;
    this.properties = properties;
    this.demoUsers = demoUsers;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    AdminAccount admin = AdminAccount.from(environment);
    long start = System.nanoTime();
    long startCpu = THREADS.getCurrentThreadCpuTime();
    StoredPasswords passwords = new StoredPasswords(engine);
    if (ProductionGuard.isProduction(environment)) {
      // both checks before anything is written
      ProductionGuard.refuseExistingDemoUsers(engine.getIdentityService(), demoUsers.users());
      ProductionGuard.refuseDemoPasswords(engine.getIdentityService(), passwords, demoUsers.users(),
          admin.userId() == null ? null : admin.userId().strip());
    }
    SyncReport report = synchronize();
    report.addAll(admin.ensure(engine.getIdentityService(), passwords));
    // the CPU time too: on a shared machine the wall time says little
    LOG.info("Organisation synchronised with Camunda in {} ms (CPU {} ms): {}", (System.nanoTime() - start) / 1_000_000,
        (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000, report);
    if (report.changes().size() > SyncReport.LISTED_IN_FULL && LOG.isDebugEnabled()) {
      report.changes().forEach(change -> LOG.debug("Organisation: {}", change));
    }
  }

  /**
   * Idempotent: a second run on an up-to-date database returns an empty report. All changes are made in one engine
   * command, so one transaction and one flush, where Camunda writes the rows in JDBC batches: on a fresh database
   * ~600 rows (groups, users with their own authorizations, memberships, filters, grants) that took a command, a
   * transaction and a flush each. When that fails — typically another node of a cluster starting at the same moment
   * and inserting the same rows first — nothing of it was kept, and the synchronisation runs again change by change,
   * where each insert accepts the row the other node made; a real error fails there too and stops the start.
   */
  public SyncReport synchronize() {
    CommandExecutor commandExecutor =
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
    try {
      return commandExecutor.execute(commandContext -> synchronizeChanges());
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      LOG.info("Organisation: synchronising in one transaction failed ({}, logged above by the engine); again change"
          + " by change", cause.toString());
      return synchronizeChanges();
    }
  }

  /** The synchronisation itself; each engine call joins the caller's command when there is one. */
  private SyncReport synchronizeChanges() {
    SyncReport report = new SyncReport();
    IdentitySynchronizer identity = new IdentitySynchronizer(engine.getIdentityService(), organization);
    report.addAll(identity.synchronizeGroups());
    if (properties.demoUsers()) {
      report.addAll(identity.synchronizeUsers(demoUsers.users()));
    }
    Map<String, String> filterIds =
        new TaskFilterSynchronizer(engine.getFilterService(), engine.getTaskService()).synchronize(report);
    report.addAll(new AuthorizationSynchronizer(engine.getAuthorizationService(), organization)
        .synchronize(filterIds.values()));
    return report;
  }

}
