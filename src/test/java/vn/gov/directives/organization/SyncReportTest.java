package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncReportTest {

  @Test
  void aFewChangesAreNamedOneByOne_whatAnAdministratorChangedByHandAndTheSyncRepaired() {
    SyncReport report = new SyncReport();
    assertThat(report).hasToString("no changes");
    report.changed("membership removed stc-cv → SYT-chuyen-vien");
    report.changed("authorization extended STC-chuyen-vien ProcessDefinition:*");
    assertThat(report).hasToString("2 changes: [membership removed stc-cv → SYT-chuyen-vien, "
        + "authorization extended STC-chuyen-vien ProcessDefinition:*]");
  }

  @Test
  void aFreshDatabaseIsCountedByKind_notAFortyKilobyteLogLine() {
    SyncReport report = new SyncReport();
    for (int i = 0; i < 30; i++) {
      report.changed("group created G" + i + "-chuyen-vien");
    }
    for (int i = 0; i < 10; i++) {
      report.changed("user created fred" + i);
      // "fred" ends like a verb but is a user id: memberships are one kind
      report.changed("membership fred" + i + " → G" + i + "-chuyen-vien");
    }
    report.changed("admin password set quan-tri");
    report.changed("filter created Việc của tôi");
    assertThat(report.toString())
        .isEqualTo("52 changes: 30 group created, 10 user created, 10 membership, 1 admin password, 1 filter created")
        .doesNotContain("G7-chuyen-vien");
    assertThat(report.changes()).hasSize(52).contains("membership fred3 → G3-chuyen-vien");
  }

  @Test
  void kindIsTheFirstWordWithItsVerb() {
    assertThat(SyncReport.kind("group renamed SNV-chuyen-vien")).isEqualTo("group renamed");
    assertThat(SyncReport.kind("membership demo → camunda-admin")).isEqualTo("membership");
    assertThat(SyncReport.kind("authorization removed everyone ProcessDefinition:*")).isEqualTo("authorization removed");
  }
}
