package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import vn.gov.directives.organization.AuthorizationSynchronizer.Grant;

/** The grants are written one row each: the whole synchronisation then fits in one engine command. */
class AuthorizationSynchronizerTest {

  @Test
  void grantsOnTheSameRowAreWrittenAsOneRowWithAllTheirPermissions() {
    List<Grant> rows = AuthorizationSynchronizer.mergedByRow(List.of(
        new Grant("STTTT-chuyen-vien", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE),
        new Grant("STTTT-chuyen-vien", Resources.PROCESS_DEFINITION, "plan-approval", Permissions.READ,
            Permissions.CREATE_INSTANCE),
        new Grant("STTTT-chuyen-vien", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE),
        new Grant("UBND-lanh-dao", Resources.PROCESS_INSTANCE, "*", Permissions.READ),
        new Grant("UBND-lanh-dao", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE),
        new Grant(null, Resources.PROCESS_INSTANCE, "*", Permissions.READ)));

    assertThat(rows).extracting(Grant::key).containsExactly(
        "STTTT-chuyen-vien|8|*", "STTTT-chuyen-vien|6|plan-approval", "UBND-lanh-dao|8|*", "*global*|8|*");
    assertThat(rows.get(0).permissions()).containsExactly(Permissions.CREATE);
    assertThat(rows.get(1).permissions()).containsExactly(Permissions.READ, Permissions.CREATE_INSTANCE);
    assertThat(rows.get(2).permissions()).containsExactly(Permissions.READ, Permissions.CREATE);
    // a global grant is another row than a group's on the same resource
    assertThat(rows.get(3).groupId()).isNull();
  }
}
