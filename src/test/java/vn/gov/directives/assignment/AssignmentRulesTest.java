package vn.gov.directives.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The assignment logic without the engine: task names, status names (the no-deadline reminder days: ReminderScheduleTest). */
class AssignmentRulesTest {

  @Test
  void taskNameGetsTheSuffixOnce() {
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", " — TB 295/TB-UBND, mục 3"))
        .isEqualTo("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3", " — TB 295/TB-UBND, mục 3"))
        .isEqualTo("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", null)).isEqualTo("Thực hiện nhiệm vụ");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", "  ")).isEqualTo("Thực hiện nhiệm vụ");
  }

  @Test
  void statusNamesAreChecked() {
    assertThat(AssignmentStatusPublisher.parse("completed")).isEqualTo(AssignmentStatus.COMPLETED);
    assertThatThrownBy(() -> AssignmentStatusPublisher.parse("DONE")).hasMessageContaining("'DONE' không tồn tại");
  }
}
