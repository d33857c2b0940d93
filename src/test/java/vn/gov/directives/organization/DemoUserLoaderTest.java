package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoUserLoaderTest {

  final ConfiguredOrganization org = OrganizationLoader.loadBundled();
  final List<DemoUser> users = DemoUserLoader.loadBundled(org);
  final Map<String, DemoUser> byId = users.stream().collect(Collectors.toMap(DemoUser::id, Function.identity()));

  @Test
  void everyAgencyHasASpecialistALeaderAndAClerkWithPasswordDemo() {
    assertThat(users).hasSize(1 + 33 * 3);
    for (String code : org.codes()) {
      String lower = code.toLowerCase();
      assertThat(byId.get(lower + "-cv").groupIds()).containsExactly(code + "-chuyen-vien");
      assertThat(byId.get(lower + "-ld").groupIds()).containsExactly(code + "-lanh-dao");
      assertThat(byId.get(lower + "-vt").groupIds()).containsExactly(code + "-van-thu");
    }
    assertThat(users).allMatch(u -> u.password().equals("demo"));
    assertThat(byId.get("demo").groupIds()).containsExactly("camunda-admin");
    assertThat(byId.get("stttt-cv").email()).isEqualTo("stttt-cv@demo.binhdinh.gov.vn");
  }

  @Test
  void leaderAccountsCarryTheConfiguredLeadersNamesInVietnameseOrder() {
    DemoUser viceChair = byId.get("ubnd-ld");
    assertThat(viceChair.firstName()).isEqualTo("Nguyễn Phi");
    assertThat(viceChair.lastName()).isEqualTo("Long");
    assertThat(viceChair.fullName()).isEqualTo(org.itLeader().name());
    assertThat(byId.get("stttt-ld").fullName()).isEqualTo(org.leaderByUserId("stttt-ld").orElseThrow().name());
    assertThat(byId.get("vpubnd-ld").fullName()).isEqualTo("Nguyễn Thị Mai Anh");
  }

  @Test
  void unknownGroupsMissingNamesAndDuplicatesAreRefused() {
    String yaml = """
        password: demo
        emailDomain: demo.example
        users:
          - {id: a-cv, name: Nguyễn Văn A, groups: [SXYZ-chuyen-vien]}
          - {id: b-cv, groups: [SYT-chuyen-vien]}
          - {id: a-cv, name: Lê Văn C, groups: [SYT-chuyen-vien]}
          - {id: ubnd-ld, name: Người Khác, groups: [UBND-lanh-dao]}
        """;
    assertThatThrownBy(() -> DemoUserLoader.load(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "demo.yaml", org))
        .isInstanceOf(InvalidOrganizationException.class)
        .hasMessageContaining("users[0] (a-cv): nhóm 'SXYZ-chuyen-vien' không tồn tại")
        .hasMessageContaining("users[1] (b-cv): thiếu name")
        .hasMessageContaining("users[2] (a-cv): id bị trùng")
        .hasMessageContaining("users[3] (ubnd-ld): tên 'Người Khác' khác tên lãnh đạo");
  }
}
