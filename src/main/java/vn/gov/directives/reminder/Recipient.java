package vn.gov.directives.reminder;

/** A person a reminder is for; {@code email} is null when the user has no address (then it cannot be mailed). */
public record Recipient(String userId, String name, String email) {

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }
}
