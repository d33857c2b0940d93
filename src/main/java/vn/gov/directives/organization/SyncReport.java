package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.List;

/** What a synchronisation changed; empty when the database already matched the configuration. */
public final class SyncReport {

  private final List<String> changes = new ArrayList<>();

  void changed(String what) {
    changes.add(what);
  }

  void addAll(SyncReport other) {
    changes.addAll(other.changes);
  }

  public List<String> changes() {
    return List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  @Override
  public String toString() {
    return changes.isEmpty() ? "no changes" : changes.size() + " changes: " + changes;
  }
}
