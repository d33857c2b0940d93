package vn.gov.directives.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and validates {@code organization/demo-users.yaml} against the organisation. */
public final class DemoUserLoader {

  public static final String BUNDLED = "organization/demo-users.yaml";

  private DemoUserLoader() {}

  static final class DemoUsersFile {
    public String password;
    public String emailDomain;
    public List<Entry> users = new ArrayList<>();
  }

  static final class Entry {
    public String id;
    public String name;
    public List<String> groups = new ArrayList<>();
  }

  public static List<DemoUser> loadBundled(OrganizationDirectory organization) {
    try (InputStream in = DemoUserLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("Demo user file missing from the classpath: " + BUNDLED);
      }
      return load(in, "classpath:" + BUNDLED, organization);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<DemoUser> load(InputStream in, String source, OrganizationDirectory organization) {
    DemoUsersFile file = OrganizationLoader.parse(in, source, DemoUsersFile.class);
    List<String> problems = new ArrayList<>();
    if (file == null) {
      throw new InvalidOrganizationException(source, List.of("tệp rỗng (empty file)"));
    }
    if (OrganizationLoader.blank(file.password)) {
      problems.add("password: thiếu mật khẩu chung (common password is required)");
    }
    if (OrganizationLoader.blank(file.emailDomain)) {
      problems.add("emailDomain: thiếu tên miền e-mail (e-mail domain is required)");
    }
    List<DemoUser> users = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < file.users.size(); i++) {
      Entry entry = file.users.get(i);
      String label = "users[" + i + "]" + (entry == null || entry.id == null ? "" : " (" + entry.id + ")");
      if (entry == null || OrganizationLoader.blank(entry.id)) {
        problems.add(label + ": thiếu id (id is required)");
        continue;
      }
      if (!OrganizationLoader.USER_ID.matcher(entry.id).matches()) {
        problems.add(label + ": id chỉ được gồm chữ ASCII, số, '_' hoặc '-' (invalid user id)");
      }
      if (!ids.add(entry.id)) {
        problems.add(label + ": id bị trùng (duplicate user id)");
      }
      Optional<Leader> leader = organization.leaderByUserId(entry.id);
      String name = !OrganizationLoader.blank(entry.name) ? entry.name.strip() : leader.map(Leader::name).orElse(null);
      if (name == null) {
        problems.add(label + ": thiếu name (name is required unless the user is a configured leader)");
        continue;
      }
      if (leader.isPresent() && !leader.get().name().equals(name)) {
        problems.add(label + ": tên '" + name + "' khác tên lãnh đạo đã cấu hình '" + leader.get().name()
            + "' (a leader's user must carry the leader's name)");
      }
      for (String group : entry.groups) {
        if (!ConfiguredOrganization.ADMIN_GROUP.equals(group) && organization.agencyOfGroup(group).isEmpty()) {
          problems.add(label + ": nhóm '" + group + "' không tồn tại (unknown group)");
        }
      }
      int lastSpace = name.lastIndexOf(' ');
      String firstName = lastSpace < 0 ? "" : name.substring(0, lastSpace);
      String lastName = name.substring(lastSpace + 1);
      users.add(new DemoUser(entry.id, firstName, lastName, entry.id + "@" + file.emailDomain, file.password,
          entry.groups));
    }
    if (!problems.isEmpty()) {
      throw new InvalidOrganizationException(source, problems);
    }
    return List.copyOf(users);
  }
}
