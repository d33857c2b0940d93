package vn.gov.directives.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as configured (YAML), exposed to BPMN expressions as {@code organization}, e.g.
 * {@code ${organization.specialists(surveyAgency)}}. Implemented by {@link ConfiguredOrganization}.
 */
public interface OrganizationDirectory {

  /** The agency valid today; throws {@link UnknownAgencyException} ("Mã cơ quan không tồn tại: X"). */
  Agency agency(String code);

  /** The agency in the form it had on a day (a 2018 document renders with 2018 names). */
  Agency agency(String code, LocalDate on);

  /** True when the code is configured at all (in any period). */
  boolean exists(String code);

  /** True when an entry of the code is valid on the day. */
  boolean existsOn(String code, LocalDate on);

  /** Every configured code (any period), in configuration order. */
  List<String> codes();

  /** Every agency valid on the day, in configuration order. */
  List<Agency> agencies(LocalDate on);

  /** The province (name, default place name). */
  Province province();

  /** The agency block of a document header dated {@code on}: governing line and bold name lines. */
  AgencyHeader header(String code, LocalDate on);

  /** Every DEPARTMENT and DISTRICT valid on the day, departments first, in configuration order. */
  List<Agency> departmentsAndDistricts(LocalDate on);

  /** "STTTT-chuyen-vien" for (STTTT, "chuyen-vien"). */
  String group(String agencyCode, String roleSuffix);

  default String specialists(String agencyCode) {
    return group(agencyCode, Role.SPECIALIST.suffix());
  }

  default String leaders(String agencyCode) {
    return group(agencyCode, Role.LEADER.suffix());
  }

  default String clerks(String agencyCode) {
    return group(agencyCode, Role.CLERK.suffix());
  }

  /** The agency code of a group id "STTTT-chuyen-vien" → STTTT. */
  Optional<String> agencyOfGroup(String groupId);

  /** The configured leaders of an agency, head first. */
  List<Leader> leadersOf(String agencyCode);

  /** The leader record of a user, if the user is a configured leader. */
  Optional<Leader> leaderByUserId(String userId);

  /** Code of the People's Committee (UBND). */
  String committee();

  /** Code of the committee's office that reviews submissions and tracks assignments (VPUBND). */
  String reviewOffice();

  /** The committee leader who decides IT submissions (Phó Chủ tịch in charge of IT); always has a user id. */
  Leader itLeader();

  /** Camunda user id of {@link #itLeader()}, for BPMN: {@code camunda:assignee="${organization.itLeaderUserId()}"}. */
  default String itLeaderUserId() {
    return itLeader().userId();
  }

  /**
   * The members of the People's Committee who vote on a legal normative decision (phiếu lấy ý kiến thành viên
   * UBND), configuration {@code committeeMembers}; empty when none is configured.
   */
  default List<CommitteeMember> committeeMembers() {
    return List.of();
  }

  /** Process definition key → group ids allowed to start it (configuration {@code startPermissions}). */
  Map<String, List<String>> startPermissions();

  /** Every Camunda group of the agencies: one per configured code and {@link Role}, "UBND-chuyen-vien" ... */
  List<String> agencyGroupIds();
}
