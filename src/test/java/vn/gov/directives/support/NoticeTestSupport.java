package vn.gov.directives.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.gov.directives.calendar.VietnamTime;

/**
 * What the notice tests do as Văn phòng UBND, a lead agency or another system would: API users and their HTTP Basic
 * header, registration through the API or the Tasklist start form, start and task forms submitted as a user.
 * One copy for NoticeApiTest, NoticeReportProcessTest, NoticeRegistrationProcessTest and ExtensionRequestProcessTest.
 */
public final class NoticeTestSupport {

  /** Signer of the test notices, as the signature block prints it (the signer's account is ubnd-ld). */
  public static final String SIGNER = "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Phi Long";

  private static final ObjectMapper JSON = new ObjectMapper();

  private NoticeTestSupport() {}

  /** A user of one group whose password is "matkhau-&lt;id&gt;", created once per application context. */
  public static void apiUser(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User created = identity.newUser(id);
      created.setPassword("matkhau-" + id);
      identity.saveUser(created);
      identity.createMembership(id, group);
    }
  }

  /** The request with the HTTP Basic header of an {@link #apiUser}. */
  public static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
    return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":matkhau-" + user).getBytes(StandardCharsets.UTF_8)));
  }

  /** An instant given in Vietnam time, whatever the JVM's zone. */
  public static Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VietnamTime.ZONE).toInstant();
  }

  /** {@code POST /api/notices} as the user, expecting 201; the answer's JSON. */
  public static JsonNode registerByApi(MockMvc mvc, String user, String notice) throws Exception {
    return JSON.readTree(mvc.perform(as(user, post("/api/notices")).contentType(MediaType.APPLICATION_JSON)
            .content(notice)).andExpect(status().isCreated()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8));
  }

  /**
   * The values of the start form "Đăng ký thông báo kết luận" for a notice of UBND dated 26/12/2018 (meeting
   * 20/12/2018), signed by {@link #SIGNER}.
   *
   * @param assignments the assignment lines (text) or the Json variable Tasklist's dynamic list sends
   */
  public static Map<String, Object> registrationForm(String number, String title, Object assignments) {
    Map<String, Object> values = new HashMap<>();
    values.put("number", number);
    values.put("issuedOn", "2018-12-26");
    values.put("meetingDate", "2018-12-20");
    values.put("issuer", "UBND");
    values.put("signer", SIGNER);
    values.put("title", title);
    values.put("assignments", assignments);
    return values;
  }

  /** Submits a start form as the user with these groups, as Tasklist does. */
  public static ProcessInstance startAs(IdentityService identity, FormService forms, RepositoryService repository,
      String user, List<String> groups, String processKey, Map<String, Object> values) {
    identity.setAuthentication(user, groups);
    try {
      return forms.submitStartForm(definitionId(repository, processKey), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Claims the task and submits its form as the user with these groups, as Tasklist does. */
  public static void submitTaskAs(IdentityService identity, TaskService tasks, FormService forms, String user,
      List<String> groups, Task task, Map<String, Object> values) {
    identity.setAuthentication(user, groups);
    try {
      tasks.claim(task.getId(), user);
      forms.submitTaskForm(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  public static String definitionId(RepositoryService repository, String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
        .getId();
  }
}
