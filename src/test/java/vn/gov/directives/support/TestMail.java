package vn.gov.directives.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free local port for a test class, and the application's mail settings pointed
 * at it. In the test class: {@code static final GreenMail MAIL = TestMail.started();}, a {@code @DynamicPropertySource}
 * method calling {@link #pointMailAt} and an {@code @AfterAll} stopping it.
 */
public final class TestMail {

  private TestMail() {}

  public static GreenMail started() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  public static void pointMailAt(GreenMail mail, DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
  }
}
