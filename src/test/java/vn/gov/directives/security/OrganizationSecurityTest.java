package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.directives.Application;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;
import vn.gov.directives.organization.DemoUser;
import vn.gov.directives.organization.OrganizationConfiguration.DemoUserList;
import vn.gov.directives.organization.OrganizationStartup;
import vn.gov.directives.organization.ProductionGuard;
import vn.gov.directives.organization.TaskFilterSynchronizer;

/** Start-up synchronisation, task isolation between agencies, and authentication of /engine-rest and /api. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=" + OrganizationSecurityTest.DB)
@ActiveProfiles("demo")
@Import(OrganizationSecurityTest.WhoAmI.class)
class OrganizationSecurityTest {

  // the lock time-out of the product's own H2 URL: two synchronisations at once wait for each other's rows
  static final String DB =
      "jdbc:h2:mem:organization-security;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE;LOCK_TIMEOUT=10000";

  /** A tiny /api endpoint for the test: who the filter says the caller is. */
  @RestController
  static class WhoAmI {
    @GetMapping("/api/test/whoami")
    CurrentUser get(CurrentUser user) {
      return user;
    }

    @PostMapping("/api/test/whoami")
    CurrentUser post(CurrentUser user) {
      return user;
    }
  }

  /** Monday to Friday; the real calendar (holidays) is another capability's. */
  @MockitoBean WorkingCalendar workingCalendar;

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired OrganizationStartup startup;
  @Autowired DemoUserList demoUsers;
  @Autowired ProcessAccess processAccess;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void weekdaysOnly() {
    when(workingCalendar.plusWorkingDays(any(), anyInt())).thenAnswer(call -> {
      LocalDate day = call.getArgument(0);
      int n = call.getArgument(1);
      for (int i = 0; i < n; ) {
        day = day.plusDays(1);
        if (day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
          i++;
        }
      }
      return day;
    });
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void startUpCreatesAgencyGroupsDemoUsersFiltersAndAuthorizations() {
    var group = identityService.createGroupQuery().groupId("STTTT-chuyen-vien").singleResult();
    assertThat(group.getName()).isEqualTo("Sở TT&TT - Chuyên viên");
    assertThat(group.getType()).isEqualTo("WORKFLOW");
    assertThat(identityService.createGroupQuery().groupId("HOAINHON-lanh-dao").singleResult().getName())
        .isEqualTo("UBND TX Hoài Nhơn - Lãnh đạo");
    assertThat(identityService.createGroupQuery().groupType("WORKFLOW").count()).isEqualTo(99);
    assertThat(identityService.createGroupQuery().groupId("camunda-admin").count()).isOne();

    User viceChair = identityService.createUserQuery().userId("ubnd-ld").singleResult();
    assertThat(viceChair.getFirstName() + " " + viceChair.getLastName()).isEqualTo("Nguyễn Phi Long");
    assertThat(viceChair.getEmail()).isEqualTo("ubnd-ld@demo.binhdinh.gov.vn");
    assertThat(identityService.createUserQuery().memberOfGroup("UBND-lanh-dao").list())
        .extracting(User::getId).containsExactly("ubnd-ld");
    assertThat(identityService.checkPassword("stttt-cv", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId).containsExactly("demo");
    assertThat(identityService.createUserQuery().count()).isEqualTo(100);

    assertThat(filterService.createTaskFilterQuery().orderByFilterName().asc().list())
        .extracting(Filter::getName)
        .containsExactlyInAnyOrder("Việc của tôi", "Việc của đơn vị", "Sắp đến hạn", "Quá hạn");

    assertThat(can("syt-cv", "SYT-chuyen-vien", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(can("syt-cv", "SYT-chuyen-vien", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(can("ubnd-ld", "UBND-lanh-dao", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(can("vpubnd-cv", "VPUBND-chuyen-vien", Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        "plan-approval")).isTrue();
    assertThat(can("stttt-cv", "STTTT-chuyen-vien", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "plan-approval")).isTrue();
    assertThat(can("syt-cv", "SYT-chuyen-vien", Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "plan-approval")).isFalse();
    assertThat(can("syt-cv", "SYT-chuyen-vien", Permissions.READ, Resources.TASK, "*")).isFalse();

    // every user sees the four shared filters
    identityService.setAuthentication("syt-cv", List.of("SYT-chuyen-vien"));
    assertThat(filterService.createTaskFilterQuery().count()).isEqualTo(4);
  }

  @Test
  void aSecondSynchronisationChangesNothing() {
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();

    assertThat(startup.synchronize().changes()).isEmpty();

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void aSynchronisationRepairsExactlyWhatWasChangedByHand() {
    Authorization tasklist = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn("SYT-chuyen-vien")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
    authorizationService.deleteAuthorization(tasklist.getId());
    Authorization cockpit = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn("VPUBND-lanh-dao")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    cockpit.removePermission(Permissions.READ_HISTORY);
    authorizationService.saveAuthorization(cockpit);
    identityService.deleteMembership("syt-cv", "SYT-chuyen-vien");
    identityService.createMembership("syt-cv", "STTTT-chuyen-vien");
    Group renamed = identityService.createGroupQuery().groupId("SYT-lanh-dao").singleResult();
    String name = renamed.getName();
    renamed.setName("đổi tên tay");
    identityService.saveGroup(renamed);

    assertThat(startup.synchronize().changes()).containsExactlyInAnyOrder(
        "group renamed SYT-lanh-dao → " + name,
        "membership syt-cv → SYT-chuyen-vien",
        "membership removed syt-cv → STTTT-chuyen-vien",
        "authorization created SYT-chuyen-vien Application:tasklist",
        "authorization extended VPUBND-lanh-dao ProcessDefinition:* + [READ_HISTORY]");

    assertThat(identityService.createGroupQuery().groupMember("syt-cv").list()).extracting(Group::getId)
        .containsExactly("SYT-chuyen-vien");
    assertThat(authorizationService.isUserAuthorized("syt-cv", List.of("SYT-chuyen-vien"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("vpubnd-ld", List.of("VPUBND-lanh-dao"),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "plan-approval")).isTrue();
    assertThat(startup.synchronize().changes()).isEmpty();
  }

  @Test
  void twoNodesSynchronisingAtTheSameMomentBothSucceedAndCreateEachUserOnce() throws Exception {
    // what two nodes starting together on one database meet: both want to insert the same rows
    List<String> clerks = demoUsers.users().stream().map(DemoUser::id).filter(id -> id.endsWith("-vt")).toList();
    assertThat(clerks).hasSizeGreaterThan(20);
    clerks.forEach(identityService::deleteUser);
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<List<String>> node = () -> {
      together.await();
      return startup.synchronize().changes();
    };
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<String> changes = new ArrayList<>();
    try {
      Future<List<String>> a = nodes.submit(node);
      Future<List<String>> b = nodes.submit(node);
      changes.addAll(a.get(120, TimeUnit.SECONDS));
      changes.addAll(b.get(120, TimeUnit.SECONDS));
    } finally {
      nodes.shutdownNow();
    }

    assertThat(changes.stream().filter(change -> change.startsWith("user created ")))
        .containsExactlyInAnyOrderElementsOf(clerks.stream().map(id -> "user created " + id).toList());
    assertThat(identityService.createUserQuery().count()).isEqualTo(100);
    assertThat(identityService.createGroupQuery().groupMember("stttt-vt").list()).extracting(Group::getId)
        .containsExactly("STTTT-van-thu");
    assertThat(identityService.checkPassword("stttt-vt", "demo")).isTrue();
    assertThat(startup.synchronize().changes()).isEmpty();
  }

  @Test
  void aHealthSpecialistCannotSeeTheTaskOfInformationSpecialistsWhoCanWorkIt() {
    engine.getRepositoryService().createDeployment().name("organization-test")
        .addClasspathResource("organization-test/candidate-task.bpmn").deploy();
    // Thursday 03/01/2019 10:00 Vietnam time: "3 working days" ends Tuesday 08/01 at 24:00
    ClockUtil.setCurrentTime(VietnamTime.at(LocalDate.of(2019, 1, 3), LocalTime.of(10, 0)));
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    ProcessInstance dueSoon = start(LocalDateTime.of(2019, 1, 8, 23, 0));
    ProcessInstance dueLater = start(LocalDateTime.of(2019, 1, 9, 8, 0));
    ProcessInstance overdue = start(LocalDateTime.of(2019, 1, 2, 17, 0));
    identityService.clearAuthentication();

    identityService.setAuthentication("syt-cv", List.of("SYT-chuyen-vien"));
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(filterService.list(filterId(TaskFilterSynchronizer.AGENCY_TASKS))).isEmpty();

    identityService.setAuthentication("stttt-cv", List.of("STTTT-chuyen-vien"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(dueSoon.getId()).count()).isOne();
    assertThat(filterService.<Task>list(filterId(TaskFilterSynchronizer.AGENCY_TASKS)))
        .extracting(Task::getProcessInstanceId)
        .contains(dueSoon.getId(), dueLater.getId(), overdue.getId());
    assertThat(filterService.<Task>list(filterId(TaskFilterSynchronizer.DUE_SOON)))
        .extracting(Task::getProcessInstanceId).containsExactly(dueSoon.getId());
    assertThat(filterService.<Task>list(filterId(TaskFilterSynchronizer.OVERDUE)))
        .extracting(Task::getProcessInstanceId).containsExactly(overdue.getId());

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(dueSoon.getId()).singleResult();
    engine.getTaskService().claim(task.getId(), "stttt-cv");
    assertThat(filterService.<Task>list(filterId(TaskFilterSynchronizer.MY_TASKS)))
        .extracting(Task::getId).containsExactly(task.getId());
    engine.getTaskService().complete(task.getId());
    identityService.clearAuthentication();

    assertThat(processAccess.canView("stttt-cv", List.of("STTTT-chuyen-vien"), dueSoon.getId())).isTrue();
    assertThat(processAccess.canView("syt-cv", List.of("SYT-chuyen-vien"), dueSoon.getId())).isFalse();
    assertThat(processAccess.canView("ubnd-ld", List.of("UBND-lanh-dao"), dueSoon.getId())).isTrue();
    assertThat(processAccess.canView("demo", List.of("camunda-admin"), dueSoon.getId())).isTrue();
    // another STTTT specialist took part as a candidate, even without ever being assignee
    assertThat(processAccess.canView("stttt-vt", List.of("STTTT-chuyen-vien"), dueLater.getId())).isTrue();
    assertThat(processAccess.canView("syt-cv", List.of("SYT-chuyen-vien"), "no-such-instance")).isFalse();
  }

  @Test
  void engineRestRequiresHttpBasic() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // (another user than the next one: Camunda locks a user for a few seconds after a wrong password)
    assertThat(get("/engine-rest/task", basic("snv-cv", "wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", basic("demo", "demo")).statusCode()).isEqualTo(200);
  }

  @Test
  void apiAnswers401JsonWithoutCredentialsAnd200AsTheAuthenticatedUser() throws Exception {
    HttpResponse<String> anonymous = get("/api/test/whoami", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    assertThat(json.readTree(anonymous.body()).get("error").asText()).contains("Chưa đăng nhập");

    HttpResponse<String> wrong = get("/api/test/whoami", basic("syt-cv", "sai"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json.readTree(wrong.body()).get("error").asText()).contains("Sai tên đăng nhập hoặc mật khẩu");

    HttpResponse<String> ok = get("/api/test/whoami", basic("stttt-cv", "demo"));
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode user = json.readTree(ok.body());
    assertThat(user.get("userId").asText()).isEqualTo("stttt-cv");
    assertThat(user.get("groupIds").get(0).asText()).isEqualTo("STTTT-chuyen-vien");
    assertThat(identityService.getCurrentAuthentication()).isNull();
  }

  @Test
  void apiAcceptsTheTasklistSessionForReadingButNotForChanging() throws Exception {
    // Log in to Tasklist as the browser does: CSRF cookie first, then the login form with the token header.
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookies = cookies(page, "");
    String csrf = cookieValue(cookies, "XSRF-TOKEN");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                url("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .header("Cookie", cookies)
            .POST(HttpRequest.BodyPublishers.ofString("username=stttt-cv&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String session = cookies(login, cookies);

    HttpResponse<String> read = http.send(HttpRequest.newBuilder(url("/api/test/whoami"))
        .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json.readTree(read.body()).get("userId").asText()).isEqualTo("stttt-cv");

    HttpResponse<String> write = http.send(HttpRequest.newBuilder(url("/api/test/whoami"))
            .header("Cookie", session).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(401);
  }

  @Test
  void theProdProfileRefusesTheDemoUserFlagBeforeStarting() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).profiles("prod")
            .run("--spring.datasource.url=jdbc:h2:mem:prod-refused", "--server.port=0",
                "--camunda.bpm.process-engine-name=prodcheck", "--app.organization.demo-users=true")
            .close())
        .hasStackTraceContaining("the prod profile refuses to start with app.organization.demo-users=true");
  }

  @Test
  void theProdProfileRefusesADatabaseHoldingDemoUsers() {
    // this test's database was filled by the demo profile
    assertThatThrownBy(() -> ProductionGuard.refuseExistingDemoUsers(identityService, demoUsers.users()))
        .hasMessageContaining("refuses to start while demo users exist")
        .hasMessageContaining("stttt-cv");
    // a database without them passes
    ProductionGuard.refuseExistingDemoUsers(identityService,
        List.of(new DemoUser("nobody-cv", "Người", "Lạ", "x@y", "demo", List.of())));
  }

  private boolean can(String user, String group, Permissions permission, Resources resource, String resourceId) {
    return authorizationService.isUserAuthorized(user, List.of(group), permission, resource, resourceId);
  }

  private ProcessInstance start(LocalDateTime dueInVietnam) {
    Date due = Date.from(dueInVietnam.atZone(VietnamTime.ZONE).toInstant());
    return engine.getRuntimeService().startProcessInstanceByKey("org-test-candidate", Map.of("due", due));
  }

  private String filterId(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Merges the response's Set-Cookie values into a Cookie header. */
  private static String cookies(HttpResponse<?> response, String previous) {
    Map<String, String> jar = new java.util.LinkedHashMap<>();
    for (String pair : previous.split("; ")) {
      if (pair.contains("=")) {
        jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String cookieValue(String cookies, String name) {
    Matcher matcher = Pattern.compile("(?:^|; )" + name + "=([^;]*)").matcher(cookies);
    assertThat(matcher.find()).as("cookie " + name + " in " + cookies).isTrue();
    return matcher.group(1);
  }
}
