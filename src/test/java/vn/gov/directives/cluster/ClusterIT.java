package vn.gov.directives.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.directives.support.JarNode;

/**
 * Two real application nodes (the packaged jar, each in its own JVM) on one embedded PostgreSQL, with GreenMail as
 * the mail server: what a province gets when it runs the product as a homogeneous Camunda cluster. The scenarios
 * run in order on the same cluster; the last one kills node B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String ADMIN = "cluster-admin";
  private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
  private static final String ADMIN_MAIL = "cluster-admin@example.test";
  /** How long a dead node's jobs stay locked; production (postgres profile): 2 minutes (see README). */
  private static final int LOCK_TIME_MS = 15_000;
  /** Job executor threads per node. */
  private static final int JOB_THREADS = 4;
  /** Documents started in the kill scenario: enough that some are still to make when node B dies. */
  private static final int DOCUMENTS_IN_KILL = 120;
  /**
   * A failed reminder waits 2 s, 4 s, then 8 s before its retries (4 attempts, 14 s of outage before an incident);
   * production: app.reminders.retry-intervals in application.yaml. Asynchronous jobs get the same list.
   */
  private static final List<Duration> RETRY_INTERVALS =
      List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  private static final String RETRY_LIST =
      RETRY_INTERVALS.stream().map(Duration::toString).collect(Collectors.joining(","));

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate sql;
  private static GreenMail smtp;
  private static int smtpPort;
  private static JarNode nodeA;
  private static JarNode nodeB;
  /** How node B was started, to start it again after it was killed. */
  private static Path jar;
  private static List<String> nodeArgs;
  private static Map<String, String> nodeEnvironment;
  private static final Path LOGS = Path.of("target", "cluster-it");

  @BeforeAll
  static void startCluster() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    sql = new JdbcTemplate(postgres.getPostgresDatabase());
    smtpPort = JarNode.freePort();
    startSmtp();

    jar = JarNode.packagedJar();
    // the postgres profile, configured as in production through its environment variables
    nodeEnvironment = Map.of(
        "APP_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "APP_DB_USER", "postgres",
        "APP_DB_PASSWORD", "postgres",
        // two nodes, the database and the test share two cores: fewer job threads and connections than production
        "APP_JOB_THREADS", String.valueOf(JOB_THREADS),
        "APP_DB_POOL_SIZE", "12",
        "APP_DB_POOL_MIN_IDLE", "2",
        // a dead node's jobs come back after 15 s instead of 2 minutes
        "APP_JOB_LOCK_TIME_MS", String.valueOf(LOCK_TIME_MS),
        // the test administrator, created by the product at start-up as in production (no demo users)
        "APP_ADMIN_USER", ADMIN,
        "APP_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "APP_ADMIN_EMAIL", ADMIN_MAIL);
    nodeArgs = List.of(
        "--spring.profiles.active=postgres",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        // due jobs are looked for every 0.2–1 s (production: up to 5 s)
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--app.reminders.retry-intervals=" + RETRY_LIST,
        "--camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=" + RETRY_LIST,
        // one reminder per task (one working day before), then the escalation
        "--app.reminders.days-before=1",
        "--logging.level.vn.gov.directives.reminder=WARN");
    // One node first: it creates Camunda's schema, runs the migrations and deploys; the second one joins.
    nodeA = JarNode.start("node-a", jar, nodeArgs, nodeEnvironment, LOGS, ADMIN, ADMIN_PASSWORD);
    nodeA.awaitReady(Duration.ofMinutes(8));
    try (InputStream bpmn = ClusterIT.class.getResourceAsStream("/cluster/cluster-test.bpmn")) {
      nodeA.deploy("cluster-test", "cluster-test.bpmn", bpmn.readAllBytes());
    }
    nodeB = JarNode.start("node-b", jar, nodeArgs, nodeEnvironment, LOGS, ADMIN, ADMIN_PASSWORD);
    nodeB.awaitReady(Duration.ofMinutes(8));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (JarNode node : new JarNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A scenario that failed while the mail server was stopped must not make the next ones fail too. */
  @BeforeEach
  void mailServerRunning() {
    if (!smtp.isRunning()) {
      startSmtp();
    }
  }

  // ------------------------------------------------------------------------------------------------- scenarios

  @Test
  @Order(1)
  void aTaskStartedOnNodeAIsSeenAndCompletedOnNodeB() throws Exception {
    // both nodes run as production does: from the jar's build-time bean definitions
    assertThat(nodeA.log()).contains("Starting AOT-processed Application");
    assertThat(nodeB.log()).contains("Starting AOT-processed Application");
    String instance = startTasks(nodeA, "ab", 1).get(0);

    JsonNode tasks = nodeB.get("/engine-rest/task?processInstanceId=" + instance);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("name").asText()).isEqualTo("Xử lý việc thử nghiệm cụm");
    assertThat(tasks.get(0).path("assignee").asText()).isEqualTo(ADMIN);
    nodeB.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", Map.of());

    assertThat(nodeA.get("/engine-rest/task?processInstanceId=" + instance)).isEmpty();
    assertThat(nodeA.get("/engine-rest/history/process-instance/" + instance).path("state").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  @Order(2)
  void aThousandRemindersDueAtOnceGoOutOnceEachSharedByBothNodes() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    List<String> instances = startTasksOnBothNodes("many", 1000);
    Set<String> expected = expectedMessageIds(instances);

    long started = System.nanoTime();
    int due = makeRemindersDueNow("many");
    assertThat(due).isEqualTo(1000);
    // about a minute on two busy cores; the bound leaves room for one retry (first interval 1 min) of a reminder
    // whose SMTP conversation failed under load, which is the product working as designed
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> smtp.getReceivedMessages().length >= 1000 && remainingReminderJobs("many") == 0);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertDeliveredExactlyOnce(expected);
    Map<String, Integer> perNode = sentPerNode("many");
    System.out.printf("ClusterIT: 1000 reminders drained in %.1f s (%.0f/s), per node %s%n", seconds,
        1000 / seconds, perNode);
    assertThat(perNode).containsOnlyKeys("node-a", "node-b");
    assertThat(perNode.values()).allMatch(count -> count > 0);
    assertThat(perNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    assertThat(incidents()).isZero();
  }

  @Test
  @Order(3)
  void fiveHundredDocumentsNumberedFromBothNodesAreGapFreeAndUnique() throws Exception {
    long started = System.nanoTime();
    List<String> instances = startDocumentsOnBothNodes(500);
    // DOCX + frozen layout each (the PDF waits for its first download): about 22 s on the quiet 2-core machine; with
    // the PDF made at issue it took 55 s there and 5 to 7 minutes on two busy cores, hence the generous limit
    await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(1))
        .until(() -> runningInstances("cluster-document") == 0);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(countDocuments(instances)).isEqualTo(500);
    assertRegistersGapFree();
    Map<String, Integer> perNode = documentJobsPerNode();
    System.out.printf("ClusterIT: 500 numbered documents (DOCX + frozen layout) in %.1f s, jobs per node %s%n", seconds,
        perNode);
    assertThat(perNode.keySet()).contains("node-a", "node-b");
    assertThat(sql.queryForObject("SELECT min(number) FROM document WHERE serial = 1", String.class))
        .startsWith("01/TTr-");
    assertThat(incidents()).isZero();
  }

  @Test
  @Order(4)
  void whileTheMailServerIsDownRemindersBackOffThenIncidentsThenEverythingGoesOutOnce() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    // a short outage: retried with back-off and delivered when the server is back, no incident
    List<String> shortOutage = startTasksOnBothNodes("short", 10);
    smtp.stop();
    makeRemindersDueNow("short");
    await().atMost(Duration.ofSeconds(60)).until(() -> failedAtLeastOnce("short") == 10);
    assertThat(incidents()).isZero();
    startSmtp();
    await().atMost(Duration.ofSeconds(60)).until(() -> remainingReminderJobs("short") == 0);
    assertDeliveredExactlyOnce(expectedMessageIds(shortOutage));
    assertThat(incidents()).isZero();
    assertThat(sql.queryForObject("SELECT count(*) FROM reminder_log WHERE business_key LIKE 'short-%' AND status"
        + " = 'SENT' AND attempts >= 2", Integer.class)).as("sent by a retry").isEqualTo(10);

    // a long outage: every retry used up, and only then an incident; each failure waited its interval
    smtp.purgeEmailFromAllMailboxes();
    List<String> longOutage = startTasksOnBothNodes("long", 10);
    smtp.stop();
    makeRemindersDueNow("long");
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      // never an incident on a job that still has retries
      assertThat(sql.queryForObject("SELECT count(*) FROM act_ru_incident i JOIN act_ru_job j ON j.id_ ="
          + " i.configuration_ WHERE j.retries_ > 0", Integer.class)).isZero();
      return incidents() == 10;
    });
    for (String instance : longOutage) {
      // job state 1 = failed attempt; every job failed until its retries were used up, none gave up early
      List<Timestamp> failures = sql.queryForList("SELECT timestamp_ FROM act_hi_job_log WHERE"
          + " process_instance_id_ = ? AND job_state_ = 1 ORDER BY timestamp_", Timestamp.class, instance);
      assertThat(failures).as("failed attempts of %s", instance).hasSize(RETRY_INTERVALS.size() + 1);
      List<Long> waits = IntStream.range(1, failures.size())
          .mapToObj(i -> failures.get(i).getTime() - failures.get(i - 1).getTime()).toList();
      System.out.printf("ClusterIT: %s failed %d times, waits between attempts (ms) %s%n", instance,
          failures.size(), waits);
      for (int i = 0; i < waits.size(); i++) {
        // the next attempt is due one interval after the failure is recorded (a few ms of clock reads aside)
        assertThat(waits.get(i)).as("wait %d of %s", i + 1, instance)
            .isGreaterThanOrEqualTo(RETRY_INTERVALS.get(i).toMillis() - 50);
      }
    }
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(sql.queryForObject("SELECT count(*) FROM reminder_log WHERE business_key LIKE 'long-%' AND status"
        + " = 'FAILED'", Integer.class)).isEqualTo(10);

    // the server is back; an administrator retries the failed jobs as Cockpit does (retries = 1)
    startSmtp();
    List<String> failedJobs = sql.queryForList("SELECT configuration_ FROM act_ru_incident", String.class);
    nodeB.put("/engine-rest/job/" + failedJobs.get(0) + "/retries", Map.of("retries", 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
    for (String job : failedJobs.subList(1, failedJobs.size())) {
      nodeA.put("/engine-rest/job/" + job + "/retries", Map.of("retries", 1));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> remainingReminderJobs("long") == 0);
    assertDeliveredExactlyOnce(expectedMessageIds(longOutage));
    assertThat(incidents()).isZero();
  }

  // Two kills, one per kind of work: the job executor takes due jobs in the order PostgreSQL returns them, so a batch of
  // reminders and one of documents started together mostly run one after the other, and a single kill cannot be
  // relied on to find both under way (on a fast machine the reminders were all sent before 20 documents were made).

  @Test
  @Order(5)
  void nodeBKilledInTheMiddleOfARemindersBatch_nodeAFinishes_noneLostOrSentTwice() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    List<String> reminderInstances = startTasksOnBothNodes("kill", 400);
    Set<String> expected = expectedMessageIds(reminderInstances);

    makeRemindersDueNow("kill");
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
        sentByNode("kill", "node-b") >= 50);
    int lockedBeforeKill = lockedJobs();
    nodeB.kill();
    long killedAt = System.nanoTime();
    int remindersLeft = remainingReminderJobs("kill");
    System.out.printf("ClusterIT: node-b killed with %d jobs locked, %d of 400 reminders left%n",
        lockedBeforeKill, remindersLeft);
    assertThat(nodeB.isAlive()).isFalse();
    assertThat(remindersLeft).as("reminders still to send when node B was killed").isPositive();

    // the lock time (15 s), then node A alone
    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() ->
        remainingReminderJobs("kill") == 0);
    System.out.printf("ClusterIT: node-a sent the rest %.1f s after the kill%n", (System.nanoTime() - killedAt) / 1e9);

    // The one window the protocol cannot close: node B killed between recording SUBMITTED and the server's
    // acceptance of the final "." (README "Reminders: sent once"). Such a reminder is never sent again and is
    // marked UNCERTAIN for a person to check; at most one per job thread of node B can be in that window.
    List<String> uncertain = sql.queryForList("SELECT '<reminder.task_reminder.' || task_id || '.1.' FROM reminder_log"
        + " WHERE business_key LIKE 'kill-%' AND status = 'UNCERTAIN'", String.class);
    System.out.printf("ClusterIT: %d reminder(s) caught at the commit point by the kill, marked UNCERTAIN%n",
        uncertain.size());
    assertThat(uncertain).as("reminders UNCERTAIN: at most one per job thread of the killed node")
        .hasSizeLessThanOrEqualTo(JOB_THREADS);
    assertDeliveredExactlyOnce(expected, Set.copyOf(uncertain));
    assertThat(sql.queryForObject("SELECT count(*) FROM reminder_log WHERE business_key LIKE 'kill-%' AND status"
        + " NOT IN ('SENT', 'UNCERTAIN')", Integer.class)).as("reminders neither SENT nor UNCERTAIN").isZero();
    assertThat(lockedJobs()).as("jobs still locked").isZero();
    assertThat(incidents()).isZero();
  }

  @Test
  @Order(6)
  void nodeBKilledInTheMiddleOfDocumentGeneration_nodeAFinishes_registersGapFree() throws Exception {
    if (!nodeB.isAlive()) {
      // a node that died rejoins as a new process, as an operator restarts it
      nodeB = JarNode.start("node-b-restarted", jar, nodeArgs, nodeEnvironment, LOGS, ADMIN, ADMIN_PASSWORD);
      nodeB.awaitReady(Duration.ofMinutes(8));
    }
    int documentsBefore = documentCount();
    List<String> documentInstances = startDocumentsOnBothNodes(DOCUMENTS_IN_KILL);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
        documentCount() - documentsBefore >= 20);
    int lockedBeforeKill = lockedJobs();
    nodeB.kill();
    long killedAt = System.nanoTime();
    int documentsMade = documentCount() - documentsBefore;
    System.out.printf("ClusterIT: node-b killed with %d jobs locked, %d of %d documents made%n",
        lockedBeforeKill, documentsMade, DOCUMENTS_IN_KILL);
    assertThat(nodeB.isAlive()).isFalse();
    assertThat(documentsMade).as("documents made when node B was killed").isLessThan(DOCUMENTS_IN_KILL);

    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() ->
        runningInstances("cluster-document") == 0);
    System.out.printf("ClusterIT: node-a made the rest %.1f s after the kill%n", (System.nanoTime() - killedAt) / 1e9);

    assertThat(countDocuments(documentInstances)).isEqualTo(DOCUMENTS_IN_KILL);
    assertRegistersGapFree();
    assertThat(lockedJobs()).as("jobs still locked").isZero();
    assertThat(incidents()).isZero();
  }

  private static int lockedJobs() {
    return sql.queryForObject("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", Integer.class);
  }

  private static int documentCount() {
    return sql.queryForObject("SELECT count(*) FROM document", Integer.class);
  }

  // --------------------------------------------------------------------------------------------------- helpers

  private static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** Starts {@code count} dated tasks for the test administrator; business keys {@code <batch>-<i>}. */
  private static List<String> startTasks(JarNode node, String batch, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(startTask(node, batch + "-" + i));
    }
    return ids;
  }

  private static String startTask(JarNode node, String businessKey) throws Exception {
    // due in 30 days: its reminder lies in the future until the test makes it due
    String due = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(30).withHour(17).withMinute(0).withSecond(0)
        .withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    Map<String, Object> variables = Map.of(
        "assignee", Map.of("value", ADMIN, "type", "String"),
        "due", Map.of("value", due, "type", "Date"));
    return node.post("/engine-rest/process-definition/key/cluster-task/start",
        Map.of("businessKey", businessKey, "variables", variables)).path("id").asText();
  }

  /** Half the starts through each node, four at a time. */
  private static List<String> startTasksOnBothNodes(String batch, int count) throws Exception {
    return onBothNodes(count, (node, i) -> startTask(node, batch + "-" + i));
  }

  private static List<String> startDocumentsOnBothNodes(int count) throws Exception {
    return onBothNodes(count, (node, i) -> node.post("/engine-rest/process-definition/key/cluster-document/start",
        Map.of("businessKey", "doc-" + UUID.randomUUID(), "variables", planVariables())).path("id").asText());
  }

  private interface Start {
    String run(JarNode node, int index) throws Exception;
  }

  private static List<String> onBothNodes(int count, Start start) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        JarNode node = i % 2 == 0 ? nodeA : nodeB;
        futures.add(pool.submit(() -> start.run(node, index)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : futures) {
        ids.add(future.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Object> planVariables() {
    Map<String, Object> values = new HashMap<>();
    values.put("leadAgency", "STTTT");
    values.put("planTitle", "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước năm 2019");
    values.put("planYear", 2019L);
    values.put("legalBases", "Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006");
    values.put("noticeReference", "Thông báo số 295/TB-UBND ngày 26/12/2018 của UBND tỉnh");
    values.put("planObjectives", "Nâng cao hiệu quả ứng dụng CNTT trong cơ quan nhà nước.");
    values.put("planTasks", "Hoàn thiện hạ tầng kỹ thuật.");
    values.put("planBudget", 12_500_000_000L);
    values.put("planSchedule", "Quý I/2019: triển khai.");
    values.put("respondedCount", 3L);
    values.put("silentCount", 0L);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Long ? "Long" : "String")));
    return variables;
  }

  /** Moves every pending TASK_REMINDER of the batch to the same instant, now: they all fall due together. */
  private static int makeRemindersDueNow(String batch) {
    return sql.update("UPDATE act_ru_job SET duedate_ = now() WHERE handler_type_ = 'deadline-reminder'"
        + " AND handler_cfg_ LIKE '%\"TASK_REMINDER\"%' AND process_instance_id_ IN (SELECT proc_inst_id_ FROM"
        + " act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL)", batch + "-%");
  }

  private static int remainingReminderJobs(String batch) {
    return sql.queryForObject("SELECT count(*) FROM act_ru_job WHERE handler_type_ = 'deadline-reminder'"
        + " AND handler_cfg_ LIKE '%\"TASK_REMINDER\"%' AND process_instance_id_ IN (SELECT proc_inst_id_ FROM"
        + " act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL)", Integer.class, batch + "-%");
  }

  private static int failedAtLeastOnce(String batch) {
    return sql.queryForObject("SELECT count(DISTINCT business_key) FROM reminder_log WHERE business_key LIKE ?"
        + " AND status = 'FAILED'", Integer.class, batch + "-%");
  }

  private static int incidents() {
    return sql.queryForObject("SELECT count(*) FROM act_ru_incident", Integer.class);
  }

  private static int runningInstances(String key) {
    return sql.queryForObject("SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL AND proc_def_key_ = ?",
        Integer.class, key);
  }

  private static Map<String, Integer> sentPerNode(String batch) {
    Map<String, Integer> result = new TreeMap<>();
    sql.query("SELECT node_id, count(*) FROM reminder_log WHERE business_key LIKE ? AND status = 'SENT'"
        + " GROUP BY node_id", rs -> {
          result.put(rs.getString(1), rs.getInt(2));
        }, batch + "-%");
    return result;
  }

  private static int sentByNode(String batch, String node) {
    return sentPerNode(batch).getOrDefault(node, 0);
  }

  private static Map<String, Integer> documentJobsPerNode() {
    Map<String, Integer> result = new TreeMap<>();
    sql.query("SELECT hostname_, count(*) FROM act_hi_job_log WHERE process_def_key_ = 'cluster-document'"
        + " AND job_state_ = 2 GROUP BY hostname_", rs -> {
          result.put(rs.getString(1), rs.getInt(2));
        });
    return result;
  }

  /** The reminder Message-ID of each started task (one task per instance). */
  private static Set<String> expectedMessageIds(List<String> instances) {
    Set<String> ids = new java.util.HashSet<>();
    for (List<String> chunk : chunks(instances, 500)) {
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      ids.addAll(sql.queryForList("SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (" + marks + ")",
          String.class, chunk.toArray()).stream()
          .map(task -> "<reminder.task_reminder." + task + ".1.")
          .toList());
    }
    assertThat(ids).hasSize(instances.size());
    return ids;
  }

  /** Every expected reminder arrived exactly once (Message-ID per task), and nothing else arrived. */
  private static void assertDeliveredExactlyOnce(Set<String> expectedPrefixes) throws MessagingException {
    assertDeliveredExactlyOnce(expectedPrefixes, Set.of());
  }

  /**
   * Nothing arrived twice or unexpected; every expected reminder arrived, except possibly those the reminder log
   * marks UNCERTAIN (interrupted at the mail server's commit point: delivered or not, never sent again).
   */
  private static void assertDeliveredExactlyOnce(Set<String> expectedPrefixes, Set<String> uncertainPrefixes)
      throws MessagingException {
    Map<String, Integer> perTask = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String id = message.getMessageID();
      // <reminder.task_reminder.{taskId}.1.{deadline}@host>: one per task whatever the deadline's seconds
      String prefix = id.substring(0, id.indexOf(".1.") + 3);
      perTask.merge(prefix, 1, Integer::sum);
    }
    Map<String, Integer> twice = perTask.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Set<String> missing = new java.util.HashSet<>(expectedPrefixes);
    missing.removeAll(perTask.keySet());
    missing.removeAll(uncertainPrefixes);
    Set<String> unexpected = new java.util.HashSet<>(perTask.keySet());
    unexpected.removeAll(expectedPrefixes);
    System.out.printf("ClusterIT: %d expected, %d received, %d twice, %d missing (besides %d UNCERTAIN)%n",
        expectedPrefixes.size(), smtp.getReceivedMessages().length, twice.size(), missing.size(),
        uncertainPrefixes.size());
    assertThat(twice).as("reminders received more than once").isEmpty();
    assertThat(missing).as("reminders never received").isEmpty();
    assertThat(unexpected).as("mail nobody expected").isEmpty();
  }

  private static int countDocuments(List<String> instances) {
    int count = 0;
    for (List<String> chunk : chunks(instances, 500)) {
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      count += sql.queryForObject("SELECT count(*) FROM document WHERE serial IS NOT NULL AND process_instance_id IN ("
          + marks + ")", Integer.class, chunk.toArray());
    }
    return count;
  }

  /** Per register (agency, series, year): serials 1..n, each once, and the register's last number is n. */
  private static void assertRegistersGapFree() {
    Map<String, List<Integer>> serials = new TreeMap<>();
    sql.query("SELECT issuing_agency, register_series, register_year, serial FROM document WHERE serial IS NOT NULL"
        + " ORDER BY serial", rs -> {
          serials.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3),
              k -> new ArrayList<>()).add(rs.getInt(4));
        });
    assertThat(serials).isNotEmpty();
    serials.forEach((register, numbers) -> {
      assertThat(numbers).as("serials of register %s", register)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
      String[] key = register.split("/");
      assertThat(sql.queryForObject("SELECT last_number FROM document_register WHERE issuing_agency = ? AND series"
          + " = ? AND register_year = ?", Integer.class, key[0], key[1], Integer.parseInt(key[2])))
          .as("last number of register %s", register).isEqualTo(numbers.size());
    });
  }

  private static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> result = new ArrayList<>();
    for (int from = 0; from < list.size(); from += size) {
      result.add(list.subList(from, Math.min(list.size(), from + size)));
    }
    return result;
  }
}
