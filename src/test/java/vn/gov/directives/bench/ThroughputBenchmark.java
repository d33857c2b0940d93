package vn.gov.directives.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.Application;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Benchmark 1 (bench/run.sh throughput): generic assignments from start to accepted through the Java API with
 * 4 worker threads on PostgreSQL — the real assignment-generic beside the same BPMN stripped of listeners, timers
 * and delegates, in alternating rounds so that a busy machine hurts both alike.
 * Each worker does what the three users do: the specialist reports, the leader approves, Văn phòng UBND accepts.
 * The Báo cáo kết quả is issued in the acceptance's transaction; a run still ends only when every instance has ended
 * (were a step asynchronous again, its jobs would count): "including async jobs" is the machine's throughput and the
 * ratio to the target; "user-visible" (until the last click returned) is printed beside it.
 *
 * <p>The baseline is the engine's own cost as the issue measured it, with Camunda's default full history. The
 * history level is the engine's (one per database), so when the product runs at another level the stripped model
 * also runs on a second application context on a database of its own at {@code full} (same JVM, same PostgreSQL
 * server): the ratio to it is the target figure; the ratio to the stripped model at the product's level is printed
 * for transparency. Rows inserted, updated and deleted per instance and table come from PostgreSQL's statistics.
 */
// no demo notices on either engine: their processes and jobs would load one engine and not the other
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.root=WARN",
    "app.notices.demo=false"})
@ActiveProfiles({"demo", "postgres"})
class ThroughputBenchmark {

  static final String REAL = "assignment-generic";
  static final String STRIPPED = "bench-assignment-generic-stripped";
  static final int THREADS = 4;
  /** Lead agencies cycled through, each with its demo users <code>-cv and <code>-ld. */
  static final List<String> AGENCIES = List.of("STC", "STTTT", "SYT", "SGDDT", "SKHDT", "SNV", "SXD", "STNMT");

  /** The baseline strips everything; the others one part each, to see where the time goes. */
  static final Map<String, Set<StrippedModel.Part>> VARIANTS = new LinkedHashMap<>();

  static {
    VARIANTS.put(STRIPPED, EnumSet.allOf(StrippedModel.Part.class));
    VARIANTS.put("bench-without-due-dates", EnumSet.of(StrippedModel.Part.DUE_DATES));
    VARIANTS.put("bench-without-delegates", EnumSet.of(StrippedModel.Part.DELEGATES));
    // no "without listeners": the start listener sets the variables the report's delegate needs; no "without
    // timers" since the no-date reminder left the model for the reminder job chain: the model has no timer left
  }

  static final Map<String, String> GROUP_VARIABLES = Map.of(
      "${organization.specialists(leadAgency)}", "specialistGroup",
      "${organization.leaders(leadAgency)}", "leaderGroup",
      "${organization.specialists(organization.reviewOffice())}", "officeGroup");

  private static String baselineDatabaseUrl;
  private static ConfigurableApplicationContext baselineContext;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, BenchDatabase.create("bench_throughput"));
  }

  @AfterAll
  static void stopBaseline() {
    if (baselineContext != null) {
      baselineContext.close();
    }
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();

  /** One application context's engine and database. */
  record Engine(String label, String historyLevel, RuntimeService runtime, TaskService tasks,
      IdentityService identity, HistoryService history, JdbcTemplate jdbc, DataSource dataSource) {

    static Engine of(String label, org.springframework.context.ApplicationContext context) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      String level = jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'",
          String.class);
      return new Engine(label, level, context.getBean(RuntimeService.class), context.getBean(TaskService.class),
          context.getBean(IdentityService.class), context.getBean(HistoryService.class), jdbc,
          context.getBean(DataSource.class));
    }
  }

  /**
   * Per variant: instances, nanoseconds (wall, until every instance ended, async jobs included), nanoseconds until
   * the last user's call returned, JVM CPU nanoseconds, per step wall nanoseconds, and per table the rows
   * inserted, updated and deleted (PostgreSQL's statistics).
   */
  static final class Totals {
    long instances;
    long wallNanos;
    long clicksNanos;
    long cpuNanos;
    final AtomicLongArray stepNanos = new AtomicLongArray(4);
    final Map<String, long[]> rows = new java.util.TreeMap<>();
    /** PostgreSQL's side: statements, WAL, commits, scans. */
    final DatabaseWork database = new DatabaseWork();

    long jobs() {
      return rows.getOrDefault("act_ru_job", new long[3])[0];
    }
  }

  @Test
  void throughput() throws Exception {
    int instances = BenchReport.size("bench.throughput.instances", 2000);
    int rounds = BenchReport.size("bench.throughput.rounds", 4);
    int warmup = BenchReport.size("bench.throughput.warmup", 40);
    BenchReport report = new BenchReport("throughput");
    var deployment = repositoryService.createDeployment().name("benchmark: stripped assignment-generic");
    for (Map.Entry<String, Set<StrippedModel.Part>> variant : VARIANTS.entrySet()) {
      deployment.addModelInstance(variant.getKey() + ".bpmn", StrippedModel.of(Path.of("processes", REAL + ".bpmn"),
          variant.getKey(), GROUP_VARIABLES, variant.getValue()));
    }
    deployment.deploy();
    Engine product = new Engine("product", jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ ="
        + " 'historyLevel'", String.class), runtimeService, taskService, identityService, historyService, jdbc,
        dataSource);
    DatabaseWork.enable(jdbc);
    Engine full = product;
    if (!"3".equals(product.historyLevel())) {
      long startB = System.nanoTime();
      baselineContext = startBaselineContext();
      full = Engine.of("full", baselineContext);
      DatabaseWork.enable(full.jdbc());
      baselineContext.getBean(RepositoryService.class).createDeployment().name("benchmark: stripped baseline")
          .addModelInstance(STRIPPED + ".bpmn", StrippedModel.of(Path.of("processes", REAL + ".bpmn"), STRIPPED,
              GROUP_VARIABLES, VARIANTS.get(STRIPPED))).deploy();
      report.line("baseline engine at full history: second application context on database bench_throughput_full,"
          + " started in %.1f s", (System.nanoTime() - startB) / 1e9);
    }
    report.line("%d instances per variant in %d alternating rounds, %d worker threads, PostgreSQL (embedded, "
        + "defaults), product history level %s (3 = full, 2 = audit, custom levels above), baseline at %s,"
        + " authorization on; %d warm-up instances each first", instances, rounds, THREADS, product.historyLevel(),
        full.historyLevel(), warmup);

    run(product, REAL, warmup, new Totals());
    run(full, STRIPPED, warmup, new Totals());
    if (full != product) {
      run(product, STRIPPED, warmup, new Totals());
    }
    // the real model at full history too (before/after of the product's level, same run): default on
    boolean realAtFull = full != product
        && Boolean.parseBoolean(System.getProperty("bench.throughput.real-at-full", "true"));
    if (realAtFull) {
      checkRealModelDeployed(baselineContext);
      run(full, REAL, warmup, new Totals());
    }
    Totals real = new Totals();
    Totals stripped = new Totals();
    Totals strippedAtProductLevel = full != product ? new Totals() : stripped;
    Totals realAtFullTotals = new Totals();
    for (int round = 0; round < rounds; round++) {
      int size = instances / rounds + (round < instances % rounds ? 1 : 0);
      // the order rotates so that no variant always follows the same one
      List<Runnable> runs = new ArrayList<>();
      Engine baselineEngine = full;
      runs.add(() -> run(product, REAL, size, real));
      runs.add(() -> run(baselineEngine, STRIPPED, size, stripped));
      if (full != product) {
        runs.add(() -> run(product, STRIPPED, size, strippedAtProductLevel));
      }
      if (realAtFull) {
        runs.add(() -> run(baselineEngine, REAL, size, realAtFullTotals));
      }
      java.util.Collections.rotate(runs, round);
      runs.forEach(Runnable::run);
    }
    assertThat(ended(product, REAL)).as("every real instance reached its end")
        .isGreaterThanOrEqualTo(instances + warmup);
    assertThat(ended(full, STRIPPED)).as("every stripped instance reached its end")
        .isGreaterThanOrEqualTo(instances + warmup);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document d JOIN act_hi_procinst p"
        + " ON p.proc_inst_id_ = d.process_instance_id WHERE p.proc_def_key_ = ?", Long.class, REAL))
        .as("one Báo cáo kết quả per accepted assignment").isEqualTo(ended(product, REAL));

    double realRate = print(report, "assignment-generic (real)", real);
    double strippedRate = print(report, "stripped baseline (full)", stripped);
    report.line("ratio real/stripped at full history: %.2fx instances/s (target >= 0.7x)", realRate / strippedRate);
    if (full != product) {
      double sameLevel = print(report, "stripped at product level", strippedAtProductLevel);
      report.line("ratio real/stripped at the product's history level (transparency): %.2fx", realRate / sameLevel);
    }
    if (realAtFull) {
      double before = print(report, "real at full history", realAtFullTotals);
      report.line("ratio real at the product's level / real at full: %.2fx instances/s, JVM CPU %.2fx",
          realRate / before, (real.cpuNanos / (double) real.instances)
              / (realAtFullTotals.cpuNanos / (double) realAtFullTotals.instances));
    }
    rows(report, "assignment-generic (real)", real);
    rows(report, "stripped baseline (full)", stripped);
    if (full != product) {
      rows(report, "stripped at product level", strippedAtProductLevel);
    }
    if (realAtFull) {
      rows(report, "real at full history", realAtFullTotals);
    }
    int top = BenchReport.size("bench.throughput.statements", 15);
    // every statement of every variant, with its full text: target/bench/throughput-statements.txt
    BenchReport statements = new BenchReport("throughput-statements");
    real.database.print(report, statements, "assignment-generic (real)", real.instances, top);
    stripped.database.print(report, statements, "stripped baseline (full)", stripped.instances, top);
    if (full != product) {
      strippedAtProductLevel.database.print(report, statements, "stripped at product level",
          strippedAtProductLevel.instances, top);
    }
    if (realAtFull) {
      realAtFullTotals.database.print(report, statements, "real at full history", realAtFullTotals.instances, top);
    }

    // where the time goes: the real model with one part stripped, each run beside the real one again
    // a tenth per variant (6 runs): the whole benchmark stays within about 10 minutes at 2,000 on a quiet machine
    int partial = BenchReport.size("bench.throughput.attribution", Math.max(instances / 10, 1));
    if (partial > 0) {
      report.line("attribution: %d instances each of the real model with one part stripped, beside %d real", partial,
          partial);
      for (String variant : VARIANTS.keySet()) {
        if (variant.equals(STRIPPED)) {
          continue;
        }
        Totals again = new Totals();
        Totals without = new Totals();
        run(product, REAL, partial, again);
        run(product, variant, partial, without);
        report.line("  %-26s %.1f instances/s beside real %.1f: %.2fx; JVM CPU %.1f vs %.1f ms per instance;"
            + " jobs per instance %.1f", variant.replace("bench-", ""), without.instances / (without.wallNanos / 1e9),
            again.instances / (again.wallNanos / 1e9), (without.instances / (double) without.wallNanos)
                / (again.instances / (double) again.wallNanos), without.cpuNanos / 1e6 / without.instances,
            again.cpuNanos / 1e6 / again.instances, without.jobs() / (double) without.instances);
      }
    }
    report.line("jobs created per instance: real %.1f (the first reminder job of each of its 3 tasks; a reminder"
        + " schedules the next when it goes out), stripped %.1f", real.jobs() / (double) real.instances,
        stripped.jobs() / (double) stripped.instances);
  }

  /** The starter deployed processes/ on the baseline engine too: the real model can run there unchanged. */
  private static void checkRealModelDeployed(ConfigurableApplicationContext context) {
    assertThat(context.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(REAL)
        .latestVersion().count()).as("assignment-generic deployed on the baseline engine").isEqualTo(1);
  }

  /** The application a second time, on a database of its own at full history, without web server work. */
  private static ConfigurableApplicationContext startBaselineContext() {
    baselineDatabaseUrl = BenchDatabase.create("bench_throughput_full");
    Map<String, Object> p = new LinkedHashMap<>(BenchDatabase.properties(baselineDatabaseUrl));
    p.put("camunda.bpm.history-level", "full");
    p.put("camunda.bpm.generate-unique-process-engine-name", true);
    p.put("camunda.bpm.job-execution.enabled", true);
    p.put("app.notices.demo", false);
    p.put("logging.level.root", "WARN");
    p.put("spring.jmx.enabled", false);
    p.put("server.port", 0);
    List<String> args = new ArrayList<>();
    // command-line arguments outrank application.yaml (SpringApplicationBuilder.properties would not)
    p.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(Application.class)
        .profiles("demo", "postgres")
        // the tests' own @TestConfiguration classes are on the class path: the baseline is the application alone
        .initializers(context -> context.getBeanFactory().registerSingleton("benchExcludeTests",
            new TypeExcludeFilter() {
              @Override
              public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
                String name = reader.getClassMetadata().getClassName();
                return name.matches(".*(Test|Benchmark|IT)(\\$.*)?$")
                    || reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
              }
            }))
        .run(args.toArray(String[]::new));
  }

  private static double print(BenchReport report, String label, Totals t) {
    double seconds = t.wallNanos / 1e9;
    double rate = t.instances / seconds;
    report.line("%-26s %d instances in %.1f s: %.1f instances/s, %.1f task completions/s including async jobs"
        + " (user-visible, until the last click: %.1f instances/s); JVM CPU %.1f ms per instance", label, t.instances,
        seconds, rate, 3 * rate, t.instances / (t.clicksNanos / 1e9), t.cpuNanos / 1e6 / t.instances);
    report.line("%-26s mean wall ms per call: start %.1f, report %.1f, approve %.1f, accept (and what follows) %.1f",
        "", t.stepNanos.get(0) / 1e6 / t.instances, t.stepNanos.get(1) / 1e6 / t.instances,
        t.stepNanos.get(2) / 1e6 / t.instances, t.stepNanos.get(3) / 1e6 / t.instances);
    return rate;
  }

  /** Rows written per instance: totals by table family, then every table with at least 0.05 per instance. */
  private static void rows(BenchReport report, String label, Totals t) {
    Map<String, double[]> families = new LinkedHashMap<>();
    StringBuilder tables = new StringBuilder();
    for (Map.Entry<String, long[]> e : t.rows.entrySet()) {
      String table = e.getKey();
      String family = table.startsWith("act_hi_") ? "act_hi" : table.startsWith("act_ru_") ? "act_ru"
          : table.startsWith("act_") ? "act_other" : "product";
      double[] sum = families.computeIfAbsent(family, f -> new double[3]);
      double[] perInstance = new double[3];
      for (int i = 0; i < 3; i++) {
        perInstance[i] = e.getValue()[i] / (double) t.instances;
        sum[i] += perInstance[i];
      }
      if (perInstance[0] + perInstance[1] + perInstance[2] >= 0.05) {
        tables.append(String.format(java.util.Locale.ROOT, " %s %.1f/%.1f/%.1f;", table, perInstance[0],
            perInstance[1], perInstance[2]));
      }
    }
    StringBuilder sums = new StringBuilder();
    double[] all = new double[3];
    families.forEach((family, v) -> {
      sums.append(String.format(java.util.Locale.ROOT, " %s %.1f/%.1f/%.1f;", family, v[0], v[1], v[2]));
      for (int i = 0; i < 3; i++) {
        all[i] += v[i];
      }
    });
    report.line("%-26s rows per instance inserted/updated/deleted: all %.1f/%.1f/%.1f;%s", label, all[0], all[1],
        all[2], sums);
    report.line("%-26s by table:%s", "", tables);
  }

  private void run(Engine engine, String key, int count, Totals totals) {
    try {
      runOnce(engine, key, count, totals);
    } catch (Exception e) {
      throw new IllegalStateException(key + " on the " + engine.label() + " engine", e);
    }
  }

  private void runOnce(Engine engine, String key, int count, Totals totals) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicInteger next = new AtomicInteger();
    Map<String, long[]> rowsBefore = tableRows(engine);
    DatabaseWork.Snapshot databaseBefore = DatabaseWork.before(engine.jdbc());
    long endedBefore = ended(engine, key);
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            oneAssignment(engine, key, AGENCIES.get(i % AGENCIES.size()), totals);
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
    totals.clicksNanos += System.nanoTime() - start;
    // the machine's work is done when the job executor has also issued every report
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    while (ended(engine, key) < endedBefore + count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(key + ": instances still running 10 minutes after the last click");
      }
      Thread.sleep(50);
    }
    totals.wallNanos += System.nanoTime() - start;
    totals.cpuNanos += os.getProcessCpuTime() - cpuStart;
    totals.instances += count;
    Map<String, long[]> rowsAfter = tableRows(engine);
    totals.database.add(databaseBefore, DatabaseWork.snapshot(engine.jdbc(), true));
    rowsAfter.forEach((table, after) -> {
      long[] before = rowsBefore.getOrDefault(table, new long[3]);
      long[] sum = totals.rows.computeIfAbsent(table, t -> new long[3]);
      for (int i = 0; i < 3; i++) {
        sum[i] += after[i] - before[i];
      }
    });
  }

  /**
   * Rows inserted, updated and deleted so far per table. PostgreSQL 14's statistics are sent by a backend at the
   * end of a transaction at most every 500 ms, and an idle backend keeps what is pending: after a pause, every
   * pooled connection ends one more transaction, then the collector gets time to write them.
   */
  private static Map<String, long[]> tableRows(Engine engine) throws Exception {
    Thread.sleep(600);
    int size = ((com.zaxxer.hikari.HikariDataSource) engine.dataSource()).getMaximumPoolSize();
    List<java.sql.Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        java.sql.Connection c = engine.dataSource().getConnection();
        held.add(c);
        try (var s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        if (!c.getAutoCommit()) {
          c.commit();
        }
      }
    } finally {
      for (java.sql.Connection c : held) {
        c.close();
      }
    }
    Thread.sleep(600);
    Map<String, long[]> rows = new HashMap<>();
    engine.jdbc().query("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables", rs -> {
      rows.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT),
          new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
    });
    return rows;
  }

  private static long ended(Engine engine, String key) {
    return engine.history().createHistoricProcessInstanceQuery().processDefinitionKey(key).completed().count();
  }

  private void oneAssignment(Engine engine, String key, String agency, Totals totals) {
    String lead = agency.toLowerCase(java.util.Locale.ROOT);
    long t0 = System.nanoTime();
    ProcessInstance instance = engine.runtime().startProcessInstanceByKey(key, variables(agency));
    long t1 = System.nanoTime();
    complete(engine, lead + "-cv", instance, "Task_DoAssignment", Map.of("workOutcome", "report",
        "resultSummary", "Đã hoàn thành nhiệm vụ.\nĐã báo cáo UBND tỉnh."));
    long t2 = System.nanoTime();
    complete(engine, lead + "-ld", instance, "Task_ApproveReport", Map.of("leaderDecision", "approve"));
    long t3 = System.nanoTime();
    complete(engine, "vpubnd-cv", instance, "Task_AcceptReport", Map.of("officeDecision", "accept"));
    long t4 = System.nanoTime();
    totals.stepNanos.addAndGet(0, t1 - t0);
    totals.stepNanos.addAndGet(1, t2 - t1);
    totals.stepNanos.addAndGet(2, t3 - t2);
    totals.stepNanos.addAndGet(3, t4 - t3);
  }

  private void complete(Engine engine, String userId, ProcessInstance instance, String taskKey,
      Map<String, Object> variables) {
    Task task = engine.tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("%s of %s", taskKey, instance.getProcessDefinitionId()).isNotNull();
    // the same demo organisation on both engines
    List<String> groups = groupsOf.computeIfAbsent(userId, user -> engine.identity().createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList());
    engine.identity().setAuthentication(userId, groups);
    try {
      engine.tasks().complete(task.getId(), variables);
    } finally {
      engine.identity().clearAuthentication();
    }
  }

  private static Map<String, Object> variables(String agency) {
    // a deadline a month ahead: every task gets its reminders and escalation scheduled, as in real use
    String deadline = VietnamTime.today().plusDays(30).toString();
    Map<String, Object> v = new HashMap<>();
    v.put("assignmentLeadId", "bench-" + agency);
    v.put("noticeId", "bench-notice");
    v.put("noticeNumber", "295/TB-UBND");
    v.put("noticeDate", LocalDate.of(2018, 12, 26).toString());
    v.put("assignmentCode", "3");
    v.put("assignmentKind", "general");
    v.put("assignmentTitle", "Triển khai Hệ thống Văn phòng điện tử đến cấp xã");
    v.put("leadAgency", agency);
    v.put("partners", List.of("STTTT"));
    v.put("urgent", Boolean.FALSE);
    v.put("assignmentDeadline", deadline);
    v.put("planDeadline", deadline);
    v.put("taskSuffix", " — TB 295/TB-UBND, mục 3");
    // the stripped copy names its candidate groups directly
    v.put("specialistGroup", agency + "-chuyen-vien");
    v.put("leaderGroup", agency + "-lanh-dao");
    v.put("officeGroup", "VPUBND-chuyen-vien");
    return v;
  }
}
