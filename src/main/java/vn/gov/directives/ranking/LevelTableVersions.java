package vn.gov.directives.ranking;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which deployed version of the DMN table it-ranking-level rates a ranking year. Its {@code camunda:versionTag} is
 * the first ranking year the thresholds apply to: the year's own version when there is one, else the version with
 * the highest tag before the year (thresholds stay until changed), else (a year before every tag, or no tag) the
 * latest version deployed.
 */
public final class LevelTableVersions {

  /** A deployed version: engine id, versionTag (may be null or not a year), engine version number. */
  public record Deployed(String id, String versionTag, int version) {

    Optional<Integer> tagYear() {
      try {
        return versionTag == null ? Optional.empty() : Optional.of(Integer.parseInt(versionTag.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** "versionTag 2018 (v1)", kept with the round so that the decision can be traced. */
    public String describe() {
      return "versionTag " + (versionTag == null ? "—" : versionTag) + " (v" + version + ")";
    }
  }

  private LevelTableVersions() {}

  public static Deployed choose(List<Deployed> deployed, int year) {
    if (deployed.isEmpty()) {
      throw new IllegalStateException("Chưa triển khai bảng quyết định xếp loại it-ranking-level.");
    }
    Comparator<Deployed> newest = Comparator.comparingInt(Deployed::version);
    return deployed.stream()
        .filter(d -> d.tagYear().filter(tag -> tag <= year).isPresent())
        .max(Comparator.<Deployed>comparingInt(d -> d.tagYear().orElseThrow()).thenComparing(newest))
        .orElseGet(() -> deployed.stream().max(newest).orElseThrow());
  }
}
