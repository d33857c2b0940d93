package vn.gov.directives.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
import vn.gov.directives.assignment.AssignmentStatus;
import vn.gov.directives.assignment.AssignmentStatusChanged;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.notice.AssignmentKind;
import vn.gov.directives.notice.NoticeFollowUp;
import vn.gov.directives.support.AssignmentStatusRecorder;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * Every route of assignment-regulation on the real 2019 calendar (notice 295/TB-UBND, items 4-7): the engine clock
 * is moved and jobs are run by hand, as the job executor would.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-regulation;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
@Import(AssignmentStatusRecorder.class)
class AssignmentRegulationProcessTest {

  static final String OFFICE_TITLE = "Quy chế quản lý và sử dụng hệ thống Văn phòng điện tử, hệ thống Giao ban trực "
      + "tuyến trong cơ quan nhà nước tỉnh Bình Định";
  static final String SECURITY_TITLE = "Quy chế bảo đảm an toàn, an ninh thông tin trong hoạt động ứng dụng công nghệ "
      + "thông tin của cơ quan nhà nước tỉnh Bình Định";

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
    clock(LocalDate.of(2019, 1, 2), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void noticeFollowUp_runsThisProcessForRegulationsAndDirectives() {
    assertThat(NoticeFollowUp.processKey(AssignmentKind.REGULATION)).isEqualTo("assignment-regulation");
    assertThat(NoticeFollowUp.processKey(AssignmentKind.DIRECTIVE)).isEqualTo("assignment-regulation");
  }

  @Test
  void administrativeRegulation_consultedAnsweredSubmittedAndIssuedWithTheQuyCheAsAnnex() throws Exception {
    ProcessInstance regulation = start("4", "regulation", "Tham mưu UBND tỉnh ban hành " + OFFICE_TITLE, List.of());
    Task draft = onlyTask(regulation, "Task_DraftRegulation");
    assertThat(draft.getName()).isEqualTo("Chọn hình thức ban hành và dự thảo văn bản — TB 295/TB-UBND, mục 4");
    assertThat(candidateGroups(draft)).containsExactly("STTTT-chuyen-vien");
    assertThatThrownBy(() -> completeAs("stttt-cv", draft, Map.of("issuingRoute", "administrative",
        "consultedAgenciesText", "SNV, XYZ")))
        .hasMessageContaining("Tên Quy chế").hasMessageContaining("Nội dung dự thảo")
        .hasMessageContaining("Mã cơ quan lấy ý kiến 'XYZ'");
    draft(regulation, "administrative", OFFICE_TITLE, "SNV, STP");
    assertThat(documentService.listForProcessInstance(regulation.getId()))
        .anyMatch(doc -> doc.type().equals("QUYET_DINH") && doc.number() == null);

    List<Task> consultations = tasks(regulation, "Task_ConsultPartner");
    assertThat(consultations).hasSize(2).allSatisfy(task -> {
      assertThat(task.getName()).isEqualTo("Góp ý dự thảo văn bản — TB 295/TB-UBND, mục 4");
      // 7 working days from Wed 02/01/2019, Saturday 05/01 being a make-up working day
      assertThat(task.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 10)));
    });
    // the administrative route has no public comment
    assertThat(tasks(regulation, "Task_RecordPublication")).isEmpty();
    Task stp = taskOf(consultations, "STP-chuyen-vien");
    Task snv = taskOf(consultations, "SNV-chuyen-vien");
    assertThatThrownBy(() -> completeAs("stp-cv", stp, Map.of("partnerOpinion", "comment")))
        .hasMessageContaining("Nội dung góp ý");
    completeAs("stp-cv", stp, Map.of("partnerOpinion", "comment",
        "partnerComments", "Đề nghị bổ sung điều khoản về trách nhiệm của văn thư cơ quan."));
    completeAs("snv-cv", snv, Map.of("partnerOpinion", "agree"));
    // each answer stayed local to its task: no process variable was written by the parallel tasks
    assertThat(runtimeService.getVariable(regulation.getId(), "partnerOpinion")).isNull();

    Task answers = onlyTask(regulation, "Task_AnswerOpinions");
    assertThat((String) runtimeService.getVariable(regulation.getId(), "opinionList"))
        .contains("1. **Sở Nội vụ**: Thống nhất với dự thảo.")
        .contains("2. **Sở Tư pháp**: Đề nghị bổ sung điều khoản về trách nhiệm của văn thư cơ quan.");
    assertThatThrownBy(() -> completeAs("stttt-cv", answers, Map.of("opinionAnswers", "")))
        .hasMessageContaining("Chưa tiếp thu hoặc giải trình ý kiến số 2");
    assertThatThrownBy(() -> completeAs("stttt-cv", answers, Map.of("opinionAnswers", "2 | đồng ý | x")))
        .hasMessageContaining("'đồng ý' không hợp lệ");
    completeAs("stttt-cv", answers, Map.of("opinionAnswers",
        "2 | tiếp thu | Đã bổ sung Điều 12 về trách nhiệm của văn thư cơ quan."));

    decideInCommittee(regulation, "approve");
    BpmnAwareTests.assertThat(regulation).isEnded().hasPassed("Task_IssueDocument", "EndEvent_Issued")
        .hasNotPassed("Task_Appraise", "Task_OpenVote", "Task_SendToGazette");
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED);

    List<IssuedDocument> documents = documentService.listForProcessInstance(regulation.getId());
    IssuedDocument decision = numbered(documents, "QUYET_DINH");
    assertThat(decision.number()).matches("\\d{2,}/QĐ-UBND");
    String decisionText = pdfText(documents, "QUYET_DINH");
    assertThat(decisionText).contains("Số: " + decision.number())
        .contains("QUYẾT ĐỊNH Ban hành " + OFFICE_TITLE)
        .contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
        .contains("Xét đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số "
            + historyVariable(regulation, "submissionNumber") + " ngày 02/01/2019")
        .contains("Quyết định này có hiệu lực thi hành kể từ ngày ký.")
        .contains("KT. CHỦ TỊCH").contains("Nguyễn Phi Long")
        // the Quy chế is the annex of the decision
        .contains("QUY CHẾ Quản lý và sử dụng hệ thống Văn phòng điện tử")
        .contains("(Ban hành kèm theo Quyết định số " + decision.number() + " ngày 02/01/2019")
        .contains("Điều 12. Văn thư cơ quan chịu trách nhiệm");
    String submission = pdfText(documents, "TO_TRINH");
    assertThat(submission).contains("TỜ TRÌNH Về việc ban hành " + OFFICE_TITLE)
        .contains("dưới hình thức Quyết định của Chủ tịch Ủy ban nhân dân tỉnh")
        .contains("Đã lấy ý kiến 2 cơ quan: 1 thống nhất, 1 có ý kiến góp ý, 0 không có ý kiến khi hết thời hạn")
        .doesNotContain("Báo cáo thẩm định").contains("Trần Văn Thành");
    String table = pdfText(documents, "BAO_CAO");
    assertThat(table).contains("BÁO CÁO Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với dự thảo " + OFFICE_TITLE)
        .contains("Cơ quan, tổ chức, cá nhân góp ý").contains("Tiếp thu, giải trình")
        .contains("Sở Nội vụ Thống nhất với dự thảo. Không có ý kiến khác.")
        .contains("Tiếp thu: Đã bổ sung Điều 12 về trách nhiệm của văn thư cơ quan.");
    assertThat(numbered(documents, "BAO_CAO").number()).endsWith("/BC-STTTT");
  }

  @Test
  void directive_onlyAdministrative_issuedAsChiThi() throws Exception {
    String title = "Chỉ thị về tăng cường ứng dụng công nghệ thông tin trong quản lý hoạt động kinh doanh lưu trú";
    ProcessInstance directive = start("7", "directive", "Tham mưu UBND tỉnh ban hành " + title, List.of("SVHTT", "SDL"));
    Task draft = onlyTask(directive, "Task_DraftRegulation");
    assertThatThrownBy(() -> completeAs("stttt-cv", draft, draftValues("legal-normative", title, "SVHTT, SDL")))
        .hasMessageContaining("Chỉ thị không phải là văn bản quy phạm pháp luật");
    completeAs("stttt-cv", draft, draftValues("administrative", title, "SVHTT, SDL"));
    List<Task> consultations = tasks(directive, "Task_ConsultPartner");
    assertThat(consultations).extracting(task -> candidateGroups(task).get(0))
        .containsExactlyInAnyOrder("SVHTT-chuyen-vien", "SDL-chuyen-vien");
    Task culture = taskOf(consultations, "SVHTT-chuyen-vien");
    Task tourism = taskOf(consultations, "SDL-chuyen-vien");
    completeAs("svhtt-cv", culture, Map.of("partnerOpinion", "agree",
        "partnerComments", "Sở sẽ phối hợp cập nhật dữ liệu cơ sở lưu trú."));
    completeAs("sdl-cv", tourism, Map.of("partnerOpinion", "agree"));
    completeAs("stttt-cv", onlyTask(directive, "Task_AnswerOpinions"), Map.of());
    decideInCommittee(directive, "approve");

    BpmnAwareTests.assertThat(directive).isEnded().hasPassed("EndEvent_Issued");
    List<IssuedDocument> documents = documentService.listForProcessInstance(directive.getId());
    IssuedDocument issued = numbered(documents, "CHI_THI");
    assertThat(issued.number()).matches("\\d{2,}/CT-UBND");
    assertThat(pdfText(documents, "CHI_THI")).contains("CHỈ THỊ")
        .contains("Về tăng cường ứng dụng công nghệ thông tin trong quản lý hoạt động kinh doanh lưu trú")
        .contains("Số: " + issued.number()).contains("Điều 12. Văn thư cơ quan chịu trách nhiệm")
        .contains("KT. CHỦ TỊCH").contains("Nguyễn Phi Long");
    assertThat(pdfText(documents, "BAO_CAO")).contains("Sở Văn hóa và Thể thao Thống nhất với dự thảo; Sở sẽ phối "
        + "hợp cập nhật dữ liệu cơ sở lưu trú.");
  }

  /**
   * The legal normative route end to end: a partner silent at the deadline (deemed to agree in the table), public
   * comment across Tết 2019, appraisal requiring changes then clearing, the members' vote with one member silent,
   * the Chủ tịch's signature, 01/2019/QĐ-UBND in its own series, and the Công báo task.
   */
  @Test
  void legalNormativeRegulation_silentPartner_publicComment_appraisalTwice_vote_gazette() throws Exception {
    ProcessInstance regulation = start("5", "regulation", "Tham mưu UBND tỉnh ban hành " + SECURITY_TITLE,
        List.of("CAT"));
    draft(regulation, "legal-normative", SECURITY_TITLE, "CAT, SNV");
    assertThat(tasks(regulation, "Task_ConsultPartner")).hasSize(2);
    completeAs("snv-cv", taskOf(tasks(regulation, "Task_ConsultPartner"), "SNV-chuyen-vien"), Map.of(
        "partnerOpinion", "comment", "partnerComments", "Đề nghị quy định rõ người đứng đầu chịu trách nhiệm."));

    Task publication = onlyTask(regulation, "Task_RecordPublication");
    assertThatThrownBy(() -> completeAs("stttt-cv", publication, Map.of("publishedOn", "2019-01-09")))
        .hasMessageContaining("Nơi đăng tải").hasMessageContaining("chưa đến");
    clock(LocalDate.of(2019, 1, 3), LocalTime.of(9, 0));
    completeAs("stttt-cv", publication, Map.of("publicationPlace", "Cổng thông tin điện tử tỉnh Bình Định",
        "publishedOn", "2019-01-03"));
    // 30 days from 03/01/2019 end on Saturday 02/02, the first day of Tết: the period ends Monday 11/02/2019
    assertThat(runtimeService.getVariable(regulation.getId(), "publicCommentClosesAtText")).isEqualTo("11/02/2019");

    // Công an tỉnh stays silent: at the end of 10/01/2019 the consultation closes
    clock(LocalDate.of(2019, 1, 11), LocalTime.of(7, 45));
    runDueJobs();
    assertThat(tasks(regulation, "Task_ConsultPartner")).isEmpty();
    assertThat(tasks(regulation, "Task_AnswerOpinions")).as("public comment still open").isEmpty();
    clock(LocalDate.of(2019, 2, 12), LocalTime.of(7, 45));
    runDueJobs();
    Task comments = onlyTask(regulation, "Task_RecordPublicComments");
    assertThatThrownBy(() -> completeAs("stttt-cv", comments, Map.of("publicCommentsText", "chỉ một cột")))
        .hasMessageContaining("Dòng 1");
    completeAs("stttt-cv", comments, Map.of("publicCommentsText",
        "Công ty TNHH Phần mềm Quy Nhơn | Đề nghị bổ sung yêu cầu sao lưu dữ liệu định kỳ."));

    Task answers = onlyTask(regulation, "Task_AnswerOpinions");
    String list = (String) runtimeService.getVariable(regulation.getId(), "opinionList");
    assertThat(list).contains("1. **Công an tỉnh Bình Định**: Không có ý kiến khi hết thời hạn góp ý \\(10/01/2019\\); "
        + "được coi là thống nhất với dự thảo.").contains("2. **Sở Nội vụ**")
        .contains("3. **Công ty TNHH Phần mềm Quy Nhơn**");
    completeAs("stttt-cv", answers, Map.of("opinionAnswers",
        "2 | tiếp thu | Đã bổ sung khoản 2 Điều 4.\n3 | giải trình | Việc sao lưu đã quy định tại Điều 9."));

    Task appraisal = onlyTask(regulation, "Task_Appraise");
    assertThat(candidateGroups(appraisal)).containsExactly("STP-chuyen-vien");
    // 10 working days from Tue 12/02/2019
    assertThat(appraisal.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 2, 26)));
    Map<String, Object> changes = appraisal("changes");
    changes.remove("appraisalRequiredChanges");
    assertThatThrownBy(() -> completeAs("stp-cv", appraisal, changes)).hasMessageContaining("Nội dung cần chỉnh lý");
    Map<String, Object> firstReport = appraisal("changes");
    completeAs("stp-cv", appraisal, firstReport);
    // back to revision, the earlier answers still in the form
    Task revision = onlyTask(regulation, "Task_AnswerOpinions");
    assertThat(runtimeService.getVariable(regulation.getId(), "opinionAnswers")).asString().contains("2 | tiếp thu");
    completeAs("stttt-cv", revision, Map.of("regulationContent", content()
        + "\nĐiều 15. Điều khoản chuyển tiếp: hệ thống đang vận hành được rà soát trong 6 tháng."));
    completeAs("stp-cv", onlyTask(regulation, "Task_Appraise"), appraisal("cleared"));

    clock(LocalDate.of(2019, 2, 27), LocalTime.of(9, 0));
    decideInCommittee(regulation, "approve");

    List<Task> ballots = tasks(regulation, "Task_MemberVote");
    assertThat(ballots).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("ubnd-ld", "snv-ld", "stp-ld", "skhdt-ld", "stc-ld");
    // 3 working days from Wed 27/02/2019
    assertThat(ballots.get(0).getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 3, 4)));
    assertThatThrownBy(() -> completeAs("stc-ld", ballot(ballots, "stc-ld"), Map.of("memberVote", "disagree")))
        .hasMessageContaining("Ý kiến của thành viên");
    completeAs("ubnd-ld", ballot(ballots, "ubnd-ld"), Map.of("memberVote", "agree"));
    completeAs("snv-ld", ballot(ballots, "snv-ld"), Map.of("memberVote", "agree"));
    completeAs("stp-ld", ballot(ballots, "stp-ld"), Map.of("memberVote", "other",
        "memberOpinion", "Đề nghị rà soát lại Điều 15 trước khi ký."));
    completeAs("stc-ld", ballot(ballots, "stc-ld"), Map.of("memberVote", "disagree",
        "memberOpinion", "Chưa bố trí được kinh phí."));
    // skhdt-ld does not answer: the vote closes at the end of Mon 04/03/2019
    clock(LocalDate.of(2019, 3, 5), LocalTime.of(7, 45));
    runDueJobs();
    assertThat(runtimeService.getVariable(regulation.getId(), "voteSummary")).isEqualTo(
        "3/5 thành viên đồng ý (trong đó 1 thành viên không gửi phiếu, được coi là đồng ý); 1 không đồng ý; "
            + "1 ý kiến khác");

    Task signing = onlyTask(regulation, "Task_SignDecision");
    assertThat(candidateGroups(signing)).containsExactly("UBND-lanh-dao");
    clock(LocalDate.of(2019, 3, 5), LocalTime.of(10, 0));
    completeAs("ubnd-ld", signing, Map.of());
    Task gazette = onlyTask(regulation, "Task_SendToGazette");
    assertThat(candidateGroups(gazette)).containsExactly("VPUBND-van-thu");
    // within 3 working days of signing (Tue 05/03/2019)
    assertThat(gazette.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 3, 8)));
    assertThatThrownBy(() -> completeAs("vpubnd-vt", gazette, Map.of("gazetteSentOn", "2019-03-04")))
        .hasMessageContaining("phải từ ngày ký 05/03/2019");
    completeAs("vpubnd-vt", gazette, Map.of("gazetteSentOn", "2019-03-05"));

    BpmnAwareTests.assertThat(regulation).isEnded()
        .hasPassed("Task_CountVotes", "Task_IssueLegalDecision", "EndEvent_LegalIssued")
        .hasNotPassed("Task_IssueDocument");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(regulation.getId())
        .activityId("Task_Appraise").count()).isEqualTo(2);
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED);

    List<IssuedDocument> documents = documentService.listForProcessInstance(regulation.getId());
    IssuedDocument decision = numbered(documents, "QUYET_DINH");
    assertThat(decision.number()).matches("\\d{2}/2019/QĐ-UBND");
    String decisionText = pdfText(documents, "QUYET_DINH");
    assertThat(decisionText).contains("Số: " + decision.number())
        .contains("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH Căn cứ Luật Tổ chức chính quyền địa phương")
        .contains("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015")
        .contains("Báo cáo thẩm định số " + historyVariable(regulation, "appraisalNumber"))
        .contains("có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2019")
        .contains("TM. ỦY BAN NHÂN DÂN").contains("CHỦ TỊCH").contains("Hồ Quốc Dũng")
        .contains("QUY CHẾ Bảo đảm an toàn, an ninh thông tin")
        .contains("(Ban hành kèm theo Quyết định số " + decision.number() + " ngày 05/03/2019")
        .contains("Điều 15. Điều khoản chuyển tiếp");
    List<IssuedDocument> reports = documents.stream().filter(doc -> doc.type().equals("BAO_CAO")).toList();
    // two tables of opinions (before each appraisal), two appraisal reports, the vote report
    assertThat(reports).extracting(IssuedDocument::number).filteredOn(number -> number.endsWith("/BC-STP")).hasSize(2);
    assertThat(reports).extracting(IssuedDocument::number).filteredOn(number -> number.endsWith("/BC-STTTT")).hasSize(2);
    assertThat(reports).extracting(IssuedDocument::number).filteredOn(number -> number.endsWith("/BC-VP")).hasSize(1);
    String table = text(reports.stream().filter(doc -> doc.number().endsWith("/BC-STTTT")).reduce((a, b) -> b)
        .orElseThrow());
    assertThat(table).contains("Công an tỉnh Bình Định Không có ý kiến khi hết thời hạn góp ý (10/01/2019); được coi "
            + "là thống nhất với dự thảo.")
        .contains("Giải trình: Việc sao lưu đã quy định tại Điều 9.")
        .contains("Đã lấy ý kiến 2 cơ quan: 0 thống nhất, 1 có ý kiến góp ý, 1 không có ý kiến khi hết thời hạn "
            + "(được coi là thống nhất); 1 ý kiến của tổ chức, cá nhân.");
    String firstAppraisal = text(reports.stream().filter(doc -> doc.number().endsWith("/BC-STP")).findFirst()
        .orElseThrow());
    assertThat(firstAppraisal).contains("BÁO CÁO Thẩm định dự thảo Quyết định ban hành " + SECURITY_TITLE)
        .contains("Kính gửi: Sở Thông tin và Truyền thông.")
        .contains("Dự thảo cần được chỉnh lý, hoàn thiện trước khi trình Ủy ban nhân dân tỉnh.")
        .contains("Bổ sung điều khoản chuyển tiếp.").contains("Trương Văn Phong");
    String vote = text(reports.stream().filter(doc -> doc.number().endsWith("/BC-VP")).findFirst().orElseThrow());
    assertThat(vote).contains("Kết quả lấy ý kiến thành viên Ủy ban nhân dân tỉnh")
        .contains("Đoàn Thị Bích Trinh Giám đốc Sở Kế hoạch và Đầu tư Không gửi phiếu trong thời hạn, được coi là "
            + "đồng ý")
        .contains("Lương Quốc Phúc Giám đốc Sở Tài chính Không đồng ý Chưa bố trí được kinh phí.")
        .contains("Dự thảo được quá nửa tổng số thành viên");
    String submission = pdfText(documents, "TO_TRINH");
    // the PDF breaks long lines after a hyphen ("03/BC- STP")
    assertThat(submission.replace("- ", "-"))
        .contains("dưới hình thức Quyết định quy phạm pháp luật của Ủy ban nhân dân tỉnh")
        .contains("Dự thảo đã được đăng tải tại Cổng thông tin điện tử tỉnh Bình Định từ ngày 03/01/2019 đến ngày "
            + "11/02/2019")
        .contains("Dự thảo đã được Sở Tư pháp thẩm định tại Báo cáo thẩm định số "
            + historyVariable(regulation, "appraisalNumber"));
  }

  @Test
  void voteWithoutMajority_backToRevision() {
    ProcessInstance regulation = start("6", "regulation", "Tham mưu UBND tỉnh ban hành Quy chế chữ ký số",
        List.of());
    draft(regulation, "legal-normative", "Quy chế quản lý, sử dụng chứng thư số và chữ ký số", "");
    completeAs("stttt-cv", onlyTask(regulation, "Task_RecordPublication"), Map.of(
        "publicationPlace", "Cổng thông tin điện tử tỉnh Bình Định", "publishedOn", "2019-01-02"));
    clock(LocalDate.of(2019, 2, 12), LocalTime.of(7, 45));
    runDueJobs();
    completeAs("stttt-cv", onlyTask(regulation, "Task_RecordPublicComments"), Map.of());
    completeAs("stttt-cv", onlyTask(regulation, "Task_AnswerOpinions"), Map.of());
    completeAs("stp-cv", onlyTask(regulation, "Task_Appraise"), appraisal("cleared"));
    decideInCommittee(regulation, "approve");
    List<Task> ballots = tasks(regulation, "Task_MemberVote");
    completeAs("ubnd-ld", ballot(ballots, "ubnd-ld"), Map.of("memberVote", "agree"));
    completeAs("snv-ld", ballot(ballots, "snv-ld"), Map.of("memberVote", "agree"));
    for (String member : List.of("stp-ld", "skhdt-ld", "stc-ld")) {
      completeAs(member, ballot(ballots, member), Map.of("memberVote", "disagree",
          "memberOpinion", "Cần làm rõ trách nhiệm cấp chứng thư số."));
    }
    // two of five is not more than half: the draft goes back to the lead
    onlyTask(regulation, "Task_AnswerOpinions");
    assertThat(runtimeService.getVariable(regulation.getId(), "voteAdopted")).isEqualTo(false);
    assertThat(documentService.listForProcessInstance(regulation.getId()))
        .noneMatch(doc -> doc.type().equals("QUYET_DINH") && doc.number() != null);
  }

  @Test
  void committeeRejects_leadAgencyToldWhyAndNothingIssued() {
    ProcessInstance regulation = start("5", "regulation", "Tham mưu UBND tỉnh ban hành " + SECURITY_TITLE, List.of());
    draft(regulation, "administrative", SECURITY_TITLE, "");
    completeAs("stttt-cv", onlyTask(regulation, "Task_AnswerOpinions"), Map.of());
    // a rejection without the leader's reasons is refused and the task stays open
    assertThatThrownBy(() -> decideInCommittee(regulation, "reject", Map.of()))
        .hasMessageContaining("Ý kiến của lãnh đạo");
    decideLeader(regulation, "reject",
        Map.of("leaderComments", "Chưa phù hợp với quy định hiện hành về an toàn thông tin."));

    BpmnAwareTests.assertThat(regulation).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_Rejected")
        .hasNotPassed("Task_IssueDocument", "Task_OpenVote");
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.REJECTED);
    // the leader's reasons come back to the dossier, for the lead agency's notification (no mail server here)
    assertThat(historyVariable(regulation, "leaderComments"))
        .isEqualTo("Chưa phù hợp với quy định hiện hành về an toàn thông tin.");
    assertThat(documentService.listForProcessInstance(regulation.getId()))
        .noneMatch(doc -> doc.type().equals("QUYET_DINH") && doc.number() != null);
  }

  @Test
  void committeeReturns_draftGoesBackToTheLeadWithTheLeadersCommentsThenIssued() {
    ProcessInstance regulation = start("5", "regulation", "Tham mưu UBND tỉnh ban hành " + SECURITY_TITLE, List.of());
    draft(regulation, "administrative", SECURITY_TITLE, "");
    completeAs("stttt-cv", onlyTask(regulation, "Task_AnswerOpinions"), Map.of());
    decideInCommittee(regulation, "return", Map.of("leaderComments", "Bổ sung quy định về sao lưu dữ liệu."));

    // back to the lead agency's revision, with the leader's words kept for the drafter
    onlyTask(regulation, "Task_AnswerOpinions");
    assertThat((String) runtimeService.getVariable(regulation.getId(), "returnComments"))
        .contains("Bổ sung quy định về sao lưu dữ liệu.");
    assertThat(documentService.listForProcessInstance(regulation.getId()))
        .noneMatch(doc -> doc.type().equals("QUYET_DINH") && doc.number() != null);

    completeAs("stttt-cv", onlyTask(regulation, "Task_AnswerOpinions"), Map.of());
    decideInCommittee(regulation, "approve");
    BpmnAwareTests.assertThat(regulation).isEnded().hasPassed("Task_IssueDocument", "EndEvent_Issued");
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED);
    // the second submission has a Tờ trình of its own
    assertThat(documentService.listForProcessInstance(regulation.getId()))
        .filteredOn(doc -> doc.type().equals("TO_TRINH") && doc.number() != null).hasSize(2);
  }

  @Test
  void legalNormativeDecisions_haveTheirOwnNumberSeries() {
    ProcessInstance dossier = start("4", "regulation", "Tham mưu UBND tỉnh ban hành " + OFFICE_TITLE, List.of());
    Map<String, Object> values = new HashMap<>(Map.of("noticeNumber", "295/TB-UBND", "leadAgencyName",
        "Sở Thông tin và Truyền thông", "regulationTitle", OFFICE_TITLE, "regulationContent", "Điều 1. Phạm vi."));
    LocalDate day = LocalDate.of(2019, 3, 1);
    IssuedDocument administrative = documentService.issue(new DocumentRequest(dossier.getId(),
        "quyet-dinh-ban-hanh-quy-che", "BDT", true, day, values));
    IssuedDocument legal = documentService.issue(new DocumentRequest(dossier.getId(),
        "quyet-dinh-ban-hanh-quy-che-qppl", "BDT", true, day, values));
    IssuedDocument legalAgain = documentService.issue(new DocumentRequest(dossier.getId(),
        "quyet-dinh-ban-hanh-quy-che-qppl", "BDT", true, day, values));
    assertThat(administrative.number()).isEqualTo("01/QĐ-BDT");
    assertThat(legal.number()).isEqualTo("01/2019/QĐ-BDT");
    assertThat(legalAgain.number()).isEqualTo("02/2019/QĐ-BDT");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static String content() {
    return "Chương I. QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh và đối tượng áp dụng.\n"
        + "Điều 12. Văn thư cơ quan chịu trách nhiệm cập nhật văn bản lên hệ thống.";
  }

  private static Map<String, Object> draftValues(String route, String title, String consulted) {
    Map<String, Object> values = new HashMap<>();
    values.put("issuingRoute", route);
    values.put("regulationTitle", title);
    values.put("regulationContent", content());
    values.put("draftExplanation", "Thực hiện Thông báo số 295/TB-UBND, cần thống nhất quy định trong toàn tỉnh.");
    values.put("consultedAgenciesText", consulted);
    return values;
  }

  private void draft(ProcessInstance instance, String route, String title, String consulted) {
    completeAs("stttt-cv", onlyTask(instance, "Task_DraftRegulation"), draftValues(route, title, consulted));
  }

  private static Map<String, Object> appraisal(String conclusion) {
    Map<String, Object> values = new HashMap<>();
    values.put("appraisalScope", "Phạm vi điều chỉnh và đối tượng áp dụng phù hợp.");
    values.put("appraisalLegality", "Dự thảo phù hợp với Luật An toàn thông tin mạng 2015.");
    values.put("appraisalDrafting", "Cơ bản đúng thể thức, kỹ thuật trình bày.");
    values.put("appraisalConclusion", conclusion);
    if (conclusion.equals("changes")) {
      values.put("appraisalRequiredChanges", "Bổ sung điều khoản chuyển tiếp.");
    }
    return values;
  }

  private void decideInCommittee(ProcessInstance instance, String decision) {
    decideInCommittee(instance, decision, Map.of());
  }

  /** Văn phòng UBND finds the dossier complete, then the leader decides with the given extra values. */
  private void decideInCommittee(ProcessInstance instance, String decision, Map<String, Object> leaderValues) {
    ProcessInstance review = review(instance);
    completeAs("vpubnd-cv", ProcessTestSupport.onlyTask(taskService, review.getId(), "Task_ReviewDossier"),
        Map.of("officeDecision", "complete", "reviewOpinion", "Hồ sơ đầy đủ, đúng quy định.",
            "reviewProposal", "Đề nghị lãnh đạo UBND tỉnh xem xét."));
    decideLeader(instance, decision, leaderValues);
  }

  private void decideLeader(ProcessInstance instance, String decision, Map<String, Object> leaderValues) {
    Map<String, Object> values = new HashMap<>(leaderValues);
    values.put("leaderDecision", decision);
    completeAs("ubnd-ld", ProcessTestSupport.onlyTask(taskService, review(instance).getId(), "Task_DecideSubmission"),
        values);
  }

  private ProcessInstance review(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
  }

  private ProcessInstance start(String code, String kind, String title, List<String> partners) {
    Map<String, Object> variables =
        ProcessTestSupport.assignmentVariables("lead-" + code + "-" + System.nanoTime(), code, null);
    variables.put("noticeId", "notice-295");
    variables.put("assignmentKind", kind);
    variables.put("assignmentTitle", title);
    variables.put("leadAgency", "STTTT");
    variables.put("partners", new ArrayList<>(partners));
    variables.put("urgent", Boolean.TRUE);
    return runtimeService.startProcessInstanceByKey("assignment-regulation", variables);
  }

  private Task ballot(List<Task> ballots, String userId) {
    return ballots.stream().filter(task -> userId.equals(task.getAssignee())).findFirst().orElseThrow();
  }

  private Task taskOf(List<Task> tasks, String group) {
    return tasks.stream().filter(task -> candidateGroups(task).contains(group)).findFirst().orElseThrow();
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  private static IssuedDocument numbered(List<IssuedDocument> documents, String type) {
    return documents.stream().filter(doc -> doc.type().equals(type) && doc.number() != null).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no numbered " + type + " among " + documents));
  }

  private String text(IssuedDocument document) throws java.io.IOException {
    return ProcessTestSupport.pdfText(documentService, List.of(document), document.type());
  }

  private String pdfText(List<IssuedDocument> documents, String type) throws java.io.IOException {
    return ProcessTestSupport.pdfText(documentService,
        documents.stream().filter(doc -> doc.number() != null).toList(), type);
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identityService, taskService, userId, task, variables);
  }

  private Task onlyTask(ProcessInstance instance, String key) {
    Task task = ProcessTestSupport.onlyTask(taskService, instance.getId(), key);
    assertThat(task).as("open task " + key).isNotNull();
    return task;
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
