package vn.gov.directives.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdentityTest {

  @Test
  void theConfiguredNameIsUsedTrimmed() {
    assertThat(NodeIdentity.of("  node-a ").id()).isEqualTo("node-a");
  }

  @Test
  void withoutConfigurationTwoProcessesOnOneMachineStillDiffer() {
    String id = NodeIdentity.of("").id();
    assertThat(id).endsWith("-" + ProcessHandle.current().pid());
    assertThat(NodeIdentity.of(null).id()).isEqualTo(id);
  }

  @Test
  void aNameLongerThanTheLogColumnIsRefusedWithItsLength() {
    assertThatThrownBy(() -> NodeIdentity.of("n".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100 characters, got 101");
  }
}
