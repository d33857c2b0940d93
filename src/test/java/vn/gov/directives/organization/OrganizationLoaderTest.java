package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationLoaderTest {

  static final LocalDate NOTICE_DAY = LocalDate.of(2018, 12, 26);
  final ConfiguredOrganization org = OrganizationLoader.loadBundled();

  @Test
  void bundledFileHasTheThirtyThreeAgencyCodesOfTheProvince() {
    assertThat(org.codes()).containsExactly("UBND", "VPUBND", "SNV", "STP", "SKHDT", "STC", "STTTT", "SCT", "SNN",
        "SGTVT", "SXD", "STNMT", "SLDTBXH", "SVHTT", "SDL", "SKHCN", "SGDDT", "SYT", "SNGV", "TTT", "BDT", "CAT",
        "QUYNHON", "ANNHON", "HOAINHON", "ANLAO", "HOAIAN", "PHUMY", "PHUCAT", "TAYSON", "TUYPHUOC", "VANCANH",
        "VINHTHANH");
    assertThat(org.province()).isEqualTo(new Province("Bình Định", "Bình Định"));
  }

  @Test
  void surveyCoversTwentyAgenciesThenElevenDistrictsAsRankedIn2018() {
    List<Agency> units = org.departmentsAndDistricts(NOTICE_DAY);
    assertThat(units).hasSize(31);
    assertThat(units.subList(0, 20)).allMatch(a -> a.kind() == AgencyKind.DEPARTMENT);
    assertThat(units.subList(20, 31)).allMatch(a -> a.kind() == AgencyKind.DISTRICT);
    assertThat(units).extracting(Agency::code).doesNotContain("UBND", "CAT");
  }

  @Test
  void agencyNamesSymbolsAndHeadersFollowVietnameseUsage() {
    Agency stttt = org.agency("STTTT", NOTICE_DAY);
    assertThat(stttt.name()).isEqualTo("Sở Thông tin và Truyền thông");
    assertThat(stttt.shortName()).isEqualTo("Sở TT&TT");
    assertThat(stttt.symbol()).isEqualTo("STTTT");
    assertThat(stttt.parent()).isEqualTo("UBND");
    assertThat(org.agency("SKHDT", NOTICE_DAY).symbol()).isEqualTo("SKHĐT");
    assertThat(org.agency("CAT", NOTICE_DAY).kind()).isEqualTo(AgencyKind.OTHER);

    assertThat(org.header("STTTT", NOTICE_DAY))
        .isEqualTo(new AgencyHeader("UBND TỈNH BÌNH ĐỊNH", List.of("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")));
    assertThat(org.header("UBND", NOTICE_DAY))
        .isEqualTo(new AgencyHeader(null, List.of("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH")));
    assertThat(org.header("VPUBND", NOTICE_DAY))
        .isEqualTo(new AgencyHeader("UBND TỈNH BÌNH ĐỊNH", List.of("VĂN PHÒNG")));
    assertThat(org.agency("UBND", NOTICE_DAY).headerAbove()).isNull();
    assertThat(org.agency("QUYNHON", NOTICE_DAY).place()).isEqualTo("Quy Nhơn");
  }

  @Test
  void groupsLeadersAndRolesOfTheJourney() {
    assertThat(org.specialists("STTTT")).isEqualTo("STTTT-chuyen-vien");
    assertThat(org.leaders("VPUBND")).isEqualTo("VPUBND-lanh-dao");
    assertThat(org.clerks("UBND")).isEqualTo("UBND-van-thu");
    assertThat(org.agencyOfGroup("STTTT-chuyen-vien")).contains("STTTT");
    assertThat(org.agencyOfGroup("camunda-admin")).isEmpty();
    assertThat(org.agencyOfGroup("XYZ-chuyen-vien")).isEmpty();
    assertThat(org.agencyGroupIds()).hasSize(33 * 3);
    assertThat(org.committee()).isEqualTo("UBND");
    assertThat(org.reviewOffice()).isEqualTo("VPUBND");
    assertThat(org.itLeader()).isEqualTo(new Leader("UBND", "ubnd-ld", "Nguyễn Phi Long", "Phó Chủ tịch", true));
    assertThat(org.itLeaderUserId()).isEqualTo("ubnd-ld");
    assertThat(org.leadersOf("STTTT")).extracting(Leader::title).containsExactly("Giám đốc", "Phó Giám đốc");
    assertThat(org.leaderByUserId("stttt-ld")).get().extracting(Leader::deputy).isEqualTo(true);
    assertThat(org.leadersOf("SYT")).isEmpty();
    assertThat(org.startPermissions()).containsEntry("plan-approval", List.of("STTTT-chuyen-vien"));
    // "*-chuyen-vien" and "*-lanh-dao" open the extension request to every agency's specialists and leaders
    assertThat(org.startPermissions().get("extension-request")).hasSize(33 * 2)
        .contains("STTTT-chuyen-vien", "SNV-lanh-dao", "VPUBND-chuyen-vien").noneMatch(g -> g.endsWith("-van-thu"));
  }

  @Test
  void unknownCodeIsRefusedWithAVietnameseMessage() {
    assertThatThrownBy(() -> org.agency("SXYZ"))
        .isInstanceOf(UnknownAgencyException.class)
        .hasMessageContaining("Mã cơ quan không tồn tại trong cấu hình tổ chức: SXYZ");
    assertThatThrownBy(() -> org.specialists("SXYZ")).isInstanceOf(UnknownAgencyException.class);
    assertThatThrownBy(() -> org.group("STTTT", "giam-doc")).hasMessageContaining("giam-doc");
  }

  @Test
  void hoaiNhonIsADistrictIn2019AndATownIn2021() {
    Agency in2019 = org.agency("HOAINHON", LocalDate.of(2019, 1, 10));
    Agency in2021 = org.agency("HOAINHON", LocalDate.of(2021, 1, 10));
    assertThat(in2019.name()).isEqualTo("Ủy ban nhân dân huyện Hoài Nhơn");
    assertThat(in2021.name()).isEqualTo("Ủy ban nhân dân thị xã Hoài Nhơn");
    assertThat(org.header("HOAINHON", LocalDate.of(2019, 1, 10)).nameLines())
        .containsExactly("ỦY BAN NHÂN DÂN", "HUYỆN HOÀI NHƠN");
    assertThat(org.header("HOAINHON", LocalDate.of(2021, 1, 10)).nameLines())
        .containsExactly("ỦY BAN NHÂN DÂN", "THỊ XÃ HOÀI NHƠN");
    // the change happens exactly on 01/5/2020
    assertThat(org.agency("HOAINHON", LocalDate.of(2020, 4, 30)).shortName()).isEqualTo("UBND huyện Hoài Nhơn");
    assertThat(org.agency("HOAINHON", LocalDate.of(2020, 5, 1)).shortName()).isEqualTo("UBND TX Hoài Nhơn");
    assertThat(org.departmentsAndDistricts(LocalDate.of(2021, 1, 10))).hasSize(31);
  }

  @Test
  void anAgencyBeforeItExistedIsReportedWithTheDay() {
    ConfiguredOrganization merged = load(base() + agency("NEWSO", "UBND", "DEPARTMENT", "validFrom: 2025-07-01"));
    assertThat(merged.existsOn("NEWSO", LocalDate.of(2025, 7, 1))).isTrue();
    assertThat(merged.existsOn("NEWSO", LocalDate.of(2025, 6, 30))).isFalse();
    assertThatThrownBy(() -> merged.agency("NEWSO", LocalDate.of(2019, 1, 1)))
        .isInstanceOf(UnknownAgencyException.class)
        .hasMessageContaining("NEWSO không tồn tại vào ngày 01/01/2019");
  }

  @Test
  void duplicateCodeWithOverlappingPeriodsIsRefusedNamingTheCode() {
    assertThatThrownBy(() -> load(base()
            + agency("SYT", "UBND", "DEPARTMENT", "validTo: 2020-12-31")
            + agency("SYT", "UBND", "DEPARTMENT", "validFrom: 2020-06-01")))
        .isInstanceOf(InvalidOrganizationException.class)
        .hasMessageContaining("mã SYT bị trùng")
        .hasMessageContaining("2020-06-01");
  }

  @Test
  void unknownParentNonAsciiCodeAndBadDatesAreAllReportedAtOnce() {
    InvalidOrganizationException error = catchThrowableOfType(
        InvalidOrganizationException.class,
        () -> load(base()
            + agency("SYT", "BOYT", "DEPARTMENT", null)
            + agency("SỞXD", "UBND", "DEPARTMENT", null)
            + agency("SCT", "UBND", "DEPARTMENT", "validFrom: 2020-01-01, validTo: 2019-01-01")));
    assertThat(error.problems()).hasSize(3);
    assertThat(error.getMessage())
        .contains("agencies (SYT): parent 'BOYT' không có trong danh sách cơ quan")
        .contains("agencies[4] (SỞXD): mã 'SỞXD' phải gồm chữ in hoa ASCII")
        .contains("agencies[5] (SCT): validFrom 2020-01-01 sau validTo 2019-01-01")
        .contains("test.yaml");
  }

  @Test
  void unparsableValuesNameTheField() {
    assertThatThrownBy(() -> load(base() + agency("SYT", "UBND", "MINISTRY", null)))
        .isInstanceOf(InvalidOrganizationException.class)
        .hasMessageContaining("agencies[3].kind");
    assertThatThrownBy(() -> load(base() + agency("SYT", "UBND", "DEPARTMENT", "validFrom: 2020-13-01")))
        .hasMessageContaining("agencies[3].validFrom");
    assertThatThrownBy(() -> load(base().replace("committee: UBND", "committee: UBND\ncolour: red")))
        .hasMessageContaining("colour");
  }

  @Test
  void startPermissionsAndItLeaderMustReferToConfiguredGroupsAndLeaders() {
    String yaml = base().replace("plan-approval: [STTTT-chuyen-vien]", "plan-approval: [SYT-giam-doc]")
        .replace("itLeader: ubnd-ld", "itLeader: somebody");
    assertThatThrownBy(() -> load(yaml))
        .hasMessageContaining("nhóm 'SYT-giam-doc' không tồn tại")
        .hasMessageContaining("itLeader: 'somebody' không phải userId");
  }

  @Test
  void anExternalFileThatDoesNotExistIsReported() {
    assertThatThrownBy(() -> OrganizationLoader.load(java.nio.file.Path.of("/nonexistent/org.yaml")))
        .isInstanceOf(InvalidOrganizationException.class)
        .hasMessageContaining("/nonexistent/org.yaml");
  }

  static ConfiguredOrganization load(String yaml) {
    return OrganizationLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  /** A minimal valid organisation: UBND with its IT leader, Văn phòng, and whatever the test appends. */
  static String base() {
    return """
        province: {name: Bình Định, place: Bình Định}
        committee: UBND
        reviewOffice: VPUBND
        itLeader: ubnd-ld
        startPermissions:
          plan-approval: [STTTT-chuyen-vien]
        leaders:
          UBND:
            - {name: Nguyễn Phi Long, title: Phó Chủ tịch, deputy: true, userId: ubnd-ld}
        agencies:
          - {code: UBND, name: Ủy ban nhân dân tỉnh Bình Định, shortName: UBND tỉnh, symbol: UBND, kind: COMMITTEE}
          - {code: VPUBND, name: Văn phòng UBND tỉnh, shortName: Văn phòng, symbol: VP, parent: UBND, kind: DEPARTMENT}
        """ + agency("STTTT", "UBND", "DEPARTMENT", null);
  }

  static String agency(String code, String parent, String kind, String extra) {
    return "  - {code: " + code + ", name: Sở " + code + ", shortName: Sở " + code + ", symbol: " + code
        + ", parent: " + parent + ", kind: " + kind + (extra == null ? "" : ", " + extra) + "}\n";
  }
}
