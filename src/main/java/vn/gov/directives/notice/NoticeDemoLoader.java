package vn.gov.directives.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Demo profile ({@code app.notices.demo: true}): registers notice 295/TB-UBND on first start, moved so that it was
 * issued on the latest working day before today ({@code app.notices.demo-keep-original-dates: true} keeps the 2018
 * dates). Idempotent: a notice already registered with the same issuer, number and year is left alone.
 */
@Component
@Order(100) // after the organisation and its demo users
public class NoticeDemoLoader implements ApplicationRunner {

  public static final String DEMO_NOTICE = "/notices/notice-295-TB-UBND-2018.json";
  public static final String DEMO_USER = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(NoticeDemoLoader.class);

  private final NoticeRegistry registry;
  private final NoticeRepository repository;
  private final NoticeParser parser;
  private final DemoDates demoDates;
  private final boolean enabled;
  private final boolean keepOriginalDates;

  public NoticeDemoLoader(NoticeRegistry registry, NoticeRepository repository, OrganizationDirectory organization,
      WorkingCalendar calendar,
      @Value("${app.notices.demo:false}") boolean enabled,
      @Value("${app.notices.demo-keep-original-dates:false}") boolean keepOriginalDates) {
    this.registry = registry;
    this.repository = repository;
    this.parser = new NoticeParser(organization::exists);
    this.demoDates = new DemoDates(calendar);
    this.enabled = enabled;
    this.keepOriginalDates = keepOriginalDates;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled) {
      try {
        load(keepOriginalDates);
      } catch (RuntimeException e) {
        // demo data must not keep the product from starting; the registration rolled back whole
        LOG.error("Demo notice 295/TB-UBND could not be registered: {}", e.getMessage(), e);
      }
    }
  }

  /** @return the id of the registered notice, or of the one already there */
  public String load(boolean keepOriginal) {
    NoticeRequest seed = parser.parse(seedText());
    NoticeRequest notice = keepOriginal ? seed : demoDates.shift(seed, VietnamTime.today());
    // once loaded, a restart in another year must not load it again: the demo user's registration is the marker
    return repository.findRegisteredBy(notice.issuer(), notice.number(), DEMO_USER)
        .or(() -> repository.findByNumber(notice.issuer(), notice.number(), notice.year())).map(existing -> {
      LOG.info("Demo notice {} already registered ({})", notice.number(), existing.id());
      return existing.id();
    }).orElseGet(() -> {
      NoticeRegistry.Registration registration = registry.register(notice, DEMO_USER);
      LOG.info("Demo notice {} registered, issued on {}: {} tracked processes", notice.number(), notice.issuedOn(),
          registration.assignments().size());
      return registration.id();
    });
  }

  private static String seedText() {
    try (InputStream in = NoticeDemoLoader.class.getResourceAsStream(DEMO_NOTICE)) {
      if (in == null) {
        throw new IllegalStateException("Thiếu tệp dữ liệu mẫu " + DEMO_NOTICE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
