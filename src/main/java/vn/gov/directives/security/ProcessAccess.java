package vn.gov.directives.security;

/**
 * Who may see a process instance's documents and reminders. Implemented by {@link HistoricProcessAccess}.
 */
public interface ProcessAccess {

  /**
   * True when the user is an admin, may read the instance's history (Cockpit rights), started it, or took part in
   * it or in one of its sub-processes (assignee or candidate of one of its tasks).
   */
  boolean canView(String userId, java.util.List<String> groupIds, String processInstanceId);

  default boolean canView(CurrentUser user, String processInstanceId) {
    return canView(user.userId(), user.groupIds(), processInstanceId);
  }
}
