package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.junit.jupiter.api.Test;

class ReminderRetryPolicyTest {

  private static final Instant NOW = Instant.parse("2019-01-29T00:30:00Z");
  private final ReminderRetryPolicy policy = ReminderRetryPolicy.of(ReminderRetryPolicy.DEFAULT_INTERVALS);

  @Test
  void aFreshJobWaitsEachIntervalInTurnAndHasAnIncidentWhenTheLastRetryFails() {
    List<Duration> waits = new ArrayList<>();
    int retries = 3; // what Camunda gives a new job
    boolean first = true;
    Instant now = NOW;
    int attempts = 0;
    while (true) {
      attempts++;
      ReminderRetryPolicy.Decision decision = policy.afterFailure(retries, first, now);
      first = false;
      retries = decision.retries();
      if (retries == 0) {
        assertThat(decision.nextAttempt()).isEqualTo(now); // a Cockpit retry runs at once
        break;
      }
      waits.add(Duration.between(now, decision.nextAttempt()));
      now = decision.nextAttempt();
    }
    assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(4));
    assertThat(attempts).isEqualTo(6).isEqualTo(policy.attempts());
  }

  @Test
  void aJobRetriedOnceInCockpitGetsOneAttemptThenItsIncidentAgain() {
    ReminderRetryPolicy.Decision decision = policy.afterFailure(1, false, NOW);

    assertThat(decision.retries()).isZero();
    assertThat(decision.nextAttempt()).isEqualTo(NOW);
  }

  @Test
  void aJobGivenMoreRetriesThanThePolicyWaitsTheFirstInterval() {
    assertThat(policy.afterFailure(10, false, NOW))
        .isEqualTo(new ReminderRetryPolicy.Decision(9, NOW.plus(Duration.ofMinutes(1))));
    // given 3 in Cockpit: the two last intervals
    assertThat(policy.afterFailure(3, false, NOW))
        .isEqualTo(new ReminderRetryPolicy.Decision(2, NOW.plus(Duration.ofHours(1))));
  }

  @Test
  void aReminderStillClaimedWaitsForTheClaimToExpireWithoutUsingARetry() {
    Instant expires = NOW.plusSeconds(12);

    assertThat(policy.whileInProgress(3, true, NOW, expires))
        .isEqualTo(new ReminderRetryPolicy.Decision(6, expires));
    assertThat(policy.whileInProgress(2, false, NOW, expires))
        .isEqualTo(new ReminderRetryPolicy.Decision(2, expires));
    // an expiry already behind (clock of another node): at once
    assertThat(policy.whileInProgress(2, false, NOW, NOW.minusSeconds(1)).nextAttempt()).isEqualTo(NOW);
    // and a Cockpit retry (1) that meets a live claim keeps its attempt instead of ending in an incident
    assertThat(policy.whileInProgress(1, false, NOW, expires).retries()).isEqualTo(1);
  }

  @Test
  void aConflictBetweenNodesIsNotCounted() {
    assertThat(policy.afterConflict(2, false, NOW)).isEqualTo(new ReminderRetryPolicy.Decision(2, NOW));
  }

  @Test
  void badIntervalsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ReminderRetryPolicy.of(List.of("PT1M", "5 phút")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app.reminders.retry-intervals")
        .hasMessageContaining("\"5 phút\"")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> ReminderRetryPolicy.of(List.of("PT0S")))
        .hasMessageContaining("\"PT0S\"").hasMessageContaining("lớn hơn 0");
    assertThatThrownBy(() -> ReminderRetryPolicy.of(List.of("-PT1M")))
        .hasMessageContaining("\"-PT1M\"");
    assertThatThrownBy(() -> ReminderRetryPolicy.of(List.of()))
        .hasMessageContaining("ít nhất một");
    assertThat(ReminderRetryPolicy.of(List.of(" PT1S", "PT2S ")).intervals())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  /**
   * Camunda's own cycle for async continuations (failedJobRetryTimeCycle in application.yaml) given as a list: its
   * retries are intervals + 1, so DefaultJobRetryCmd's index max(0, min(n - 1, n - (retries - 1))) walks the list
   * from the first interval — the same meaning as the reminders' list.
   */
  @Test
  void camundasListOfIntervalsMeansTheSameAsOurs() {
    FailedJobRetryConfiguration camunda = ParseUtil.parseRetryIntervals("PT1M,PT5M,PT15M,PT1H,PT4H");
    int n = camunda.getRetryIntervals().size();
    List<String> waits = new ArrayList<>();
    for (int retries = camunda.getRetries(); retries > 1; retries--) {
      waits.add(camunda.getRetryIntervals().get(Math.max(0, Math.min(n - 1, n - (retries - 1)))));
    }
    assertThat(camunda.getRetries()).isEqualTo(policy.attempts());
    assertThat(waits).containsExactly("PT1M", "PT5M", "PT15M", "PT1H", "PT4H");
  }
}
