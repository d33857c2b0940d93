package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

  @Test
  void theProviderFoundOnceIsPinned_andMailStillDecodesVietnamese() throws Exception {
    String pinned = MailStreamProvider.pin();

    assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo(pinned);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(pinned);
    // a second call keeps what is there (also a provider an administrator chose explicitly)
    assertThat(MailStreamProvider.pin()).isEqualTo(pinned);
    String subject = "[Nhắc việc] Còn 3 ngày làm việc";
    assertThat(MimeUtility.decodeText(MimeUtility.encodeText(subject, "UTF-8", "B"))).isEqualTo(subject);
  }
}
