package vn.gov.directives.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda Tasklist itself in Debian's headless chromium: the Sở TT&TT specialist logs in, opens the drafting task,
 * fills the Camunda Form in Vietnamese and completes it; the director then sees the approval task. The Tasklist chrome
 * itself speaks Vietnamese (our locales/vi.json and scripts/config.js override the webjar's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class TasklistBrowserIT {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  /** Markup a user types into a title: Tasklist must show it as text, never render or run it. */
  private static final String HOSTILE_TITLE = "<b>đậm</b> <script>x</script>";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Debian's chromium is missing: install it with `apt-get install -y chromium chromium-driver` (.ci/run does)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1300",
        // an English browser, as on many office PCs: Tasklist must still speak Vietnamese
        "--lang=en-US", "--accept-lang=en-US,en");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void specialistCompletesDraftingFormInVietnamese_directorSeesApprovalTask() throws Exception {
    ProcessInstance plan = runtimeService.createProcessInstanceByKey("plan-approval")
        .businessKey("KH-UDCNTT-2019")
        .startBeforeActivity("Task_DraftPlan")
        .setVariables(Map.of(
            "leadAgency", "STTTT",
            "planTitle", "Kế hoạch ứng dụng công nghệ thông tin năm 2019",
            "planYear", 2019,
            "planDeadline", "2030-01-25",
            "planDeadlineText", "25/01/2030",
            "legalBases", "Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006",
            "surveySummaryText", "2/3 cơ quan, đơn vị đã gửi báo cáo thực trạng.",
            "documentLinks", "_Chưa có tài liệu._",
            "returnComments", ""))
        .execute();
    Task drafting = taskService.createTaskQuery().processInstanceId(plan.getId()).singleResult();

    login("stttt-cv");
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + drafting.getId());
    // like a person: claim the unit's task, then fill the form
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    assertThat(claim.getText()).isEqualTo("Nhận việc");
    screenshot("drafting-task-to-claim");
    claim.click();
    wait.until(driver -> taskService.createTaskQuery().taskAssignee("stttt-cv").taskId(drafting.getId()).count() == 1);
    // Tasklist renders the form again once the task is claimed: wait for that before typing
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    Thread.sleep(1500);
    WebElement objectives = field("Mục tiêu", "textarea");
    objectives.sendKeys("Nâng cao hiệu quả ứng dụng CNTT, xây dựng Chính quyền điện tử tỉnh Bình Định.");
    field("Nhiệm vụ, giải pháp", "textarea").sendKeys("Hoàn thiện hạ tầng; phát triển dịch vụ công trực tuyến mức độ 3, 4.");
    field("Dự toán kinh phí (đồng)", "input").sendKeys("12500000000");
    field("Tiến độ thực hiện", "textarea").sendKeys("Quý I/2019 triển khai; Quý IV/2019 sơ kết.", org.openqa.selenium.Keys.TAB);
    screenshot("drafting-form");
    WebElement complete = wait.until(driver -> driver.findElements(By.cssSelector("button[ng-click='complete()']"))
        .stream().filter(button -> button.isDisplayed() && button.isEnabled()).findFirst().orElse(null));
    assertThat(complete.getText()).isEqualTo("Hoàn thành");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
    wait.until(driver -> taskService.createTaskQuery().taskId(drafting.getId()).count() == 0);

    assertThat(runtimeService.getVariable(plan.getId(), "planObjectives"))
        .isEqualTo("Nâng cao hiệu quả ứng dụng CNTT, xây dựng Chính quyền điện tử tỉnh Bình Định.");
    Task approval = taskService.createTaskQuery().processInstanceId(plan.getId()).singleResult();
    assertThat(approval.getName()).isEqualTo("Phê duyệt dự thảo Kế hoạch");

    logout();
    login("stttt-ld");
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + approval.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Phê duyệt dự thảo Kế hoạch"));
    // user text is shown in a disabled field (its value), never rendered as Markdown/HTML
    wait.until(ExpectedConditions.attributeContains(shownField("Mục tiêu"), "value", "Nâng cao hiệu quả ứng dụng CNTT"));
    // the process name and the link to the generated draft plan, as the director sees them
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Xây dựng Kế hoạch ứng dụng CNTT"));
    assertThat(browser.findElements(By.cssSelector("a[href^='/api/documents/'][href$='/pdf']"))).isNotEmpty();
    screenshot("director-task");
    List<WebElement> radios = browser.findElements(By.cssSelector("input[type=radio]"));
    assertThat(radios).hasSize(2);
  }

  @Test
  void specialistStartsThePlanFromTheStartForm_badAgencyCodeIsRefusedWithAMessage() throws Exception {
    login("stttt-cv");
    // the Tasklist chrome is Vietnamese: header link, filters and the empty task pane
    WebElement startProcess = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".start-process-action a")));
    assertThat(startProcess.getText()).isEqualTo("Khởi tạo quy trình");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Chọn một công việc trong danh sách."));
    screenshot("tasklist-home");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Start process", "Select a task");
    openStartForm();
    // Camunda Forms date fields read day first, whatever the browser's language (scripts/vietnamese-dates.js)
    assertThat(field("Ngày thông báo", "input").getAttribute("value")).isEqualTo("26/12/2018");
    assertThat(field("Hạn trình UBND tỉnh", "input").getAttribute("value")).isEqualTo("25/01/2019");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//label[contains(normalize-space(.), 'Chỉ các cơ quan, đơn vị liệt kê')]"))).click();
    field("Mã các cơ quan, đơn vị được rà soát", "input").sendKeys("SYT, XYZ", org.openqa.selenium.Keys.TAB);
    screenshot("start-form");
    clickModalButton("Khởi tạo");
    // the engine refuses the whole request; Tasklist shows why, nothing is started
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Mã cơ quan không tồn tại trong cấu hình tổ chức: XYZ"));
    screenshot("start-form-refused");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("plan-approval")
        .variableValueEquals("surveyAgencyCodes", "SYT, XYZ").count()).isZero();

    WebElement codes = field("Mã các cơ quan, đơn vị được rà soát", "input");
    codes.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "SYT, QUYNHON",
        org.openqa.selenium.Keys.TAB);
    clickModalButton("Khởi tạo");
    wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey("plan-approval")
        .variableValueEquals("surveyAgencyCodes", "SYT, QUYNHON").count() == 1);
    ProcessInstance plan = runtimeService.createProcessInstanceQuery().processDefinitionKey("plan-approval")
        .variableValueEquals("surveyAgencyCodes", "SYT, QUYNHON").singleResult();
    assertThat(runtimeService.getVariable(plan.getId(), "planTitle")).isEqualTo(
        "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Bình Định năm 2019");
    assertThat(runtimeService.getVariable(plan.getId(), "surveyAgencies")).isEqualTo(List.of("SYT", "QUYNHON"));
    assertThat(taskService.createTaskQuery().processInstanceId(plan.getId()).list())
        .extracting(Task::getName).containsOnly("Báo cáo thực trạng ứng dụng CNTT").hasSize(2);
  }


  @Test
  void officeRegistersANoticeFromTheStartForm_leadSpecialistSeesTheAssignmentTask() throws Exception {
    login("vpubnd-cv");
    openStartForm("Đăng ký thông báo kết luận", "Số thông báo");
    field("Số thông báo", "input").sendKeys("21/TB-UBND");
    field("Ngày thông báo", "input").sendKeys("26/12/2018", Keys.TAB);
    field("Người ký", "input").sendKeys("KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Phi Long");
    field("Trích yếu", "textarea").sendKeys("Kết luận của Phó Chủ tịch UBND tỉnh về ứng dụng công nghệ thông tin");
    screenshot("notice-registration-form-top");
    // form-js's dynamic list renders in Tasklist 7.24 but keeps the start button disabled once a field in it is
    // edited (Tasklist counts form-js's emptied nested error entries): one assignment a line instead
    WebElement assignments = field("Nhiệm vụ được giao", "textarea");
    assignments.sendKeys("1 | general | Rà soát hạ tầng mạng của các cơ quan " + HOSTILE_TITLE + " | STTTT | SNV | 05/01/2019 |", Keys.ENTER,
        "2 | coordination | Phối hợp cải cách hành chính | SNV, XYZ |  |  | khẩn", Keys.TAB);
    screenshot("notice-registration-form");
    clickModalButton("Khởi tạo");
    // refused whole: Tasklist shows the problem in Vietnamese, nothing is registered
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Nhiệm vụ 2: mã cơ quan không tồn tại trong cấu hình tổ chức: XYZ"));
    screenshot("notice-registration-refused");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("21/TB-UBND").count()).isZero();

    assignments = field("Nhiệm vụ được giao", "textarea");
    assignments.sendKeys(Keys.chord(Keys.CONTROL, "a"),
        "1 | general | Rà soát hạ tầng mạng của các cơ quan " + HOSTILE_TITLE + " | STTTT | SNV | 05/01/2019 |", Keys.ENTER,
        "2 | coordination | Phối hợp cải cách hành chính | SNV |  |  | khẩn", Keys.TAB);
    clickModalButton("Khởi tạo");
    wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up")
        .processInstanceBusinessKey("21/TB-UBND").count() == 1);
    ProcessInstance followUp = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-follow-up")
        .processInstanceBusinessKey("21/TB-UBND").singleResult();
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp.getId()).count())
        .isEqualTo(2);
    Task stttt = taskService.createTaskQuery().processInstanceBusinessKey("21/TB-UBND")
        .taskCandidateGroup("STTTT-chuyen-vien").singleResult();
    assertThat(stttt.getName()).isEqualTo("Thực hiện nhiệm vụ và báo cáo kết quả — TB 21/TB-UBND, mục 1");
    // the deadline typed day first (05/01/2019, a make-up Saturday) is the task's due date
    assertThat(stttt.getDueDate()).isEqualTo(
        vn.gov.directives.calendar.VietnamTime.endOfDay(java.time.LocalDate.of(2019, 1, 5)));
    assertThat(runtimeService.getVariable(
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp.getId())
            .processInstanceBusinessKey("21/TB-UBND").list().stream()
            .filter(instance -> "SNV".equals(runtimeService.getVariable(instance.getId(), "leadAgency")))
            .findFirst().orElseThrow().getId(), "urgent")).isEqualTo(true);

    logout();
    login("stttt-cv");
    // the lead agency's specialist opens the task: its name says which notice and assignment it serves
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + stttt.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Thực hiện nhiệm vụ và báo cáo kết quả — TB 21/TB-UBND, mục 1"));
    // the title typed with markup is shown as the characters typed: no bold element, no script
    WebElement title = shownField("Nhiệm vụ");
    wait.until(ExpectedConditions.attributeContains(title, "value", HOSTILE_TITLE));
    assertThat(title.getAttribute("value")).isEqualTo("Rà soát hạ tầng mạng của các cơ quan " + HOSTILE_TITLE);
    assertThat(title.getAttribute("disabled")).isNotNull();
    WebElement form = browser.findElement(By.cssSelector(".fjs-container"));
    assertThat(form.findElements(By.xpath(".//b[contains(., 'đậm')] | .//strong[contains(., 'đậm')]"))).isEmpty();
    assertThat(form.findElements(By.tagName("script"))).isEmpty();
    assertThat(form.getText()).doesNotContain("Rà soát hạ tầng mạng của các cơ quan đậm");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", title);
    screenshot("notice-assignment-task");
  }

  private void openStartForm() {
    openStartForm("Xây dựng Kế hoạch ứng dụng CNTT", "Tên Kế hoạch");
  }

  private void openStartForm(String process, String firstLabel) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//a[contains(normalize-space(.), 'Khởi tạo quy trình')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'modal')]//a[contains(normalize-space(.), '" + process + "')]"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), firstLabel));
  }

  private void clickModalButton(String text) {
    WebElement button = wait.until(driver -> driver.findElements(By.xpath(
            "//div[contains(@class,'modal')]//button[normalize-space()='" + text + "']"))
        .stream().filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
    button.click();
  }

  private void login(String user) {
    browser.get(base() + "/camunda/app/tasklist/default/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input#ahem, input[name='username'], input[ng-model='username']")));
    // the login form speaks Vietnamese before anyone is known
    wait.until(ExpectedConditions.attributeToBe(username, "placeholder", "Tên đăng nhập"));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    WebElement logIn = browser.findElement(By.cssSelector("button[type='submit']"));
    assertThat(logIn.getText()).isEqualTo("Đăng nhập");
    logIn.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  private void logout() {
    browser.manage().deleteAllCookies();
  }

  /** A field that only shows a value (disabled, so never clickable), under its exact Vietnamese label. */
  private WebElement shownField(String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//label[contains(@class,'fjs-form-field-label') and normalize-space(.)='" + label + "']")));
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(labelElement.getAttribute("for"))));
  }

  /** The form field under a Vietnamese label, as a person finds it. */
  private WebElement field(String label, String tag) {
    try {
      // form-js labels carry a "*" for required fields; the label points at its input with "for"
      WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//label[contains(@class,'fjs-form-field-label') and starts-with(normalize-space(.), '" + label + "')]")));
      return wait.until(ExpectedConditions.elementToBeClickable(By.id(labelElement.getAttribute("for"))));
    } catch (org.openqa.selenium.TimeoutException e) {
      try {
        screenshot("missing-field");
        Files.writeString(Path.of("target", "screenshots", "missing-field.html"), browser.getPageSource());
      } catch (Exception ignored) {
        // the timeout is the failure worth reporting
      }
      throw e;
    }
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
