package vn.gov.directives.assignment;

import vn.gov.directives.support.AssignmentStatusRecorder;
import vn.gov.directives.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;

/**
 * Every path of assignment-handover (item 9 of 295/TB-UBND: the portal from Sở TT&TT to Văn phòng UBND tỉnh) on the
 * real 2018–2019 calendar.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-handover;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
@Import(AssignmentStatusRecorder.class)
class AssignmentHandoverProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DocumentService documentService;
  @Autowired AssignmentStatusRecorder events;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    events.seen.clear();
    clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void bothSidesConfirm_recordIssued_completed() throws Exception {
    ProcessInstance handover = start("lead-9");
    Task receiving = onlyTask(handover, "Task_ReceivingChecklist");
    Task handing = onlyTask(handover, "Task_HandingChecklist");
    assertThat(receiving.getName()).isEqualTo("Lập bảng kiểm bàn giao của bên nhận — TB 295/TB-UBND, mục 9");
    assertThat(candidateGroups(receiving)).containsExactly("VPUBND-chuyen-vien");
    assertThat(candidateGroups(handing)).containsExactly("STTTT-chuyen-vien");
    // capped at the deadline: 01/01/2019 is a holiday, so the end of Wednesday 02/01/2019
    assertThat(receiving.getDueDate()).isNotNull();
    Map<String, Object> incomplete = checklist("handing", "pending", "");
    assertThatThrownBy(() -> completeAs("stttt-cv", handing, incomplete))
        .hasMessageContaining("chưa hoàn thành: cần ghi chú");
    completeAs("stttt-cv", handing, checklist("handing", "done", "Bàn giao máy chủ tại Trung tâm dữ liệu tỉnh"));
    assertThat(onlyTask(handover, "Task_ConfirmHanding")).isNull();
    completeAs("vpubnd-cv", receiving, checklist("receiving", "done", "Đã kiểm tra"));
    // the last checklist issues the Biên bản in the same transaction (no job is run here); the leaders confirm it
    BpmnAwareTests.assertThat(handover).hasPassed("Task_IssueHandoverRecord");

    Task confirmReceiving = onlyTask(handover, "Task_ConfirmReceiving");
    Task confirmHanding = onlyTask(handover, "Task_ConfirmHanding");
    assertThat(candidateGroups(confirmReceiving)).containsExactly("VPUBND-lanh-dao");
    assertThat(candidateGroups(confirmHanding)).containsExactly("STTTT-lanh-dao");
    String record = pdfText(documentService.listForProcessInstance(handover.getId()), "BIEN_BAN");
    assertThat(record).contains("BIÊN BẢN").contains("/BB-VP ")
        .contains("Bên giao: Sở Thông tin và Truyền thông, đại diện là Phó Giám đốc Sở Lê Thị Thu Hà")
        .contains("Bên nhận: Văn phòng Ủy ban nhân dân tỉnh")
        .contains("Tên miền").contains("Nhân sự vận hành").contains("Đã hoàn thành")
        .contains("Bên giao: Bàn giao máy chủ tại Trung tâm dữ liệu tỉnh")
        .contains("ĐẠI DIỆN BÊN GIAO").contains("ĐẠI DIỆN BÊN NHẬN");
    completeAs("stttt-ld", confirmHanding, Map.of("handingConfirmation", "confirm"));
    completeAs("vpubnd-ld", confirmReceiving, Map.of("receivingConfirmation", "confirm"));
    BpmnAwareTests.assertThat(handover).isEnded().hasPassed("EndEvent_HandedOver");
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED);
  }

  @Test
  void oneSideRefuses_redoesItsChecklist_thenBothConfirm() throws Exception {
    ProcessInstance handover = start("lead-9r");
    completeAs("stttt-cv", onlyTask(handover, "Task_HandingChecklist"), checklist("handing", "done", ""));
    completeAs("vpubnd-cv", onlyTask(handover, "Task_ReceivingChecklist"), checklist("receiving", "done", ""));
    runDueJobs();
    completeAs("stttt-ld", onlyTask(handover, "Task_ConfirmHanding"), Map.of("handingConfirmation", "confirm"));
    assertThatThrownBy(() -> completeAs("vpubnd-ld", onlyTask(handover, "Task_ConfirmReceiving"),
        Map.of("receivingConfirmation", "refuse"))).hasMessageContaining("Lý do không xác nhận");
    completeAs("vpubnd-ld", onlyTask(handover, "Task_ConfirmReceiving"), Map.of("receivingConfirmation", "refuse",
        "receivingRefusalReasons", "Chưa nhận mật khẩu quản trị máy chủ."));

    // only the refusing side redoes its checklist
    Task again = onlyTask(handover, "Task_ReceivingChecklist");
    assertThat(again).isNotNull();
    assertThat(onlyTask(handover, "Task_HandingChecklist")).isNull();
    Map<String, Object> redo = checklist("receiving", "done", "");
    redo.put("receiving_accounts_status", "pending");
    redo.put("receiving_accounts_notes", "Chờ đổi mật khẩu quản trị trước 04/01/2019");
    completeAs("vpubnd-cv", again, redo);
    runDueJobs();
    List<IssuedDocument> records = documentService.listForProcessInstance(handover.getId()).stream()
        .filter(doc -> doc.type().equals("BIEN_BAN")).toList();
    assertThat(records).hasSize(2);
    Object latest = runtimeService.getVariable(handover.getId(), "handoverRecordDocumentId");
    assertThat(pdfText(records.stream().filter(doc -> doc.id().equals(latest)).toList(), "BIEN_BAN")).contains("Bên nhận: Chờ đổi mật khẩu quản trị trước 04/01/2019")
        .contains("Chưa hoàn thành");
    // a new Biên bản: both sides confirm it again
    completeAs("stttt-ld", onlyTask(handover, "Task_ConfirmHanding"), Map.of("handingConfirmation", "confirm"));
    completeAs("vpubnd-ld", onlyTask(handover, "Task_ConfirmReceiving"), Map.of("receivingConfirmation", "confirm"));
    BpmnAwareTests.assertThat(handover).isEnded().hasPassed("EndEvent_HandedOver");
  }

  private Map<String, Object> checklist(String side, String status, String notes) {
    Map<String, Object> values = new HashMap<>();
    for (String item : HandoverChecklist.ITEMS.keySet()) {
      values.put(side + "_" + item + "_status", status);
      values.put(side + "_" + item + "_notes", item.equals("infrastructure") ? notes : "");
    }
    values.put(side + "_representativeName", side.equals("handing") ? "Lê Thị Thu Hà" : "Nguyễn Thị Mai Anh");
    values.put(side + "_representativeTitle", side.equals("handing") ? "Phó Giám đốc Sở" : "Phó Chánh Văn phòng");
    return values;
  }

  private ProcessInstance start(String leadId) {
    Map<String, Object> variables = ProcessTestSupport.assignmentVariables(leadId, "9", "2019-01-01");
    variables.put("assignmentKind", "handover");
    variables.put("assignmentTitle", "Chuyển giao Cổng thông tin điện tử của tỉnh từ Sở Thông tin và Truyền thông về Văn phòng UBND tỉnh");
    variables.put("leadAgency", "VPUBND");
    variables.put("partners", new java.util.ArrayList<>(List.of("STTTT")));
    variables.put("urgent", Boolean.TRUE);
    return runtimeService.startProcessInstanceByKey("assignment-handover", variables);
  }

  private String pdfText(List<IssuedDocument> documents, String type) throws java.io.IOException {
    return ProcessTestSupport.pdfText(documentService, documents, type);
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identityService, taskService, userId, task, variables);
  }

  private Task onlyTask(ProcessInstance instance, String key) {
    return ProcessTestSupport.onlyTask(taskService, instance.getId(), key);
  }

  private List<String> candidateGroups(Task task) {
    return ProcessTestSupport.candidateGroups(taskService, task);
  }

  private void runDueJobs() {
    ProcessTestSupport.runDueJobs(managementService);
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return ProcessTestSupport.historyVariable(historyService, instance.getId(), name);
  }

  private static void clock(LocalDate day, LocalTime time) {
    ProcessTestSupport.clock(day, time);
  }
}
