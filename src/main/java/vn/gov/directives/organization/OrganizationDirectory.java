package vn.gov.directives.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The organisation as configured (YAML), exposed to BPMN expressions as {@code organization}.
 * CONTRACT STUB: the organization capability replaces this with the real implementation.
 */
public interface OrganizationDirectory {

  /** The agency valid today; throws {@link UnknownAgencyException} ("Mã cơ quan không tồn tại: X"). */
  Agency agency(String code);

  /** The agency in the form it had on a day (a 2018 document renders with 2018 names). */
  Agency agency(String code, LocalDate on);

  boolean exists(String code);

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
}
