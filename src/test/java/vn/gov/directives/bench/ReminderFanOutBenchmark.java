package vn.gov.directives.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.Application;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * Benchmark 2 (bench/run.sh reminders): N task reminders falling due at the same instant, delivered by the job
 * executor to a local SMTP server (GreenMail) — on one node, then on two nodes (a second application context in
 * this JVM, without web layer, its own job executor, same database) — beside the engine alone draining N plain
 * timer jobs. "Due at once": the tasks are created with a deadline weeks ahead, then their first reminder jobs are
 * moved to now in one UPDATE, which is what the job executor sees at 07:30 on a busy morning.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.root=WARN",
    "app.notices.demo=false", "app.node-id=node-a", ReminderFanOutBenchmark.POOL, ReminderFanOutBenchmark.THREADS,
    ReminderFanOutBenchmark.CORE_THREADS, ReminderFanOutBenchmark.QUEUE, ReminderFanOutBenchmark.PER_ACQUISITION})
@ActiveProfiles({"demo", "postgres"})
class ReminderFanOutBenchmark {

  // The postgres profile's values (application-postgres.yaml), set here so that the benchmark measures them even
  // where that profile is absent. With Spring Boot's defaults (10 connections, 10 job threads) a burst of due
  // reminders starves the pool: each job holds a connection and its reminder log needs a second one.
  static final String POOL = "spring.datasource.hikari.maximum-pool-size=30";
  static final String THREADS = "camunda.bpm.job-execution.max-pool-size=8";
  static final String CORE_THREADS = "camunda.bpm.job-execution.core-pool-size=8";
  static final String QUEUE = "camunda.bpm.job-execution.queue-capacity=8";
  static final String PER_ACQUISITION = "camunda.bpm.job-execution.max-jobs-per-acquisition=8";
  static final String REMINDED = "bench-reminder";
  static final int START_BATCH = 50;
  static final String TIMER = "bench-plain-timer";
  static final List<String> AGENCIES = List.of("STC", "STTTT", "SYT", "SGDDT", "SKHDT", "SNV", "SXD", "STNMT",
      "STP", "SCT");
  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static String databaseUrl;
  static ConfigurableApplicationContext nodeB;

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    databaseUrl = BenchDatabase.create("bench_reminders");
    BenchDatabase.register(registry, databaseUrl);
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @AfterAll
  static void stop() {
    if (nodeB != null) {
      nodeB.close();
    }
    SMTP.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Value("${camunda.bpm.job-execution.max-pool-size:10}") int threads;

  @Test
  void fanOut() throws Exception {
    int count = BenchReport.size("bench.reminders.count", 10_000);
    boolean twoNodes = Boolean.parseBoolean(System.getProperty("bench.reminders.two-nodes", "true"));
    BenchReport report = new BenchReport("reminders");
    repositoryService.createDeployment().name("benchmark: reminders and plain timers")
        .addModelInstance(REMINDED + ".bpmn", Bpmn.createExecutableProcess(REMINDED).name("Benchmark nhắc việc")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bench").name("Xử lý việc (benchmark)")
            .camundaCandidateGroups("${group}").camundaDueDate("${due}").endEvent().done())
        .addModelInstance(TIMER + ".bpmn", Bpmn.createExecutableProcess(TIMER).name("Benchmark hẹn giờ")
            .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("Timer_Plain").timerWithDate("${at}")
            .endEvent().done())
        .deploy();
    report.line("%d due at once per run; PostgreSQL (embedded, defaults); job executor threads per node: %d;"
        + " GreenMail SMTP on localhost", count, threads);

    // the engine alone: plain timer jobs, each ending its process instance
    start(count, i -> Map.of("at", java.util.Date.from(Instant.now().plus(Duration.ofDays(30)))), TIMER);
    Timestamp due = makeDue(TIMER, null);
    DatabaseWork.enable(jdbc);
    DatabaseWork.Snapshot timerDatabase = DatabaseWork.before(jdbc);
    long begin = System.nanoTime();
    wakeJobExecutors();
    waitFor(() -> jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE process_def_key_ = ?", Long.class,
        TIMER) == 0, Duration.ofMinutes(60));
    double timerSeconds = (System.nanoTime() - begin) / 1e9;
    printDatabaseWork(report, "plain timers", timerDatabase, count);
    report.line("engine alone, one node: %d plain timer jobs drained in %.1f s = %.1f jobs/s", count, timerSeconds,
        count / timerSeconds);

    double oneNode = reminders(report, "one node", count);
    report.line("ratio reminders/plain timers on one node: %.2fx (target >= 0.8x)",
        oneNode / (count / timerSeconds));
    if (twoNodes) {
      long startB = System.nanoTime();
      nodeB = new SpringApplicationBuilder(Application.class)
          .profiles("demo", "postgres")
          // the tests' own @TestConfiguration classes are on the class path: node B is the application alone
          .initializers(context -> context.getBeanFactory().registerSingleton("benchExcludeTests",
              new TypeExcludeFilter() {
                @Override
                public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
                  String name = reader.getClassMetadata().getClassName();
                  return name.matches(".*(Test|Benchmark|IT)(\\$.*)?$")
                      || reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
                }
              }))
          .run(nodeBArguments());
      report.line("node B (second application context, same database, own job executor) started in %.1f s",
          (System.nanoTime() - startB) / 1e9);
      double two = reminders(report, "two nodes", count);
      report.line("ratio two nodes/one node: %.2fx (target >= 0.9x: both nodes and PostgreSQL share the same CPUs)",
          two / oneNode);
      report.line("reminder jobs run per node (job log host names): %s", jdbc.queryForList("SELECT l.hostname_ AS node,"
          + " COUNT(*) AS jobs FROM act_hi_job_log l JOIN act_ru_variable v ON v.proc_inst_id_ = l.process_instance_id_"
          + " AND v.name_ = 'batch' AND v.text_ = 'two-nodes' WHERE l.job_state_ = 2 GROUP BY l.hostname_"));
    }
  }

  /** Command-line arguments: they outrank application.yaml (SpringApplicationBuilder.properties would not). */
  private static String[] nodeBArguments() {
    Map<String, Object> p = new java.util.LinkedHashMap<>(BenchDatabase.properties(databaseUrl));
    p.put("spring.mail.host", "localhost");
    p.put("spring.mail.port", SMTP.getSmtp().getPort());
    p.put("camunda.bpm.generate-unique-process-engine-name", true);
    p.put("camunda.bpm.job-execution.enabled", true);
    // the node id names the node in the job log (ClusterConfiguration sets the engine's hostname from it)
    p.put("app.node-id", "node-b");
    p.put("app.notices.demo", false);
    p.put("logging.level.root", "WARN");
    p.put("spring.jmx.enabled", false);
    // a web application like node A (the REST starter needs one), on a port of its own
    p.put("server.port", 0);
    List<String> args = new ArrayList<>();
    p.forEach((key, value) -> args.add("--" + key + "=" + value));
    for (String setting : List.of(POOL, THREADS, CORE_THREADS, QUEUE, PER_ACQUISITION)) {
      args.add("--" + setting);
    }
    return args.toArray(String[]::new);
  }

  /** Creates N tasks, makes their first reminder due now, and measures until every one is sent. */
  private double reminders(BenchReport report, String label, int count) throws Exception {
    String batch = label.replace(' ', '-');
    LocalDate dueDay = calendar.plusWorkingDays(VietnamTime.today(), 20);
    java.util.Date dueDate = VietnamTime.endOfDay(dueDay);
    start(count, i -> Map.of("group", AGENCIES.get(i % AGENCIES.size()) + "-chuyen-vien", "due", dueDate,
        "batch", batch), REMINDED);
    SMTP.purgeEmailFromAllMailboxes();
    Timestamp due = makeDue(REMINDED, batch);
    DatabaseWork.Snapshot database = DatabaseWork.before(jdbc);
    long begin = System.nanoTime();
    wakeJobExecutors();
    waitFor(() -> jdbc.queryForObject("SELECT COUNT(*) FROM reminder_log WHERE scheduled_for = ?"
        + " AND status NOT IN ('SENDING', 'SUBMITTED')", Long.class, due) >= count, Duration.ofMinutes(60));
    double seconds = (System.nanoTime() - begin) / 1e9;
    printDatabaseWork(report, label, database, count);
    // let a duplicate, if any, arrive before counting
    Thread.sleep(2000);

    Set<String> expected = new HashSet<>(jdbc.queryForList("SELECT t.id_ FROM act_ru_task t JOIN act_ru_variable v"
        + " ON v.proc_inst_id_ = t.proc_inst_id_ AND v.name_ = 'batch' AND v.text_ = ?", String.class, batch));
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      String id = message.getMessageID();
      String taskId = id.split("\\.")[2];
      copies.merge(taskId, 1, Integer::sum);
    }
    long duplicates = copies.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
    long missing = expected.stream().filter(id -> !copies.containsKey(id)).count();
    List<Map<String, Object>> statuses = jdbc.queryForList("SELECT status, COUNT(*) AS n FROM reminder_log"
        + " WHERE scheduled_for = ? GROUP BY status", due);
    report.line("%s: %d reminders e-mailed in %.1f s = %.1f reminders/s; duplicates %d, missing %d; log %s", label,
        count, seconds, count / seconds, duplicates, missing, statuses);
    assertThat(expected).hasSize(count);
    assertThat(duplicates).as("reminders sent twice").isZero();
    assertThat(missing).as("reminders never sent").isZero();
    return count / seconds;
  }

  /** PostgreSQL's side of a drain (README "Benchmark"): per job, the statements that took the most time. */
  private void printDatabaseWork(BenchReport report, String label, DatabaseWork.Snapshot before, int jobs) {
    DatabaseWork work = new DatabaseWork();
    work.add(before, DatabaseWork.snapshot(jdbc, true));
    work.print(report, null, label + ", per job", jobs, 6);
  }

  /** Moves the earliest pending job of each instance of the process (of the batch) to now, in one statement. */
  private Timestamp makeDue(String key, String batch) {
    Timestamp now = new Timestamp(System.currentTimeMillis() - 1000);
    String inBatch = " AND process_instance_id_ IN (SELECT proc_inst_id_ FROM act_ru_variable WHERE name_ = 'batch'"
        + " AND text_ = ?)";
    String earliest = "SELECT MIN(duedate_) FROM act_ru_job WHERE process_def_key_ = ?" + inBatch;
    int moved = batch == null
        ? jdbc.update("UPDATE act_ru_job SET duedate_ = ? WHERE process_def_key_ = ?", now, key)
        : jdbc.update("UPDATE act_ru_job SET duedate_ = ? WHERE process_def_key_ = ? AND duedate_ = (" + earliest
            + ")" + inBatch, now, key, key, batch, batch);
    assertThat(moved).as("jobs made due").isPositive();
    return now;
  }

  private void wakeJobExecutors() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    if (nodeB != null) {
      ((ProcessEngineConfigurationImpl) nodeB.getBean(ProcessEngine.class).getProcessEngineConfiguration())
          .getJobExecutor().jobWasAdded();
    }
  }

  /**
   * Starts the instances (setup, not measured): 4 threads, {@value #START_BATCH} starts per database transaction —
   * the engine's commands join the Spring transaction — so that 10,000 need a few hundred commits, not 10,000.
   */
  private void start(int count, java.util.function.IntFunction<Map<String, Object>> variables, String key)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    TransactionTemplate batch = new TransactionTemplate(transactionManager);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        workers.add(pool.submit(() -> {
          for (int first = next.getAndAdd(START_BATCH); first < count; first = next.getAndAdd(START_BATCH)) {
            int from = first;
            batch.executeWithoutResult(status -> {
              for (int i = from; i < Math.min(from + START_BATCH, count); i++) {
                runtimeService.startProcessInstanceByKey(key, variables.apply(i));
              }
            });
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

  private static void waitFor(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not drained within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
