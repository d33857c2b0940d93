package vn.gov.directives.notice;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * The account of the leader who signed a notice, found from the notice's signer text among the configured leaders
 * of the issuer and of UBND tỉnh. The text is either the name ("Nguyễn Phi Long") or the signature block as printed
 * ("KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Phi Long"), which ends with the name.
 */
@Component
public class NoticeSigners {

  private final OrganizationDirectory organization;

  public NoticeSigners(OrganizationDirectory organization) {
    this.organization = organization;
  }

  public Optional<String> userId(NoticeRecord notice) {
    List<Leader> candidates = new ArrayList<>();
    if (organization.exists(notice.issuer())) {
      candidates.addAll(organization.leadersOf(notice.issuer()));
    }
    if (!notice.issuer().equals(organization.committee())) {
      candidates.addAll(organization.leadersOf(organization.committee()));
    }
    return match(notice.signer(), candidates);
  }

  /** The first leader with an account whose name is the signer text or ends it after a space. */
  static Optional<String> match(String signer, List<Leader> candidates) {
    String wanted = normalized(signer);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    return candidates.stream()
        .filter(leader -> leader.userId() != null && !leader.userId().isBlank())
        .filter(leader -> {
          String name = normalized(leader.name());
          return !name.isEmpty() && (wanted.equals(name) || wanted.endsWith(" " + name));
        })
        .map(Leader::userId)
        .findFirst();
  }

  private static String normalized(String name) {
    return name == null ? "" : Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
  }
}
