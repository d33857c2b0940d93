package vn.gov.directives.reminder;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks its {@link StreamProvider} up for every header it decodes and every body part it writes, and
 * without the system property {@code jakarta.mail.util.StreamProvider} each lookup is a ServiceLoader scan of every
 * jar on the class path: half the CPU of a reminder job in the fan-out benchmark (JFR). The ordinary lookup is done
 * once and its answer pinned in that property, so every later lookup finds the same implementation without the scan.
 * An implementation chosen explicitly is left alone.
 */
public final class MailStreamProvider {

  public static final String PROPERTY = StreamProvider.class.getName();

  private MailStreamProvider() {}

  /** Pins the provider found by the ordinary lookup; returns the class name now in the property. */
  public static synchronized String pin() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String found = StreamProvider.provider().getClass().getName();
    System.setProperty(PROPERTY, found);
    return found;
  }
}
