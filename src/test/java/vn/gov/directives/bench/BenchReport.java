package vn.gov.directives.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a benchmark prints: one line per figure, also appended to {@code target/bench/<name>.txt} so that
 * {@code bench/run.sh} can show them together at the end. Benchmarks measure; they never assert a time.
 */
public final class BenchReport {

  private final String name;
  private final Path file;

  public BenchReport(String name) {
    this.name = name;
    this.file = Path.of("target", "bench", name + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# " + name + " — " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
          + " CPUs, " + System.getProperty("java.version") + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A formatted figure line (Locale.ROOT). */
  public void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println("[bench " + name + "] " + text);
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Integer system property, e.g. -Dbench.throughput.instances=200. */
  public static int size(String property, int defaultValue) {
    return Integer.getInteger(property, defaultValue);
  }

  /** Latency statistics of samples in nanoseconds. */
  public record Stats(int count, double medianMs, double p95Ms, double meanMs, double maxMs) {
    public static Stats of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
      return new Stats(sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, mean,
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "n=%d median %.1f ms, p95 %.1f ms, mean %.1f ms, max %.1f ms",
          count, medianMs, p95Ms, meanMs, maxMs);
    }
  }
}
