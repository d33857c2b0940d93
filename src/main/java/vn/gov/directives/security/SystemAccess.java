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
