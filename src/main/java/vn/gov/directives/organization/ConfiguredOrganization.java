package vn.gov.directives.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.gov.directives.calendar.VietnamTime;

/**
 * The organisation loaded from YAML ({@link OrganizationLoader}); immutable. "Today" is Vietnam time on the engine
 * clock, so the valid entry of an effective-dated agency follows the clock that tests move.
 */
public final class ConfiguredOrganization implements OrganizationDirectory {

  /** Camunda's administrators group. */
  public static final String ADMIN_GROUP = "camunda-admin";

  private final Province province;
  private final List<Agency> agencies;
  private final Map<String, List<String>> headerNames;
  private final Map<String, List<Agency>> entriesByCode = new LinkedHashMap<>();
  private final Map<String, List<Leader>> leaders;
  private final String committee;
  private final String reviewOffice;
  private final Leader itLeader;
  private final Map<String, List<String>> startPermissions;
  private final List<CommitteeMember> committeeMembers;

  ConfiguredOrganization(Province province, List<Agency> agencies, Map<String, List<String>> headerNames,
      Map<String, List<Leader>> leaders, String committee, String reviewOffice, Leader itLeader,
      Map<String, List<String>> startPermissions, List<CommitteeMember> committeeMembers) {
    this.province = province;
    this.agencies = List.copyOf(agencies);
    this.headerNames = Map.copyOf(headerNames);
    for (Agency agency : this.agencies) {
      entriesByCode.computeIfAbsent(agency.code(), c -> new ArrayList<>()).add(agency);
    }
    this.leaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leaders));
    this.committee = committee;
    this.reviewOffice = reviewOffice;
    this.itLeader = itLeader;
    this.startPermissions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startPermissions));
    this.committeeMembers = List.copyOf(committeeMembers);
  }

  @Override
  public List<CommitteeMember> committeeMembers() {
    return committeeMembers;
  }

  @Override
  public Agency agency(String code) {
    return agency(code, VietnamTime.today());
  }

  @Override
  public Agency agency(String code, LocalDate on) {
    return entries(code).stream().filter(a -> a.validOn(on)).findFirst()
        .orElseThrow(() -> new UnknownAgencyException(code, on));
  }

  /**
   * The entry used to name the agency's groups: the one valid today, else the most recent one (an agency that no
   * longer exists keeps its last name so that history stays readable).
   */
  public Agency currentOrLatest(String code) {
    LocalDate today = VietnamTime.today();
    List<Agency> entries = entries(code);
    return entries.stream().filter(a -> a.validOn(today)).findFirst()
        .orElseGet(() -> entries.stream()
            .max(Comparator.comparing(a -> a.validFrom() == null ? LocalDate.MIN : a.validFrom()))
            .orElseThrow());
  }

  @Override
  public boolean exists(String code) {
    return code != null && entriesByCode.containsKey(code);
  }

  @Override
  public boolean existsOn(String code, LocalDate on) {
    return exists(code) && entriesByCode.get(code).stream().anyMatch(a -> a.validOn(on));
  }

  @Override
  public List<String> codes() {
    return List.copyOf(entriesByCode.keySet());
  }

  @Override
  public List<Agency> agencies(LocalDate on) {
    return agencies.stream().filter(a -> a.validOn(on)).toList();
  }

  @Override
  public List<Agency> departmentsAndDistricts(LocalDate on) {
    return Stream.concat(
            agencies(on).stream().filter(a -> a.kind() == AgencyKind.DEPARTMENT),
            agencies(on).stream().filter(a -> a.kind() == AgencyKind.DISTRICT))
        .toList();
  }

  @Override
  public Province province() {
    return province;
  }

  @Override
  public AgencyHeader header(String code, LocalDate on) {
    Agency agency = agency(code, on);
    return new AgencyHeader(agency.headerAbove(), headerNames.get(OrganizationLoader.key(agency)));
  }

  @Override
  public String group(String agencyCode, String roleSuffix) {
    entries(agencyCode);
    return agencyCode + "-" + Role.fromSuffix(roleSuffix).suffix();
  }

  @Override
  public Optional<String> agencyOfGroup(String groupId) {
    int dash = groupId == null ? -1 : groupId.indexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    String code = groupId.substring(0, dash);
    String suffix = groupId.substring(dash + 1);
    boolean knownRole = Stream.of(Role.values()).anyMatch(r -> r.suffix().equals(suffix));
    return knownRole && exists(code) ? Optional.of(code) : Optional.empty();
  }

  /** The role of an agency group id "STTTT-lanh-dao" → LEADER. */
  public Optional<Role> roleOfGroup(String groupId) {
    return agencyOfGroup(groupId).map(code -> Role.fromSuffix(groupId.substring(code.length() + 1)));
  }

  @Override
  public List<Leader> leadersOf(String agencyCode) {
    entries(agencyCode);
    return leaders.getOrDefault(agencyCode, List.of());
  }

  @Override
  public Optional<Leader> leaderByUserId(String userId) {
    return leaders.values().stream().flatMap(List::stream)
        .filter(l -> l.userId() != null && l.userId().equals(userId)).findFirst();
  }

  /** Every configured leader, in configuration order. */
  public List<Leader> allLeaders() {
    return leaders.values().stream().flatMap(List::stream).toList();
  }

  @Override
  public String committee() {
    return committee;
  }

  @Override
  public String reviewOffice() {
    return reviewOffice;
  }

  @Override
  public Leader itLeader() {
    return itLeader;
  }

  @Override
  public Map<String, List<String>> startPermissions() {
    return startPermissions;
  }

  @Override
  public List<String> agencyGroupIds() {
    LinkedHashSet<String> groups = new LinkedHashSet<>();
    for (String code : entriesByCode.keySet()) {
      for (Role role : Role.values()) {
        groups.add(code + "-" + role.suffix());
      }
    }
    return List.copyOf(groups);
  }

  private List<Agency> entries(String code) {
    List<Agency> entries = code == null ? null : entriesByCode.get(code);
    if (entries == null) {
      throw new UnknownAgencyException(code);
    }
    return entries;
  }
}
