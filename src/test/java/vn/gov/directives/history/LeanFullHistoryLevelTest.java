package vn.gov.directives.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

/** What the product's history level writes, decided per event type without an engine. */
class LeanFullHistoryLevelTest {

  private final LeanFullHistoryLevel level = new LeanFullHistoryLevel();

  @Test
  void dropsOnlyVariableUpdateDetailsAndTheJobLogOfCreationAndDeletion() {
    assertThat(Arrays.stream(HistoryEventTypes.values()).filter(type -> !level.isHistoryEventProduced(type, null)))
        .containsExactlyInAnyOrder(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_DELETE);
  }

  @Test
  void keepsWhatManagersAndOperatorsRead() {
    for (HistoryEventTypes kept : new HistoryEventTypes[] {HistoryEventTypes.USER_OPERATION_LOG,
        HistoryEventTypes.TASK_INSTANCE_UPDATE, HistoryEventTypes.IDENTITY_LINK_ADD,
        HistoryEventTypes.IDENTITY_LINK_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
        HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.DMN_DECISION_EVALUATE,
        HistoryEventTypes.JOB_FAIL, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.PROCESS_INSTANCE_END,
        HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.FORM_PROPERTY_UPDATE}) {
      assertThat(level.isHistoryEventProduced(kept, null)).as("%s kept", kept).isTrue();
    }
  }

  @Test
  void hasANameAndIdOfItsOwnBesideCamundasLevels() {
    for (HistoryLevel camunda : new HistoryLevel[] {HistoryLevel.HISTORY_LEVEL_NONE,
        HistoryLevel.HISTORY_LEVEL_ACTIVITY, HistoryLevel.HISTORY_LEVEL_AUDIT, HistoryLevel.HISTORY_LEVEL_FULL}) {
      assertThat(level.getId()).isNotEqualTo(camunda.getId());
      assertThat(level.getName()).isNotEqualTo(camunda.getName());
    }
    assertThat(level.getName()).isEqualTo("full-lean");
  }
}
