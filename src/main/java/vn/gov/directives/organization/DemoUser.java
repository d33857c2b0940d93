package vn.gov.directives.organization;

import java.util.List;

/**
 * A demo account (demo profile only).
 *
 * @param firstName Camunda first name = Vietnamese family and middle names ("Nguyễn Phi")
 * @param lastName Camunda last name = Vietnamese given name ("Long"), so "first last" reads in Vietnamese order
 */
public record DemoUser(
    String id, String firstName, String lastName, String email, String password, List<String> groupIds) {

  public DemoUser {
    groupIds = List.copyOf(groupIds);
  }

  public String fullName() {
    return firstName.isEmpty() ? lastName : firstName + " " + lastName;
  }
}
