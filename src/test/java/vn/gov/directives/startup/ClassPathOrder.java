package vn.gov.directives.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How far down the packaged jar's class path the classes a JVM loaded were: Spring Boot's launcher looks for a class in
 * BOOT-INF/classes, then in each nested jar in the order of BOOT-INF/classpath.idx, until one has it.
 */
final class ClassPathOrder {

  private static final Pattern INDEX_ENTRY = Pattern.compile("^- \"BOOT-INF/lib/(.+)\"$");
  private static final Pattern LOADED_FROM_LIB = Pattern.compile(" source: jar:nested:.*!/?BOOT-INF/lib/([^!]+)!/");

  private ClassPathOrder() {
  }

  /**
   * The mean number of nested jars searched before the one holding each class in {@code classLoadLog}
   * ({@code -Xlog:class+load} output), over the classes loaded from the jar's libraries.
   */
  static double meanJarsSearchedBefore(Path jar, Path classLoadLog) throws IOException {
    Map<String, Integer> position = positionsInIndex(jar);
    long classes = 0;
    long jarsSearched = 0;
    try (Stream<String> lines = Files.lines(classLoadLog, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher loaded = LOADED_FROM_LIB.matcher(line);
        if (loaded.find()) {
          Integer at = position.get(loaded.group(1));
          if (at == null) {
            throw new IllegalStateException(loaded.group(1) + " is not in " + jar + "'s BOOT-INF/classpath.idx");
          }
          classes++;
          jarsSearched += at;
        }
      }
    }
    if (classes == 0) {
      throw new IllegalStateException("No class loaded from BOOT-INF/lib in " + classLoadLog);
    }
    return (double) jarsSearched / classes;
  }

  /** Each nested jar's name with the number of jars the launcher searches before it. */
  private static Map<String, Integer> positionsInIndex(Path jar) throws IOException {
    Map<String, Integer> position = new HashMap<>();
    try (JarFile file = new JarFile(jar.toFile());
        InputStream in = file.getInputStream(file.getEntry("BOOT-INF/classpath.idx"))) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(INDEX_ENTRY::matcher)
          .filter(Matcher::matches)
          .forEach(entry -> position.put(entry.group(1), position.size()));
    }
    return position;
  }
}
