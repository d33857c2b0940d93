package vn.gov.directives.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML organisation file as written by an administrator; validated by {@link OrganizationLoader}. */
final class OrganizationFile {

  public ProvinceEntry province;
  public String committee;
  public String reviewOffice;
  public String itLeader;
  public Map<String, List<String>> startPermissions = new LinkedHashMap<>();
  public List<AgencyEntry> agencies = new ArrayList<>();
  public Map<String, List<LeaderEntry>> leaders = new LinkedHashMap<>();
  public List<MemberEntry> committeeMembers = new ArrayList<>();

  static final class ProvinceEntry {
    public String name;
    public String place;
  }

  static final class AgencyEntry {
    public String code;
    public String name;
    public String shortName;
    public String symbol;
    public String parent;
    public AgencyKind kind;
    public String headerAbove;
    public List<String> headerName;
    public String place;
    public LocalDate validFrom;
    public LocalDate validTo;
  }

  static final class LeaderEntry {
    public String name;
    public String title;
    public boolean deputy;
    public String userId;
  }

  static final class MemberEntry {
    public String userId;
    public String name;
    public String title;
  }
}
