package vn.gov.directives.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
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
    Logger logger = LoggerFactory.getLogger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (value >= Level.INFO.intValue()) {
      logger.info(message, error);
    } else if (value >= Level.FINE.intValue()) {
      logger.debug(message, error);
    } else {
      logger.trace(message, error);
    }
  }

  /** Asked before a message is formatted: a level that is off costs nothing. */
  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int value = diagnostic.getLevel().intValue();
    if (value >= Level.SEVERE.intValue()) {
      return logger.isErrorEnabled();
    } else if (value >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    } else if (value >= Level.INFO.intValue()) {
      return logger.isInfoEnabled();
    } else if (value >= Level.FINE.intValue()) {
      return logger.isDebugEnabled();
    }
    return logger.isTraceEnabled();
  }

  /** Levels are the application's logging configuration, not openhtmltopdf's to change. */
  @Override
  public void setLevel(String logger, Level level) {
    // ignored on purpose
  }
}
