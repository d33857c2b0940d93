package vn.gov.directives.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Work the system does on behalf of a process step, whoever completed the task that triggered it: reading the
 * dossier's documents, the members of a group. Inside an engine command the user's authorizations would hide them.
 */
public final class SystemAccess {

  private SystemAccess() {}

  /**
   * Outside an engine command (a REST controller that has already checked the caller's rights): the request user's
   * authentication is lifted for the work and restored after it.
   */
  public static <T> T call(org.camunda.bpm.engine.IdentityService identity, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return call(work);
    }
    org.camunda.bpm.engine.impl.identity.Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  public static <T> T call(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return work.get();
    }
    try {
      return context.runWithoutAuthorization(work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
