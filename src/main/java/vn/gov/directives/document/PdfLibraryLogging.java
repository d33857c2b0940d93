package vn.gov.directives.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J, so it follows the application's logging configuration (format, file, levels).
 * Left to itself, openhtmltopdf installs its own java.util.logging console handler and writes to standard error,
 * bypassing the log format: six INFO lines for every PDF ("Prepare to fly", one per font face loaded, the style
 * sheet timing) — half of the lines of a cluster node's log. Its logger names stay its own ({@code com.openhtmltopdf.load},
 * {@code com.openhtmltopdf.general}, …); {@code application.yaml} keeps them at WARN.
 */
final class PdfLibraryLogging implements XRLogger {

  private PdfLibraryLogging() {}

  /**
   * Replaces openhtmltopdf's own logger, JVM-wide (it has one). Called once, by {@link PdfRenderer}'s class
   * initialisation, before openhtmltopdf's first message: it then never sets up its console handler.
   */
  static void install() {
    XRLog.setLoggerImpl(new PdfLibraryLogging());
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    LoggerFactory.getLogger(where).atLevel(slf4j(level)).setCause(error).log(message);
  }

  /** Asked before a message is formatted: a level that is off costs nothing. */
  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere())
        .isEnabledForLevel(slf4j(diagnostic.getLevel()));
  }

  /** java.util.logging's level as SLF4J's: SEVERE error, WARNING warn, INFO and CONFIG info, FINE debug, below trace. */
  static org.slf4j.event.Level slf4j(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return org.slf4j.event.Level.ERROR;
    } else if (value >= Level.WARNING.intValue()) {
      return org.slf4j.event.Level.WARN;
    } else if (value >= Level.INFO.intValue()) {
      return org.slf4j.event.Level.INFO;
    } else if (value >= Level.FINE.intValue()) {
      return org.slf4j.event.Level.DEBUG;
    }
    return org.slf4j.event.Level.TRACE;
  }

  /** Levels are the application's logging configuration, not openhtmltopdf's to change. */
  @Override
  public void setLevel(String logger, Level level) {
    // ignored on purpose
  }
}
