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
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
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
import vn.gov.directives.organization.AuthorizedGroupIdsQuery;
import vn.gov.directives.organization.ConfiguredOrganization;
import vn.gov.directives.organization.OrganizationStartup;
import vn.gov.directives.organization.TaskFilterSynchronizer;
import vn.gov.directives.organization.TaskQueryAuthorizationCheck;
import vn.gov.directives.organization.TaskQueryIndexes;

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
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired OrganizationStartup organizationStartup;
  @Autowired DataSource dataSource;
  @Autowired TaskQueryIndexes taskQueryIndexes;

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
        + " PostgreSQL (embedded)", tasks, groups.size() - groups.size() / 3, groups.size() / 3,
        (System.nanoTime() - begin) / 1e9);
    report.line("server started with the production settings of README \"PostgreSQL in production\": %s",
        BenchDatabase.PRODUCTION_SETTINGS);
    report.line("rows: act_ru_task %d, act_ru_identitylink %d, act_ru_authorization %d",
        count("act_ru_task"), count("act_ru_identitylink"), count("act_ru_authorization"));
    jdbc.execute("ANALYZE");

    HttpClient http = HttpClient.newHttpClient();
    // -Dbench.queries.hold=FILE: keep the database up for EXPLAIN experiments until FILE exists (40 min at most)
    String hold = System.getProperty("bench.queries.hold");
    if (hold != null) {
      System.out.println("[bench queries] holding; database " + jdbc.queryForObject("SELECT current_database()",
          String.class) + " on port " + BenchDatabase.server().getPort() + "; release with: touch " + hold);
      for (int i = 0; i < 2400 && !Files.exists(Path.of(hold)); i++) {
        Thread.sleep(1000);
      }
    }
    // before: the filters as the first release created them ("Quá hạn" without a group condition), Camunda's own
    // indexes, revoke checks "auto" — an installation upgraded to this release starts from exactly that
    // -Dbench.queries.before=false skips it (it is slow: every overdue task checked against the authorizations)
    if (!"false".equals(System.getProperty("bench.queries.before"))) {
      // -Dbench.queries.before-at-defaults=true: the same first, on PostgreSQL's default settings, to see whether the
      // production settings slow any of the first release's queries
      if (Boolean.getBoolean("bench.queries.before-at-defaults")) {
        phase(report, http, requests, "BEFORE at PostgreSQL's default settings",
            () -> firstRelease(BenchDatabase.DEFAULT_SETTINGS));
      }
      phase(report, http, requests,
          "BEFORE: first-release filters, Camunda's own indexes and statements, authorizationCheckRevokes=auto",
          () -> firstRelease(Map.of()));
    }
    // the previous round: the product as started before task queries checked authorizations per task — Camunda's
    // join of every task to the reader's authorization rows (README "PostgreSQL in production"); filters, indexes,
    // planner statistics, loose scan and server settings as now
    phase(report, http, requests, "PREVIOUS: as now with Camunda's authorization join in task queries", () -> {
      asStarted();
      TaskQueryAuthorizationCheck.uninstall(engineConfiguration);
    });
    // candidates measured while choosing (-Dbench.queries.candidates="pg:max_parallel_workers_per_gather=0;revokes=never"):
    // each is AFTER plus one change — a setting for this database (pg:name=value), revoke checks, or SQL
    for (String candidate : System.getProperty("bench.queries.candidates", "").split(";")) {
      String change = candidate.strip();
      if (!change.isEmpty()) {
        phase(report, http, requests, "CANDIDATE: AFTER + " + change, () -> {
          asStarted();
          if (change.startsWith("revokes=")) {
            engineConfiguration.setAuthorizationCheckRevokes(change.substring("revokes=".length()));
          } else if (change.startsWith("pg:")) {
            String[] setting = change.substring(3).split("=", 2);
            databaseSettings(Map.of(setting[0].strip(), setting[1].strip()));
          } else {
            jdbc.execute(change);
          }
        });
      }
    }
    // after: what the product does at start on an upgraded installation, on a server with the production settings
    phase(report, http, requests, "AFTER: product filters, indexes, statistics and settings as started",
        this::asStarted);
  }

  /** What the product does at start, on the server's own (production) settings. */
  private void asStarted() {
    currentFilters();
    taskQueryIndexes.ensure();
    AuthorizedGroupIdsQuery.install(engineConfiguration);
    TaskQueryAuthorizationCheck.install(engineConfiguration);
    engineConfiguration.setAuthorizationCheckRevokes(configuredRevokes);
    databaseSettings(Map.of());
  }

  /** This database's settings: the server's, overridden by {@code overrides}; takes effect on new connections. */
  private void databaseSettings(Map<String, String> overrides) {
    String database = jdbc.queryForObject("SELECT current_database()", String.class);
    jdbc.execute("ALTER DATABASE " + database + " RESET ALL");
    overrides.forEach((name, value) -> jdbc.execute("ALTER DATABASE " + database + " SET " + name + " = '" + value
        + "'"));
  }

  private void dropPlannerStatistics() {
    for (TaskQueryIndexes.PlannerStatistics statistics : TaskQueryIndexes.plannerStatistics()) {
      jdbc.execute("DROP STATISTICS IF EXISTS " + statistics.name());
    }
  }

  /** The settings the pool's connections run with, and whether the planner statistics exist. */
  private String effectiveSettings() {
    StringBuilder s = new StringBuilder();
    for (String name : List.of("random_page_cost", "effective_cache_size", "work_mem", "jit",
        "max_parallel_workers_per_gather")) {
      s.append(name).append('=').append(jdbc.queryForObject("SHOW " + name, String.class)).append(' ');
    }
    for (TaskQueryIndexes.PlannerStatistics statistics : TaskQueryIndexes.plannerStatistics()) {
      s.append(statistics.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
          .append(taskQueryIndexes.exists(statistics) ? "present" : "absent");
    }
    return s.toString();
  }

  private String configuredRevokes;

  private void phase(BenchReport report, HttpClient http, int requests, String label, Runnable setup)
      throws Exception {
    if (configuredRevokes == null) {
      configuredRevokes = engineConfiguration.getAuthorizationCheckRevokes();
    }
    setup.run();
    jdbc.execute("ANALYZE");
    renewConnections();
    report.line("== %s (revokes %s; task queries %s; authorized groups by %s; filter \"%s\": %s)", label,
        engineConfiguration.getAuthorizationCheckRevokes(),
        TaskQueryAuthorizationCheck.installed(engineConfiguration) ? "checked per task" : "joined to authorizations",
        AuthorizedGroupIdsQuery.installed(engineConfiguration) ? "loose index scan" : "Camunda's full read",
        TaskFilterSynchronizer.OVERDUE, filterService.getFilter(filterId(TaskFilterSynchronizer.OVERDUE))
            .getProperties().get("description"));
    report.line("%-16s PostgreSQL: %s", "", effectiveSettings());
    report.line("%-16s load average before: %s", "", loadAverage());
    measure(report, http, requests, label);
    if (!"false".equals(System.getProperty("bench.queries.others"))) {
      otherQueries(report, Math.max(10, requests / 5));
    }
    report.line("%-16s load average after: %s", "", loadAverage());
    explain(report, http, label);
  }

  /** The machine's 1/5/15-minute load averages (Linux), to judge how quiet a phase ran. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** The four filters as the first release created them: no marker, "Quá hạn" = every overdue task one may read. */
  /** The first release's state: its filters, Camunda's own indexes and statements, revoke checks "auto". */
  private void firstRelease(Map<String, String> settings) {
    legacyFilters();
    dropProductIndexes();
    dropPlannerStatistics();
    AuthorizedGroupIdsQuery.uninstall(engineConfiguration);
    TaskQueryAuthorizationCheck.uninstall(engineConfiguration);
    engineConfiguration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    databaseSettings(settings);
  }

  private void legacyFilters() {
    Filter overdue = filterService.getFilter(filterId(TaskFilterSynchronizer.OVERDUE));
    overdue.setQuery(taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    Map<String, Object> properties = new LinkedHashMap<>(overdue.getProperties());
    properties.put("description", "Công việc đã quá hạn xử lý");
    overdue.setProperties(properties);
    filterService.saveFilter(overdue);
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      Map<String, Object> p = new LinkedHashMap<>(filter.getProperties());
      p.remove(TaskFilterSynchronizer.PRODUCT_FILTER);
      p.remove(TaskFilterSynchronizer.PRODUCT_FILTER_VERSION);
      filter.setProperties(p);
      filterService.saveFilter(filter);
    }
  }

  /** As the product brings them at start (the upgrade path). */
  private void currentFilters() {
    organizationStartup.synchronize();
  }

  private void dropProductIndexes() {
    for (TaskQueryIndexes.Index index : TaskQueryIndexes.indexes()) {
      jdbc.execute("DROP INDEX IF EXISTS " + index.name());
    }
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  /**
   * PostgreSQL's plans of the task queries (list and count) as Camunda sends them: auto_explain (ANALYZE, BUFFERS)
   * switched on for new sessions of this database, the pool's connections replaced, one request per filter and
   * user, then switched off again. The plans go to target/bench/queries-plans.txt; the report gets their top lines.
   */
  private void explain(BenchReport report, HttpClient http, String label) throws Exception {
    String database = jdbc.queryForObject("SELECT current_database()", String.class);
    jdbc.execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
    jdbc.execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = 0");
    jdbc.execute("ALTER DATABASE " + database + " SET auto_explain.log_analyze = on");
    jdbc.execute("ALTER DATABASE " + database + " SET auto_explain.log_buffers = on");
    Path log = BenchDatabase.serverLog();
    long offset = Files.size(log);
    try {
      renewConnections();
      for (String filter : List.of(TaskFilterSynchronizer.AGENCY_TASKS, TaskFilterSynchronizer.OVERDUE)) {
        for (String user : List.of("stc-cv", "vpubnd-cv")) {
          call(http, filterId(filter), user);
        }
      }
    } finally {
      jdbc.execute("ALTER DATABASE " + database + " RESET ALL");
      renewConnections();
    }
    Thread.sleep(500);
    String text;
    try (var channel = Files.newByteChannel(log)) {
      channel.position(offset);
      text = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    }
    // one entry per "LOG:  duration: … plan:" line and the indented lines under it
    List<String> plans = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n")) {
      if (line.contains("LOG:  duration:") && line.contains("plan:")) {
        if (current != null) {
          plans.add(current.toString());
        }
        current = new StringBuilder(line).append('\n');
      } else if (current != null && (line.startsWith("\t") || line.startsWith(" "))) {
        current.append(line).append('\n');
      } else if (current != null) {
        plans.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      plans.add(current.toString());
    }
    Path out = Path.of("target", "bench", "queries-plans.txt");
    StringBuilder kept = new StringBuilder("\n######## " + label + "\n");
    int taskPlans = 0;
    for (String plan : plans) {
      if (plan.toUpperCase(java.util.Locale.ROOT).contains("FROM ACT_RU_TASK RES")) {
        taskPlans++;
        kept.append(plan).append('\n');
      }
    }
    Files.writeString(out, kept, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    report.line("%-16s plans: %d task queries (list and count, 2 users x 2 filters) in %s; durations: %s", "",
        taskPlans, out, durations(plans));
  }

  private static String durations(List<String> plans) {
    StringBuilder s = new StringBuilder();
    for (String plan : plans) {
      if (plan.toUpperCase(java.util.Locale.ROOT).contains("FROM ACT_RU_TASK RES")) {
        Matcher m = Pattern.compile("duration: ([0-9.]+) ms").matcher(plan);
        s.append(m.find() ? m.group(1) : "?").append(plan.toUpperCase(java.util.Locale.ROOT).contains("COUNT(")
            ? "(count) " : "(list) ");
      }
    }
    return s.toString().trim();
  }

  private void renewConnections() throws Exception {
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    Thread.sleep(1500);
  }

  private void measure(BenchReport report, HttpClient http, int requests, String label) throws Exception {
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
      report.line("%-16s engine only (FilterService list of 15 + count, no HTTP/HAL): %s", "", engineOnly(id, requests));
      // the REST request in parts: the page as plain JSON (no count, no HAL embedding), the count alone
      long[] jsonList = new long[requests / 2];
      long[] countOnly = new long[requests / 2];
      for (int i = 0; i < requests / 2; i++) {
        String user = USERS.get(i % USERS.size());
        long start = System.nanoTime();
        call(http, id, user, "list?firstResult=0&maxResults=15", "application/json");
        jsonList[i] = System.nanoTime() - start;
        start = System.nanoTime();
        call(http, id, user, "count", "application/json");
        countOnly[i] = System.nanoTime() - start;
      }
      report.line("%-16s REST parts: list of 15 as application/json (no count, no HAL) %s; count alone %s", "",
          BenchReport.Stats.of(jsonList), BenchReport.Stats.of(countOnly));
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

  /** The same filter through the Java API as the user: what the database and the engine cost without REST/HAL. */
  private BenchReport.Stats engineOnly(String filterId, int requests) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String user : USERS) {
      groups.put(user, identityService.createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }
    long[] nanos = new long[requests];
    try {
      for (int i = 0; i < requests; i++) {
        String user = USERS.get(i % USERS.size());
        identityService.setAuthentication(user, groups.get(user));
        long start = System.nanoTime();
        List<Task> page = filterService.listPage(filterId, 0, 15);
        long count = filterService.count(filterId);
        nanos[i] = System.nanoTime() - start;
        assertThat(count).isGreaterThanOrEqualTo(page.size());
      }
    } finally {
      identityService.clearAuthentication();
    }
    return BenchReport.Stats.of(nanos);
  }

  /**
   * What else the revoke setting changes (every authorization-checked query and command uses the same SQL form):
   * engine only, one user at a time — Tasklist's unfiltered task list and count, Cockpit's process-instance list
   * and count, the history of process instances, the process definitions, and a single authorization check (a
   * task's variables, one command) — for a specialist and for a Văn phòng UBND specialist, whose groups follow
   * every process instance (READ on all instances and READ_HISTORY on all definitions). -Dbench.queries.others=false
   * skips it.
   */
  private void otherQueries(BenchReport report, int requests) {
    String sampleTask = taskService.createTaskQuery().taskCandidateGroup(organization.group("STC", "chuyen-vien"))
        .listPage(0, 1).get(0).getId();
    for (String user : List.of("stc-cv", "vpubnd-cv")) {
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      report.line("%-16s other, %s: %d authorizations of the user's own, %d of the user's groups %s", "", user,
          jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization WHERE user_id_ = ?", Long.class, user),
          groups.isEmpty() ? 0L : jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization WHERE group_id_ IN ("
              + String.join(",", java.util.Collections.nCopies(groups.size(), "?")) + ")", Long.class,
              groups.toArray()), groups);
      identityService.setAuthentication(user, groups);
      try {
        Map<String, java.util.function.Supplier<Long>> queries = new LinkedHashMap<>();
        queries.put("tasks (15 + count)", () -> {
          taskService.createTaskQuery().orderByDueDate().asc().listPage(0, 15);
          return taskService.createTaskQuery().count();
        });
        queries.put("process instances (15 + count)", () -> {
          runtimeService.createProcessInstanceQuery().listPage(0, 15);
          return runtimeService.createProcessInstanceQuery().count();
        });
        queries.put("historic process instances (15 + count)", () -> {
          historyService.createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().desc()
              .listPage(0, 15);
          return historyService.createHistoricProcessInstanceQuery().count();
        });
        queries.put("process definitions (latest)", () -> (long) repositoryService.createProcessDefinitionQuery()
            .latestVersion().list().size());
        if (user.equals("stc-cv")) {
          queries.put("one authorization check (task variables)", () -> (long) taskService.getVariables(sampleTask)
              .size());
        }
        for (Map.Entry<String, java.util.function.Supplier<Long>> query : queries.entrySet()) {
          int runs = query.getKey().startsWith("one") ? requests * 10 : requests;
          long seen = query.getValue().get(); // warm-up
          long[] nanos = new long[runs];
          for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.getValue().get();
            nanos[i] = System.nanoTime() - start;
          }
          report.line("%-16s other, %s: %s, %s (%d)", "", user, query.getKey(), BenchReport.Stats.of(nanos), seen);
        }
      } finally {
        identityService.clearAuthentication();
      }
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
    return call(http, filterId, user, "list?firstResult=0&maxResults=15", "application/hal+json");
  }

  private String call(HttpClient http, String filterId, String user, String path, String accept) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/"
            + filterId + "/" + path))
        .header("Accept", accept)
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
