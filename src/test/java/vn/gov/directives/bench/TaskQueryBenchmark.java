package vn.gov.directives.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.ConfiguredOrganization;
import vn.gov.directives.organization.TaskFilterSynchronizer;

/**
 * Benchmark 4 (bench/run.sh queries): N open tasks spread over every agency's specialists and leaders, a third of
 * them overdue, authorization on; then the Tasklist filters "Việc của đơn vị" and "Quá hạn" asked through the REST
 * API exactly as Tasklist asks them (POST /engine-rest/filter/{id}/list, HAL, first page of 15 with the count) by
 * users of several agencies, one request at a time. Prints median and p95 latency per filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN", "app.notices.demo=false"})
@ActiveProfiles({"demo", "postgres"})
class TaskQueryBenchmark {

  static final String KEY = "bench-open-task";
  static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
  static final List<String> USERS = List.of("stc-cv", "syt-cv", "sgddt-cv", "quynhon-cv", "anlao-ld", "vpubnd-cv",
      "stttt-ld", "demo");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, BenchDatabase.create("bench_queries"));
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired ConfiguredOrganization organization;
  @Autowired JdbcTemplate jdbc;

  @Test
  void filters() throws Exception {
    int tasks = BenchReport.size("bench.queries.tasks", 50_000);
    int requests = BenchReport.size("bench.queries.requests", 200);
    BenchReport report = new BenchReport("queries");
    repositoryService.createDeployment().name("benchmark: open tasks")
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).name("Benchmark việc đang mở")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Open").name("Xử lý việc (benchmark)")
            .camundaCandidateGroups("${group}").camundaDueDate("${due}").endEvent().done())
        .deploy();
    List<String> groups = new ArrayList<>();
    for (Agency agency : organization.agencies(VietnamTime.today())) {
      groups.add(organization.group(agency.code(), "chuyen-vien"));
      groups.add(organization.group(agency.code(), "chuyen-vien"));
      groups.add(organization.group(agency.code(), "lanh-dao"));
    }
    long begin = System.nanoTime();
    create(tasks, groups);
    report.line("%d open tasks over %d groups (%d agencies), a third overdue, created in %.0f s; authorization on;"
        + " PostgreSQL (embedded, defaults)", tasks, groups.size() - groups.size() / 3, groups.size() / 3,
        (System.nanoTime() - begin) / 1e9);
    report.line("rows: act_ru_task %d, act_ru_identitylink %d, act_ru_authorization %d",
        count("act_ru_task"), count("act_ru_identitylink"), count("act_ru_authorization"));
    jdbc.execute("ANALYZE");

    HttpClient http = HttpClient.newHttpClient();
    measure(report, http, requests, "Camunda's own indexes");
    // candidates, measured in the same run: "Quá hạn" filters and both filters sort on DUE_DATE_, which Camunda
    // does not index; the authorization join asks USER_ID_ IN (user, '*') OR GROUP_ID_ IN (...), and only
    // GROUP_ID_ has an index of its own, so PostgreSQL cannot combine two index scans
    jdbc.execute("CREATE INDEX bench_ix_task_due ON act_ru_task (due_date_)");
    jdbc.execute("CREATE INDEX bench_ix_auth_user ON act_ru_authorization (user_id_)");
    jdbc.execute("ANALYZE");
    measure(report, http, requests, "with indexes on act_ru_task(due_date_) and act_ru_authorization(user_id_)");
  }

  private void measure(BenchReport report, HttpClient http, int requests, String label) throws Exception {
    report.line("-- %s", label);
    for (String filter : List.of(TaskFilterSynchronizer.AGENCY_TASKS, TaskFilterSynchronizer.OVERDUE)) {
      String id = filterService.createFilterQuery().filterName(filter).singleResult().getId();
      for (String user : USERS) {
        call(http, id, user); // warm-up: caches, JIT, the user's groups
      }
      Map<String, long[]> scansBefore = scans();
      long[] nanos = new long[requests];
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < requests; i++) {
        String user = USERS.get(i % USERS.size());
        long start = System.nanoTime();
        String body = call(http, id, user);
        nanos[i] = System.nanoTime() - start;
        if (i < USERS.size()) {
          Matcher m = COUNT.matcher(body);
          seen.append(user).append('=').append(m.find() ? m.group(1) : "?").append(' ');
        }
      }
      BenchReport.Stats stats = BenchReport.Stats.of(nanos);
      report.line("%-16s %s (target p95 <= 200 ms); tasks each user sees: %s", filter, stats, seen.toString().trim());
      // how PostgreSQL answered: sequential scans of a big table per request mean a missing index
      Map<String, long[]> scansAfter = scans();
      StringBuilder plan = new StringBuilder();
      scansAfter.forEach((table, after) -> {
        long[] before = scansBefore.getOrDefault(table, new long[3]);
        if (after[0] - before[0] + after[2] - before[2] > 0) {
          plan.append(String.format(java.util.Locale.ROOT, "%s seq %.1f (%.0f rows) idx %.1f; ", table,
              (after[0] - before[0]) / (double) requests, (after[1] - before[1]) / (double) requests,
              (after[2] - before[2]) / (double) requests));
        }
      });
      report.line("%-16s scans per request: %s", "", plan);
    }
  }

  /** Per Camunda runtime table: sequential scans, rows they read, index scans (PostgreSQL statistics). */
  private Map<String, long[]> scans() {
    jdbc.execute("SELECT pg_stat_clear_snapshot()");
    // statistics reach the collector asynchronously
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, long[]> result = new java.util.TreeMap<>();
    jdbc.query("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0) FROM pg_stat_user_tables"
        + " WHERE relname LIKE 'act_ru_%'", rs -> {
          result.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
    return result;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private String call(HttpClient http, String filterId, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/"
            + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],"
            + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
        .timeout(Duration.ofMinutes(2))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", user, filterId, response.body()).isEqualTo(200);
    return response.body();
  }

  private void create(int tasks, List<String> groups) throws Exception {
    AtomicInteger next = new AtomicInteger();
    Instant now = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            // a third overdue by 1..30 days, the rest due in 1..60 days
            Instant due = (i / groups.size()) % 3 == 0 ? now.minus(Duration.ofDays(1 + i % 30)) : now.plus(Duration.ofDays(1 + i % 60));
            runtimeService.startProcessInstanceByKey(KEY, Map.of("group", groups.get(i % groups.size()),
                "due", Date.from(due)));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
