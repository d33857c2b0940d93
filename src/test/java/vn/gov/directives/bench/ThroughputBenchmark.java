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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Benchmark 1 (bench/run.sh throughput): generic assignments from start to accepted through the Java API with
 * 4 worker threads on PostgreSQL — the real assignment-generic beside the same BPMN stripped of listeners, timers
 * and delegates, in alternating rounds on the same engine and database so that a busy machine hurts both alike.
 * Each worker does what the three users do: the specialist reports, the leader approves, Văn phòng UBND accepts.
 * The report issued at acceptance is asynchronous (the job executor numbers and renders it after the click), so a
 * run ends only when every instance of it has ended: "including async jobs" is the machine's throughput and the
 * ratio to the target; "user-visible" (until the last click returned) is printed beside it.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "logging.level.root=WARN"})
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
    // no "without listeners": the start listener sets the variables the report's delegate needs
    VARIANTS.put("bench-without-timers", EnumSet.of(StrippedModel.Part.TIMERS));
  }

  static final Map<String, String> GROUP_VARIABLES = Map.of(
      "${organization.specialists(leadAgency)}", "specialistGroup",
      "${organization.leaders(leadAgency)}", "leaderGroup",
      "${organization.specialists(organization.reviewOffice())}", "officeGroup");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, BenchDatabase.create("bench_throughput"));
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();

  /**
   * Per variant: instances, nanoseconds (wall, until every instance ended, async jobs included), nanoseconds until
   * the last user's call returned, JVM CPU nanoseconds, and per step wall nanoseconds.
   */
  static final class Totals {
    long instances;
    long wallNanos;
    long clicksNanos;
    long cpuNanos;
    final AtomicLongArray stepNanos = new AtomicLongArray(4);
    long jobs;
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
    report.line("%d instances per variant in %d alternating rounds, %d worker threads, PostgreSQL (embedded, "
        + "defaults), history level %s (3 = full), authorization on; %d warm-up instances each first", instances, rounds, THREADS,
        jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'", String.class),
        warmup);

    run(REAL, warmup, new Totals());
    run(STRIPPED, warmup, new Totals());
    Totals real = new Totals();
    Totals stripped = new Totals();
    for (int round = 0; round < rounds; round++) {
      int size = instances / rounds + (round < instances % rounds ? 1 : 0);
      run(round % 2 == 0 ? REAL : STRIPPED, size, round % 2 == 0 ? real : stripped);
      run(round % 2 == 0 ? STRIPPED : REAL, size, round % 2 == 0 ? stripped : real);
    }
    for (String key : List.of(REAL, STRIPPED)) {
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).completed().count())
          .as("every %s instance reached its end", key).isGreaterThanOrEqualTo(instances + warmup);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document d JOIN act_hi_procinst p"
        + " ON p.proc_inst_id_ = d.process_instance_id WHERE p.proc_def_key_ = ?", Long.class, REAL))
        .as("one Báo cáo kết quả per accepted assignment").isEqualTo(
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(REAL).completed().count());

    double realRate = print(report, "assignment-generic (real)", real);
    double strippedRate = print(report, "stripped baseline", stripped);
    report.line("ratio real/stripped: %.2fx instances/s (target >= 0.7x)", realRate / strippedRate);

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
        run(REAL, partial, again);
        run(variant, partial, without);
        report.line("  %-26s %.1f instances/s beside real %.1f: %.2fx; JVM CPU %.1f vs %.1f ms per instance;"
            + " jobs per instance %.1f", variant.replace("bench-", ""), without.instances / (without.wallNanos / 1e9),
            again.instances / (again.wallNanos / 1e9), (without.instances / (double) without.wallNanos)
                / (again.instances / (double) again.wallNanos), without.cpuNanos / 1e6 / without.instances,
            again.cpuNanos / 1e6 / again.instances, without.jobs / (double) without.instances);
      }
    }
    report.line("jobs created per instance: real %.1f (reminders and escalations of its 3 tasks, the no-date"
        + " reminder timer, the asynchronous report), stripped %.1f; by type: %s", real.jobs / (double) real.instances,
        stripped.jobs / (double) stripped.instances, jdbc.queryForList("SELECT COALESCE(job_def_type_,"
        + " 'deadline-reminder') AS type, COUNT(*) AS created FROM act_hi_job_log WHERE job_state_ = 0"
        + " AND process_def_key_ = ? GROUP BY job_def_type_", REAL));
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

  private void run(String key, int count, Totals totals) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicInteger next = new AtomicInteger();
    long jobsBefore = jobsCreated(key);
    long endedBefore = ended(key);
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            oneAssignment(key, AGENCIES.get(i % AGENCIES.size()), totals);
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
    while (ended(key) < endedBefore + count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(key + ": instances still running 10 minutes after the last click");
      }
      Thread.sleep(50);
    }
    totals.wallNanos += System.nanoTime() - start;
    totals.cpuNanos += os.getProcessCpuTime() - cpuStart;
    totals.instances += count;
    totals.jobs += jobsCreated(key) - jobsBefore;
  }

  private long ended(String key) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).completed().count();
  }

  /** Jobs ever created for the process (full history logs each creation): reminders, escalations, timers. */
  private long jobsCreated(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 0"
        + " AND process_def_key_ = ?", Long.class, key);
  }

  private void oneAssignment(String key, String agency, Totals totals) {
    String lead = agency.toLowerCase(java.util.Locale.ROOT);
    long t0 = System.nanoTime();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, variables(agency));
    long t1 = System.nanoTime();
    complete(lead + "-cv", instance, "Task_DoAssignment", Map.of("workOutcome", "report",
        "resultSummary", "Đã hoàn thành nhiệm vụ.\nĐã báo cáo UBND tỉnh."));
    long t2 = System.nanoTime();
    complete(lead + "-ld", instance, "Task_ApproveReport", Map.of("leaderDecision", "approve"));
    long t3 = System.nanoTime();
    complete("vpubnd-cv", instance, "Task_AcceptReport", Map.of("officeDecision", "accept"));
    long t4 = System.nanoTime();
    totals.stepNanos.addAndGet(0, t1 - t0);
    totals.stepNanos.addAndGet(1, t2 - t1);
    totals.stepNanos.addAndGet(2, t3 - t2);
    totals.stepNanos.addAndGet(3, t4 - t3);
  }

  private void complete(String userId, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("%s of %s", taskKey, instance.getProcessDefinitionId()).isNotNull();
    List<String> groups = groupsOf.computeIfAbsent(userId, user -> identityService.createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList());
    identityService.setAuthentication(userId, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
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
