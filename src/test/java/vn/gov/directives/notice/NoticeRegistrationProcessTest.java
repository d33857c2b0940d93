package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.support.NoticeTestSupport;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * The Tasklist start form "Đăng ký thông báo kết luận" submitted through the engine's form service with the values
 * Tasklist sends (texts, ISO dates, the dynamic list of assignments as a Json variable), on the real application.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notice-registration;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
class NoticeRegistrationProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired NoticeRepository notices;

  @BeforeEach
  void clock() {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void officeSpecialistRegistersASmallNotice_oneProcessPerLead() {
    // the Tasklist form's text: one assignment a line, dates day first
    Map<String, Object> values = form("12/TB-UBND", "[]");
    values.put(NoticeForm.ASSIGNMENTS, """
        1 | general | Rà soát hạ tầng mạng | STTTT | SNV | 05/01/2019 |
        2 | coordination | Phối hợp cải cách hành chính | STTTT, SNV |  |  | khẩn
        """);
    ProcessInstance registration = submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), values);

    assertThat(registration.isEnded()).isTrue();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(registration.getId())
        .activityId("EndEvent_NoticeRegistered").count()).isEqualTo(1);
    String noticeId = (String) historyVariable(registration.getId(), "noticeId");
    NoticeRecord notice = notices.find(noticeId).orElseThrow();
    assertThat(notice.number()).isEqualTo("12/TB-UBND");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(registration.getId())
        .singleResult().getBusinessKey()).isEqualTo("12/TB-UBND");

    ProcessInstance followUp = runtimeService.createProcessInstanceQuery()
        .processInstanceId((String) historyVariable(registration.getId(), "followUpProcessInstanceId")).singleResult();
    assertThat(followUp.getProcessDefinitionId()).startsWith(NoticeRegistry.FOLLOW_UP_PROCESS + ":");
    List<ProcessInstance> assignments = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(followUp.getId()).list();
    assertThat(assignments).hasSize(3);
    assertThat(historyVariable(registration.getId(), "trackedProcessCount")).isEqualTo(3);
    // every tracking row knows its process, although registration could not see them in its own command
    assertThat(notices.leads(noticeId)).extracting(TrackedLead::processInstanceId)
        .containsExactlyInAnyOrderElementsOf(assignments.stream().map(ProcessInstance::getId).toList());
    assertThat(assignments).filteredOn(instance -> "2".equals(runtimeService.getVariable(instance.getId(), "assignmentCode")))
        .allSatisfy(instance -> assertThat(runtimeService.getVariable(instance.getId(), "urgent")).isEqualTo(true));

    List<Task> work = taskService.createTaskQuery().processInstanceBusinessKey("12/TB-UBND").list();
    assertThat(work).extracting(Task::getName).containsExactlyInAnyOrder(
        "Thực hiện nhiệm vụ và báo cáo kết quả — TB 12/TB-UBND, mục 1",
        "Thực hiện nhiệm vụ và báo cáo kết quả — TB 12/TB-UBND, mục 2",
        "Thực hiện nhiệm vụ và báo cáo kết quả — TB 12/TB-UBND, mục 2");
    Task first = work.stream().filter(task -> task.getName().endsWith("mục 1")).findFirst().orElseThrow();
    assertThat(candidateGroups(first)).containsExactly("STTTT-chuyen-vien");
    // Saturday 05/01/2019 is a make-up working day: due at its end
    assertThat(first.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThat(work.stream().filter(task -> task.getName().endsWith("mục 2")).flatMap(task -> candidateGroups(task).stream()))
        .containsExactlyInAnyOrder("STTTT-chuyen-vien", "SNV-chuyen-vien");
  }

  @Test
  void everyProblemOfTheFormIsListed_nothingIsStarted() {
    long followUps = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up").count();
    Map<String, Object> values = form("", """
        [{"code": "1", "kind": "survey", "title": "Khảo sát", "leads": "STTTT, XYZ", "deadline": "2018-12-01"},
         {"code": "1", "kind": "general", "title": "", "leads": "", "deadline": "2019-02-30"}]""");
    assertThatThrownBy(() -> submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), values))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Thông báo chưa được đăng ký")
        .hasMessageContaining("Số thông báo không được để trống.")
        .hasMessageContaining("Nhiệm vụ 1: loại nhiệm vụ không hợp lệ: 'survey'")
        .hasMessageContaining("mã cơ quan không tồn tại trong cấu hình tổ chức: XYZ")
        .hasMessageContaining("thời hạn (2018-12-01) không được trước ngày thông báo (2018-12-26)")
        .hasMessageContaining("Nhiệm vụ 1: thiếu cơ quan chủ trì.")
        .hasMessageContaining("Nhiệm vụ thứ 2: nội dung nhiệm vụ không được để trống.")
        .hasMessageContaining("Nhiệm vụ 1: thời hạn không hợp lệ: '2019-02-30'")
        .hasMessageContaining("Nhiệm vụ thứ 2: mã nhiệm vụ 1 bị trùng trong thông báo.");

    Map<String, Object> badLine = form("13/TB-UBND", "[]");
    badLine.put(NoticeForm.ASSIGNMENTS, "1 | general | Rà soát | STTTT\n2 | general | Rà soát | SYT | | | gấp");
    assertThatThrownBy(() -> submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), badLine))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Dòng 1 của danh sách nhiệm vụ cần 6 hoặc 7 cột")
        .hasMessageContaining("Dòng 2: cột cuối phải là \"khẩn\" hoặc để trống");
    assertThatThrownBy(() -> submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), form("13/TB-UBND", "[]")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Thông báo phải có ít nhất một nhiệm vụ.");
    assertNothingStarted(followUps);
  }

  @Test
  void theSameNoticeTwiceIsRefused() {
    String assignment = """
        [{"code": "1", "kind": "general", "title": "Rà soát", "leads": "SYT", "deadline": "2019-01-10"}]""";
    submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), form("14/TB-UBND", assignment));
    long followUps = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up").count();
    assertThatThrownBy(() -> submitAs("vpubnd-cv", List.of("VPUBND-chuyen-vien"), form("14/TB-UBND", assignment)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Thông báo số 14/TB-UBND của UBND năm 2018 đã được đăng ký.");
    assertNothingStarted(followUps);
  }

  @Test
  void onlyTheCommitteesOfficeMayRegister() {
    long followUps = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up").count();
    Map<String, Object> values = form("15/TB-UBND", """
        [{"code": "1", "kind": "general", "title": "Rà soát", "leads": "STTTT", "deadline": "2019-01-10"}]""");
    // Tasklist offers the process only to the groups of startPermissions; the engine refuses anyone else
    assertThatThrownBy(() -> submitAs("stttt-cv", List.of("STTTT-chuyen-vien"), values))
        .isInstanceOf(AuthorizationException.class);
    // without a logged-in user (a system call) the listener refuses as well
    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), values))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Chỉ người dùng đã đăng nhập của Văn phòng UBND tỉnh");
    assertNothingStarted(followUps);
  }

  private void assertNothingStarted(long followUpsBefore) {
    identityService.clearAuthentication();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up").count())
        .isEqualTo(followUpsBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("notice-registration")
        .list()).allSatisfy(instance -> assertThat(instance.getBusinessKey()).isIn("12/TB-UBND", "14/TB-UBND"));
    assertThat(notices.list()).extracting(NoticeRecord::number).doesNotContain("", "13/TB-UBND", "15/TB-UBND");
  }

  /** The start form's values as Tasklist submits them: the dynamic list of assignments is a Json variable. */
  private static Map<String, Object> form(String number, String assignmentsJson) {
    return NoticeTestSupport.registrationForm(number,
        "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về ứng dụng CNTT",
        SpinValues.jsonValue(assignmentsJson).create());
  }

  private ProcessInstance submitAs(String user, List<String> groups, Map<String, Object> values) {
    return NoticeTestSupport.startAs(identityService, formService, repositoryService, user, groups,
        "notice-registration", values);
  }

  private String definitionId() {
    return NoticeTestSupport.definitionId(repositoryService, "notice-registration");
  }

  private Object historyVariable(String processInstanceId, String name) {
    return ProcessTestSupport.historyVariable(historyService, processInstanceId, name);
  }

  private List<String> candidateGroups(Task task) {
    return ProcessTestSupport.candidateGroups(taskService, task);
  }
}
