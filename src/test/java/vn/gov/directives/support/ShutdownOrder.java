package vn.gov.directives.support;

/**
 * JVM shutdown hooks run concurrently; a hook that stops a database the Spring contexts still use must wait for
 * Spring Boot's own hook (the thread "SpringApplicationShutdownHook", which closes every context) to finish.
 */
public final class ShutdownOrder {

  private static final String SPRING_HOOK = "SpringApplicationShutdownHook";

  private ShutdownOrder() {}

  /** Called from a shutdown hook: waits (at most two minutes) until Spring's shutdown hook has ended. */
  public static void awaitSpringShutdownHook() {
    // the hooks are started one after the other: give Spring's a moment to appear
    long appearBy = System.nanoTime() + 1_000_000_000L;
    Thread spring = null;
    while (spring == null && System.nanoTime() < appearBy) {
      spring = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().equals(SPRING_HOOK)).findFirst().orElse(null);
      if (spring == null) {
        sleep(20);
      }
    }
    if (spring != null) {
      try {
        spring.join(120_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
