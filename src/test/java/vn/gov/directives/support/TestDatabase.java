package vn.gov.directives.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database the tests run on: H2 in memory (default) or a real PostgreSQL when the JVM runs with
 * {@code -Dtest.database=postgres} ({@code ./mvnw verify} runs the process and API suites both ways). PostgreSQL is
 * an embedded server (zonky), started once per JVM on a free port with its data in a temporary directory and stopped
 * when the JVM exits: nothing to install. Every logical database name (what the H2 URL called {@code jdbc:h2:mem:NAME})
 * becomes its own PostgreSQL database, so tests that shared an H2 database share one here and the others do not.
 */
public final class TestDatabase {

  public static final String PROPERTY = "test.database";
  public static final String USER = "postgres";

  private static EmbeddedPostgres server;
  private static final Set<String> created = new HashSet<>();

  private TestDatabase() {}

  public static boolean postgres() {
    String value = System.getProperty(PROPERTY, "h2").trim();
    if (value.equalsIgnoreCase("postgres") || value.equalsIgnoreCase("postgresql")) {
      return true;
    }
    if (value.equalsIgnoreCase("h2") || value.isEmpty()) {
      return false;
    }
    throw new IllegalArgumentException("-D" + PROPERTY + " must be h2 or postgres, got '" + value + "'");
  }

  /** The embedded server of this JVM, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C")
            // test data need not survive a crash of the machine: skip the disk flushes
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            // every cached Spring test context keeps its own pool open
            .setServerConfig("max_connections", "400")
            .setServerConfig("timezone", "UTC")
            .setRegisterShutdownHook(false)
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterSpringContexts, "test-database-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }

  /**
   * Stops the server at JVM exit, but only after Spring's shutdown hook has closed the cached test contexts: a closing
   * engine reports its metrics to the database, and when the server had gone first it waited for a connection until
   * the pool's 30 s timeout, for every context, and surefire killed the fork.
   */
  private static void stopAfterSpringContexts() {
    ShutdownOrder.awaitSpringShutdownHook();
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("Cannot stop the embedded PostgreSQL server: " + e);
    }
  }

  /** JDBC URL of the PostgreSQL database for that logical name, created if missing. */
  public static synchronized String postgresUrl(String name) {
    String database = databaseName(name);
    EmbeddedPostgres postgres = server();
    if (created.add(database)) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
        if (!exists.next()) {
          statement.execute("CREATE DATABASE " + database);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create the test database " + database, e);
      }
    }
    // no user in the URL: Spring's username property says it (and a URL with credentials would be logged)
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** JDBC URL for a logical database on the configured test database. */
  public static String jdbcUrl(String name) {
    // LOCK_TIMEOUT as in application.yaml: H2's 1 s default fails concurrent issues on a busy machine
    return postgres() ? postgresUrl(name)
        : "jdbc:h2:mem:" + name + ";MODE=LEGACY;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }

  /** A small pool on the logical database (for tests without a Spring context); close it after the test. */
  public static HikariDataSource dataSource(String name) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl(name));
    if (postgres()) {
      dataSource.setUsername(USER);
      dataSource.setPassword("");
    } else {
      dataSource.setUsername("sa");
      dataSource.setPassword("");
    }
    dataSource.setMaximumPoolSize(10);
    dataSource.setMinimumIdle(0);
    return dataSource;
  }

  /** PostgreSQL database name for an H2 database name such as "plan-approval" or a file path "./data/directives". */
  static String databaseName(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String database = "t_" + base;
    return database.length() > 63 ? database.substring(0, 63) : database;
  }

  /** The logical name of an H2 URL ("jdbc:h2:mem:plan-approval;MODE=..." → "plan-approval"), or null. */
  static String h2Name(String url) {
    if (url == null || !url.startsWith("jdbc:h2:")) {
      return null;
    }
    String rest = url.substring("jdbc:h2:".length());
    int options = rest.indexOf(';');
    if (options >= 0) {
      rest = rest.substring(0, options);
    }
    for (String prefix : new String[] {"mem:", "file:", "tcp:"}) {
      if (rest.startsWith(prefix)) {
        rest = rest.substring(prefix.length());
      }
    }
    return rest.isBlank() ? "default" : rest;
  }

}
