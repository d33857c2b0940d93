package vn.gov.directives.reminder;

/** How a reminder reaches people: e-mail when {@code spring.mail.host} is set, else the application log. */
public enum ReminderChannel {
  MAIL,
  LOG
}
