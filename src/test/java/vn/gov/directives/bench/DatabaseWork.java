package vn.gov.directives.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where PostgreSQL's time goes during one benchmark run on one database: per statement (pg_stat_statements, reset
 * before the run) calls, execution time, rows, buffers and WAL; WAL bytes of the whole server (LSN before/after);
 * per table sequential and index scans (pg_stat_user_tables); commits (pg_stat_database). Accumulated over the
 * runs of one variant, printed per instance.
 */
final class DatabaseWork {

  /** calls, total ms, rows, shared blocks hit, shared blocks read, WAL bytes. */
  final Map<String, double[]> statements = new HashMap<>();
  long walBytes;
  /** CPU time of the whole PostgreSQL server (every backend and background process), from /proc. */
  long serverCpuMillis;
  long commits;
  long rollbacks;
  /** per table: sequential scans, tuples read by them, index scans, tuples fetched by them. */
  final Map<String, long[]> scans = new HashMap<>();

  static void enable(JdbcTemplate jdbc) {
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  }

  /** What a run starts from: statements reset, WAL position, commits and scans so far. */
  static Snapshot before(JdbcTemplate jdbc) {
    jdbc.queryForList("SELECT pg_stat_statements_reset()");
    return snapshot(jdbc, false);
  }

  record Snapshot(long walLsn, long commits, long rollbacks, Map<String, long[]> scans,
      Map<String, double[]> statements, long serverCpuMillis) {}

  /**
   * CPU milliseconds used so far by the PostgreSQL server: the postmaster with its ended children, and every live
   * child (backends, WAL writer, checkpointer…). Linux only; 0 elsewhere.
   */
  static long serverCpuMillis(JdbcTemplate jdbc) {
    try {
      int backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
      long postmaster = Long.parseLong(stat(java.nio.file.Path.of("/proc", String.valueOf(backend), "stat"))[1]);
      String[] own = stat(java.nio.file.Path.of("/proc", String.valueOf(postmaster), "stat"));
      long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
          + Long.parseLong(own[14]);
      try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) processes::iterator) {
          if (!p.getFileName().toString().matches("\\d+")) {
            continue;
          }
          try {
            String[] f = stat(p.resolve("stat"));
            if (Long.parseLong(f[1]) == postmaster) {
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          } catch (java.io.IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        }
      }
      return ticks * 10; // USER_HZ = 100 on Linux
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /** /proc/PID/stat fields after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime. */
  private static String[] stat(java.nio.file.Path file) throws java.io.IOException {
    String text = java.nio.file.Files.readString(file);
    return text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
  }

  /**
   * Reads the counters. pg_stat_statements counts at once; pg_stat_database and pg_stat_user_tables only after the
   * backends reported (the caller has made every pooled connection end a transaction and waited).
   */
  static Snapshot snapshot(JdbcTemplate jdbc, boolean withStatements) {
    long lsn = jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", Long.class);
    long[] xacts = jdbc.queryForObject("SELECT xact_commit, xact_rollback FROM pg_stat_database"
        + " WHERE datname = current_database()", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
    Map<String, long[]> scans = new HashMap<>();
    jdbc.query("SELECT relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0),"
        + " coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables", rs -> {
          scans.put(rs.getString(1).toLowerCase(Locale.ROOT),
              new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        });
    Map<String, double[]> statements = new HashMap<>();
    if (withStatements) {
      jdbc.query("SELECT query, calls, total_exec_time, rows, shared_blks_hit, shared_blks_read, wal_bytes"
          + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())",
          rs -> {
            String text = rs.getString(1).replaceAll("\\s+", " ").trim();
            double[] v = statements.computeIfAbsent(text, t -> new double[6]);
            v[0] += rs.getLong(2);
            v[1] += rs.getDouble(3);
            v[2] += rs.getLong(4);
            v[3] += rs.getLong(5);
            v[4] += rs.getLong(6);
            v[5] += rs.getDouble(7);
          });
    }
    return new Snapshot(lsn, xacts[0], xacts[1], scans, statements, serverCpuMillis(jdbc));
  }

  /** Adds what happened between the two snapshots. */
  void add(Snapshot before, Snapshot after) {
    walBytes += after.walLsn() - before.walLsn();
    serverCpuMillis += after.serverCpuMillis() - before.serverCpuMillis();
    commits += after.commits() - before.commits();
    rollbacks += after.rollbacks() - before.rollbacks();
    after.scans().forEach((table, a) -> {
      long[] b = before.scans().getOrDefault(table, new long[4]);
      long[] sum = scans.computeIfAbsent(table, t -> new long[4]);
      for (int i = 0; i < 4; i++) {
        sum[i] += a[i] - b[i];
      }
    });
    after.statements().forEach((text, v) -> {
      double[] sum = statements.computeIfAbsent(text, t -> new double[6]);
      for (int i = 0; i < 6; i++) {
        sum[i] += v[i];
      }
    });
  }

  /** The figures per instance: totals, the top statements by execution time, the tables most scanned. */
  void print(BenchReport report, BenchReport detail, String label, long instances, int top) {
    double calls = 0;
    double ms = 0;
    for (double[] v : statements.values()) {
      calls += v[0];
      ms += v[1];
    }
    report.line("%-26s PostgreSQL per instance: %.0f statements, %.1f ms executing them, server CPU %.1f ms,"
        + " %.1f commits (%.2f rollbacks), %.1f KiB WAL", label, calls / instances, ms / instances,
        serverCpuMillis / (double) instances, commits / (double) instances, rollbacks / (double) instances,
        walBytes / 1024.0 / instances);
    List<Map.Entry<String, double[]>> sorted = new ArrayList<>(statements.entrySet());
    sorted.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
    report.line("%-26s   calls/inst  ms/inst  mean ms  rows/call  blks/call  WAL B/inst  statement", "");
    for (Map.Entry<String, double[]> e : sorted.subList(0, Math.min(top, sorted.size()))) {
      double[] v = e.getValue();
      String text = e.getKey();
      report.line("%-26s   %10.2f %8.2f %8.3f %10.1f %10.1f %11.0f  %s", "", v[0] / instances, v[1] / instances,
          v[0] == 0 ? 0 : v[1] / v[0], v[0] == 0 ? 0 : v[2] / v[0], v[0] == 0 ? 0 : (v[3] + v[4]) / v[0],
          v[5] / instances, text.length() > 160 ? text.substring(0, 160) + "…" : text);
    }
    if (detail != null) {
      detail.line("%s: every statement, per instance (calls, ms, mean ms, rows per call, blocks per call, WAL bytes)",
          label);
      for (Map.Entry<String, double[]> e : sorted) {
        double[] v = e.getValue();
        detail.line("  %8.2f %8.3f %8.3f %8.1f %8.1f %8.0f  %s", v[0] / instances, v[1] / instances,
            v[0] == 0 ? 0 : v[1] / v[0], v[0] == 0 ? 0 : v[2] / v[0], v[0] == 0 ? 0 : (v[3] + v[4]) / v[0],
            v[5] / instances, e.getKey());
      }
    }
    List<Map.Entry<String, long[]>> tables = new ArrayList<>(scans.entrySet());
    tables.sort((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[3], a.getValue()[1] + a.getValue()[3]));
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, long[]> e : tables.subList(0, Math.min(6, tables.size()))) {
      long[] v = e.getValue();
      line.append(String.format(Locale.ROOT, " %s seq %.1f (%.0f rows) idx %.1f (%.0f rows);", e.getKey(),
          v[0] / (double) instances, v[1] / (double) instances, v[2] / (double) instances,
          v[3] / (double) instances));
    }
    report.line("%-26s   tables most read, scans (rows) per instance:%s", "", line);
  }
}
