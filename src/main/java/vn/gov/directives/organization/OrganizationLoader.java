package vn.gov.directives.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.directives.organization.OrganizationFile.AgencyEntry;
import vn.gov.directives.organization.OrganizationFile.LeaderEntry;

/**
 * Reads and validates the organisation YAML. Every problem is collected and reported at once, naming the entry, so
 * that an administrator fixes the file in one go; nothing is half-loaded.
 */
public final class OrganizationLoader {

  public static final String BUNDLED = "organization/binh-dinh-2018.yaml";

  /** Upper-case ASCII: codes become group ids and API values. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** Camunda's resource id whitelist of this application (application.yaml). */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9_-]+");

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private OrganizationLoader() {}

  public static ConfiguredOrganization loadBundled() {
    try (InputStream in = OrganizationLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("Bundled organisation file missing from the classpath: " + BUNDLED);
      }
      return load(in, "classpath:" + BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ConfiguredOrganization load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidOrganizationException(file.toString(),
          List.of("tệp không tồn tại hoặc không đọc được (file not found or not readable)"));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    } catch (IOException e) {
      throw new InvalidOrganizationException(file.toString(), "không đọc được tệp (cannot read): " + e.getMessage(), e);
    }
  }

  public static ConfiguredOrganization load(InputStream in, String source) {
    OrganizationFile file = parse(in, source, OrganizationFile.class);
    if (file == null) {
      throw new InvalidOrganizationException(source, List.of("tệp rỗng (empty file)"));
    }
    return validate(file, source);
  }

  static ObjectMapper yamlMapper() {
    return new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  static <T> T parse(InputStream in, String source, Class<T> type) {
    try {
      return yamlMapper().readValue(in, type);
    } catch (JsonMappingException e) {
      String where = e.getPath().isEmpty() ? "" : " at " + describePath(e);
      throw new InvalidOrganizationException(source, e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new InvalidOrganizationException(source, "YAML không hợp lệ (invalid YAML): " + e.getMessage(), e);
    }
  }

  private static String describePath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ConfiguredOrganization validate(OrganizationFile file, String source) {
    List<String> problems = new ArrayList<>();
    Province province = null;
    if (file.province == null || blank(file.province.name) || blank(file.province.place)) {
      problems.add("province: cần name và place (province name and place are required)");
    } else {
      province = new Province(file.province.name.strip(), file.province.place.strip());
    }

    List<Agency> agencies = new ArrayList<>();
    Map<String, List<String>> headerNames = new HashMap<>();
    Map<String, List<Integer>> indexesByCode = new LinkedHashMap<>();
    for (int i = 0; i < file.agencies.size(); i++) {
      AgencyEntry entry = file.agencies.get(i);
      String label = "agencies[" + i + "]" + (blank(entry == null ? null : entry.code) ? "" : " (" + entry.code + ")");
      if (entry == null) {
        problems.add(label + ": mục rỗng (empty entry)");
        continue;
      }
      int before = problems.size();
      if (blank(entry.code)) {
        problems.add(label + ": thiếu code (code is required)");
      } else if (!CODE.matcher(entry.code).matches()) {
        problems.add(label + ": mã '" + entry.code
            + "' phải gồm chữ in hoa ASCII A-Z, số hoặc '_' (code must be upper-case ASCII, e.g. STTTT)");
      }
      requireText(problems, label, "name", entry.name);
      requireText(problems, label, "shortName", entry.shortName);
      requireText(problems, label, "symbol", entry.symbol);
      if (entry.kind == null) {
        problems.add(label + ": thiếu kind (kind is required: COMMITTEE, DEPARTMENT, DISTRICT or OTHER)");
      }
      if (entry.validFrom != null && entry.validTo != null && entry.validFrom.isAfter(entry.validTo)) {
        problems.add(label + ": validFrom " + entry.validFrom + " sau validTo " + entry.validTo
            + " (validFrom is after validTo)");
      }
      if (entry.headerName != null && (entry.headerName.isEmpty() || entry.headerName.stream().anyMatch(s -> blank(s)))) {
        problems.add(label + ": headerName phải có ít nhất một dòng không rỗng (headerName needs non-empty lines)");
      }
      if (problems.size() > before) {
        continue;
      }
      String place = blank(entry.place) ? (province == null ? null : province.place()) : entry.place.strip();
      Agency agency = new Agency(entry.code, entry.name.strip(), entry.shortName.strip(), entry.symbol.strip(),
          blank(entry.parent) ? null : entry.parent.strip(), entry.kind,
          blank(entry.headerAbove) ? null : entry.headerAbove.strip(), place, entry.validFrom, entry.validTo);
      agencies.add(agency);
      headerNames.put(key(agency), entry.headerName == null
          ? List.of(agency.name().toUpperCase(VIETNAMESE))
          : entry.headerName.stream().map(String::strip).toList());
      indexesByCode.computeIfAbsent(entry.code, c -> new ArrayList<>()).add(agencies.size() - 1);
    }
    if (file.agencies.isEmpty()) {
      problems.add("agencies: danh sách cơ quan rỗng (no agencies configured)");
    }

    // The same code may appear several times only for successive, non-overlapping periods.
    for (Map.Entry<String, List<Integer>> byCode : indexesByCode.entrySet()) {
      List<Integer> indexes = byCode.getValue();
      for (int a = 0; a < indexes.size(); a++) {
        for (int b = a + 1; b < indexes.size(); b++) {
          Agency first = agencies.get(indexes.get(a));
          Agency second = agencies.get(indexes.get(b));
          if (overlap(first, second)) {
            problems.add("agencies: mã " + byCode.getKey() + " bị trùng, hai mục có thời gian hiệu lực chồng nhau ("
                + period(first) + " và " + period(second) + ") (duplicate code with overlapping validity)");
          }
        }
      }
    }
    for (Agency agency : agencies) {
      if (agency.parent() != null) {
        if (!indexesByCode.containsKey(agency.parent())) {
          problems.add("agencies (" + agency.code() + "): parent '" + agency.parent()
              + "' không có trong danh sách cơ quan (unknown parent)");
        } else if (agency.parent().equals(agency.code())) {
          problems.add("agencies (" + agency.code() + "): parent không thể là chính nó (an agency cannot be its own parent)");
        }
      }
    }

    String committee = blank(file.committee) ? null : file.committee.strip();
    if (committee == null) {
      problems.add("committee: thiếu mã UBND (committee code is required)");
    } else if (!indexesByCode.containsKey(committee)) {
      problems.add("committee: mã '" + committee + "' không có trong danh sách cơ quan (unknown agency code)");
    } else if (indexesByCode.get(committee).stream().anyMatch(i -> agencies.get(i).kind() != AgencyKind.COMMITTEE)) {
      problems.add("committee: cơ quan '" + committee + "' phải có kind COMMITTEE (must be of kind COMMITTEE)");
    }
    String reviewOffice = blank(file.reviewOffice) ? null : file.reviewOffice.strip();
    if (reviewOffice == null) {
      problems.add("reviewOffice: thiếu mã Văn phòng UBND (review office code is required)");
    } else if (!indexesByCode.containsKey(reviewOffice)) {
      problems.add("reviewOffice: mã '" + reviewOffice + "' không có trong danh sách cơ quan (unknown agency code)");
    }

    Map<String, List<Leader>> leaders = new LinkedHashMap<>();
    Set<String> leaderUserIds = new HashSet<>();
    for (Map.Entry<String, List<LeaderEntry>> byAgency : file.leaders.entrySet()) {
      String code = byAgency.getKey();
      if (!indexesByCode.containsKey(code)) {
        problems.add("leaders." + code + ": mã cơ quan không có trong danh sách (unknown agency code)");
        continue;
      }
      List<Leader> list = new ArrayList<>();
      List<LeaderEntry> entries = byAgency.getValue() == null ? List.of() : byAgency.getValue();
      for (int i = 0; i < entries.size(); i++) {
        LeaderEntry entry = entries.get(i);
        String label = "leaders." + code + "[" + i + "]";
        if (entry == null || blank(entry.name) || blank(entry.title)) {
          problems.add(label + ": cần name và title (leader name and title are required)");
          continue;
        }
        String userId = blank(entry.userId) ? null : entry.userId.strip();
        if (userId != null && !USER_ID.matcher(userId).matches()) {
          problems.add(label + ": userId '" + userId + "' chỉ được gồm chữ ASCII, số, '_' hoặc '-' (invalid user id)");
        } else if (userId != null && !leaderUserIds.add(userId)) {
          problems.add(label + ": userId '" + userId + "' đã dùng cho lãnh đạo khác (user id used twice)");
        }
        list.add(new Leader(code, userId, entry.name.strip(), entry.title.strip(), entry.deputy));
      }
      leaders.put(code, List.copyOf(list));
    }

    Leader itLeader = null;
    if (blank(file.itLeader)) {
      problems.add("itLeader: thiếu userId của lãnh đạo UBND phụ trách CNTT (itLeader user id is required)");
    } else if (committee != null) {
      itLeader = leaders.getOrDefault(committee, List.of()).stream()
          .filter(l -> file.itLeader.strip().equals(l.userId())).findFirst().orElse(null);
      if (itLeader == null) {
        problems.add("itLeader: '" + file.itLeader + "' không phải userId của một lãnh đạo trong leaders." + committee
            + " (itLeader must be the user id of a leader of the committee)");
      }
    }

    List<CommitteeMember> members = new ArrayList<>();
    Set<String> memberUserIds = new HashSet<>();
    for (int i = 0; i < file.committeeMembers.size(); i++) {
      OrganizationFile.MemberEntry entry = file.committeeMembers.get(i);
      String label = "committeeMembers[" + i + "]";
      if (entry == null || blank(entry.userId) || blank(entry.name) || blank(entry.title)) {
        problems.add(label + ": cần userId, name và title (member user id, name and title are required)");
        continue;
      }
      String userId = entry.userId.strip();
      if (!USER_ID.matcher(userId).matches()) {
        problems.add(label + ": userId '" + userId + "' chỉ được gồm chữ ASCII, số, '_' hoặc '-' (invalid user id)");
      } else if (!memberUserIds.add(userId)) {
        problems.add(label + ": userId '" + userId + "' bị trùng (a member is listed twice)");
      } else {
        members.add(new CommitteeMember(userId, entry.name.strip(), entry.title.strip()));
      }
    }

    Map<String, List<String>> startPermissions = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> permission : file.startPermissions.entrySet()) {
      String processKey = permission.getKey();
      List<String> groups = permission.getValue() == null ? List.of() : permission.getValue();
      if (groups.isEmpty()) {
        problems.add("startPermissions." + processKey + ": danh sách nhóm rỗng (no groups)");
      }
      List<String> expanded = new ArrayList<>();
      for (String group : groups) {
        Role everyAgency = everyAgencyRole(group);
        if (everyAgency != null) {
          // "*-chuyen-vien": that role in every configured agency, so a process open to all agencies needs one line
          indexesByCode.keySet().forEach(code -> expanded.add(code + "-" + everyAgency.suffix()));
        } else if (!ConfiguredOrganization.ADMIN_GROUP.equals(group) && !isAgencyGroup(group, indexesByCode.keySet())) {
          problems.add("startPermissions." + processKey + ": nhóm '" + group
              + "' không tồn tại; dùng <MÃ>-chuyen-vien, <MÃ>-lanh-dao, <MÃ>-van-thu, *-chuyen-vien, *-lanh-dao, "
              + "*-van-thu hoặc camunda-admin (unknown group)");
        } else {
          expanded.add(group);
        }
      }
      startPermissions.put(processKey, expanded.stream().distinct().toList());
    }

    if (!problems.isEmpty()) {
      throw new InvalidOrganizationException(source, problems);
    }
    return new ConfiguredOrganization(province, agencies, headerNames, leaders, committee, reviewOffice, itLeader,
        startPermissions, members);
  }

  static String key(Agency agency) {
    return agency.code() + "@" + agency.validFrom();
  }

  /** The role of a "*-chuyen-vien" style entry, null for any other text. */
  private static Role everyAgencyRole(String group) {
    if (group == null || !group.startsWith("*-")) {
      return null;
    }
    for (Role role : Role.values()) {
      if (role.suffix().equals(group.substring(2))) {
        return role;
      }
    }
    return null;
  }

  private static boolean isAgencyGroup(String group, Set<String> codes) {
    int dash = group == null ? -1 : group.indexOf('-');
    if (dash <= 0 || !codes.contains(group.substring(0, dash))) {
      return false;
    }
    String suffix = group.substring(dash + 1);
    for (Role role : Role.values()) {
      if (role.suffix().equals(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(Agency a, Agency b) {
    boolean aEndsBeforeB = a.validTo() != null && b.validFrom() != null && a.validTo().isBefore(b.validFrom());
    boolean bEndsBeforeA = b.validTo() != null && a.validFrom() != null && b.validTo().isBefore(a.validFrom());
    return !aEndsBeforeB && !bEndsBeforeA;
  }

  private static String period(Agency agency) {
    return (agency.validFrom() == null ? "…" : agency.validFrom().toString()) + " – "
        + (agency.validTo() == null ? "…" : agency.validTo().toString());
  }

  private static void requireText(List<String> problems, String label, String field, String value) {
    if (blank(value)) {
      problems.add(label + ": thiếu " + field + " (" + field + " is required)");
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
