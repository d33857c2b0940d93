package vn.gov.directives.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The decision is published through Camunda Connect's http-connector to a real HTTP server (WireMock) playing the
 * provincial portal; a portal error fails the publishing job (retried, then an incident), never the decision.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:publication;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class PortalPublicationTest {

  static final WireMockServer portal = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    portal.start();
  }

  @DynamicPropertySource
  static void portalUrl(DynamicPropertyRegistry registry) {
    registry.add("app.portal.publish-url", () -> portal.baseUrl() + "/api/van-ban/dang-tai");
  }

  @AfterAll
  static void stop() {
    portal.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    portal.resetAll();
  }

  @Test
  void approvedDecisionIsPostedToThePortalWithNumberDateTitleAndLinks() throws Exception {
    portal.stubFor(post(urlEqualTo("/api/van-ban/dang-tai")).willReturn(aResponse().withStatus(201).withBody("{\"ok\":true}")));
    ProcessInstance plan = startAtDecision();

    Job publish = managementService.createJobQuery().processInstanceId(plan.getId()).activityId("Task_PublishDecision")
        .singleResult();
    managementService.executeJob(publish.getId());

    BpmnAwareTests.assertThat(plan).isEnded().hasPassed("Task_PublishDecision", "EndEvent_PlanPublished");
    portal.verify(1, postRequestedFor(urlEqualTo("/api/van-ban/dang-tai"))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(matchingJsonPath("$.number", equalTo("07/QĐ-UBND")))
        .withRequestBody(matchingJsonPath("$.date", equalTo("2019-01-24"))));
    JsonNode body = new ObjectMapper().readTree(portal.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(body.get("title").asText()).contains("Kế hoạch");
    assertThat(body.get("links")).hasSize(2);
    assertThat(body.get("links").get(0).get("url").asText()).matches("http://.+/api/documents/[0-9a-f-]{36}/pdf");
  }

  @Test
  void portalErrorFailsThePublishingJobAndKeepsTheDecision() {
    portal.stubFor(post(urlEqualTo("/api/van-ban/dang-tai")).willReturn(aResponse().withStatus(503).withBody("bảo trì")));
    ProcessInstance plan = startAtDecision();
    Job publish = managementService.createJobQuery().processInstanceId(plan.getId()).activityId("Task_PublishDecision")
        .singleResult();
    int retriesBefore = publish.getRetries();
    try {
      managementService.executeJob(publish.getId());
    } catch (RuntimeException expected) {
      assertThat(expected.getMessage()).contains("HTTP 503");
    }
    Job failed = managementService.createJobQuery().jobId(publish.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(retriesBefore - 1);
    assertThat(failed.getDuedate()).as("retried later, not at once").isNotNull();
    assertThat(failed.getExceptionMessage()).contains("HTTP 503");
    BpmnAwareTests.assertThat(plan).isNotEnded();
    assertThat(runtimeService.getVariable(plan.getId(), "decisionNumber")).isEqualTo("07/QĐ-UBND");
  }

  /** A plan whose decision 07/QĐ-UBND of 24/01/2019 has been issued, waiting to be published. */
  private ProcessInstance startAtDecision() {
    return runtimeService.createProcessInstanceByKey("plan-approval")
        .startBeforeActivity("Gateway_PortalConfigured")
        .setVariables(Map.of(
            "leadAgency", "STTTT",
            "decisionNumber", "07/QĐ-UBND",
            "decisionDate", "2019-01-24",
            "decisionTitle", "Quyết định về việc phê duyệt Kế hoạch ứng dụng CNTT năm 2019",
            "decisionDocumentId", "3f0e2a52-7f5c-4b8e-9d0a-1c2b3d4e5f60",
            "planDeadline", "2019-01-25"))
        .execute();
  }
}
