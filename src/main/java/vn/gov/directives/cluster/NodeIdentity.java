package vn.gov.directives.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this node of a cluster: {@code app.node-id} (env {@code APP_NODE_ID}) or, when empty, the machine's
 * host name and the process id, so that two nodes on one machine still differ. It names the node in the reminder
 * log and, as the engine's host name, in Camunda's job log and metrics.
 */
public record NodeIdentity(String id) {

  public static final int MAX_LENGTH = 100;

  public NodeIdentity {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("app.node-id must not be empty");
    }
    id = id.strip();
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "app.node-id must be at most " + MAX_LENGTH + " characters, got " + id.length() + ": " + id);
    }
  }

  /** The configured id, or host name + process id when none is configured. */
  public static NodeIdentity of(String configured) {
    if (configured != null && !configured.isBlank()) {
      return new NodeIdentity(configured);
    }
    return new NodeIdentity(hostName() + "-" + ProcessHandle.current().pid());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
