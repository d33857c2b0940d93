package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a synchronisation changed; empty when the database already matched the configuration. */
public final class SyncReport {

  /** Up to this many changes the log line names each one; a first start (~670 changes) gets counts per kind. */
  static final int LISTED_IN_FULL = 20;

  private static final Set<String> VERBS = Set.of("created", "updated", "removed", "renamed", "extended", "password");

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

  /**
   * Changes counted by kind ("group created", "membership", "authorization extended", …), in the order first seen.
   */
  public Map<String, Long> countsByKind() {
    return changes.stream().collect(Collectors.groupingBy(SyncReport::kind, LinkedHashMap::new,
        Collectors.counting()));
  }

  /**
   * For the start-up log line: every change when there are few (what an administrator changed by hand and the sync
   * repaired), counts per kind when there are many (a fresh database).
   */
  @Override
  public String toString() {
    if (changes.isEmpty()) {
      return "no changes";
    }
    if (changes.size() <= LISTED_IN_FULL) {
      return changes.size() + " changes: " + changes;
    }
    return changes.size() + " changes: " + countsByKind().entrySet().stream()
        .map(kind -> kind.getValue() + " " + kind.getKey()).collect(Collectors.joining(", "));
  }

  /** The first word of a change, with its verb: "group created X" → "group created", "membership a → b" → "membership". */
  static String kind(String change) {
    String[] words = change.split(" ", 3);
    return words.length > 1 && VERBS.contains(words[1]) ? words[0] + " " + words[1] : words[0];
  }
}
