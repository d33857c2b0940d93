package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.gov.directives.calendar.VietnamTime;

/** Văn phòng UBND gives a dated deadline to an assignment the notice left without one. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notice-api;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class NoticeDeadlineTest {

  static final String OFFICE_USER = "deadline-test-vp";
  static final String DEPARTMENT_USER = "deadline-test-stttt";

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    user(OFFICE_USER, "VPUBND-chuyen-vien");
    user(DEPARTMENT_USER, "STTTT-chuyen-vien");
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDate.of(2018, 12, 26), LocalTime.of(10, 0),
        VietnamTime.ZONE).toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void officeSetsADeadlineOnADaylessAssignment_trackingAndTaskDueDateFollow_othersRefused() throws Exception {
    ObjectNode notice = (ObjectNode) json.readTree(NoticeParserTest.seed());
    notice.put("number", "301/TB-UBND");
    JsonNode registered = json.readTree(mvc.perform(as(OFFICE_USER, post("/api/notices"))
            .contentType(MediaType.APPLICATION_JSON).content(notice.toString()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    String id = registered.get("id").asText();
    String firstProcess = registered.get("assignments").get(0).get("processInstanceId").asText(); // mục 1, no date

    // Saturday 12/01/2019 is a day off: the deadline ends with Monday 14/01/2019
    mvc.perform(as(OFFICE_USER, put("/api/notices/" + id + "/assignments/1/deadline"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2019-01-12\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$[0].lead").value("STTTT"));
    mvc.perform(as(OFFICE_USER, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/notices/" + id + "/progress")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignments[0].dueDate").value("2019-01-14T23:59:59+07:00"));
    Task work = tasks.createTaskQuery().processInstanceId(firstProcess).singleResult();
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 14)));
    assertThat(runtime.getVariable(firstProcess, "assignmentDeadline")).isEqualTo("2019-01-12");

    mvc.perform(as(DEPARTMENT_USER, put("/api/notices/" + id + "/assignments/1/deadline"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2019-02-01\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(as(OFFICE_USER, put("/api/notices/" + id + "/assignments/1/deadline"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2019-02-30\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
    mvc.perform(as(OFFICE_USER, put("/api/notices/" + id + "/assignments/99/deadline"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2018-12-01\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
    // nothing moved by the refused calls
    assertThat(tasks.createTaskQuery().processInstanceId(firstProcess).singleResult().getDueDate())
        .isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 14)));
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User created = identity.newUser(id);
      created.setPassword("matkhau-" + id);
      identity.saveUser(created);
      identity.createMembership(id, group);
    }
  }

  private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
    return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":matkhau-" + user).getBytes(StandardCharsets.UTF_8)));
  }
}
