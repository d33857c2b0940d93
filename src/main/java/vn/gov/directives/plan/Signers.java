package vn.gov.directives.plan;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;

/** Who signs a document: the leader who took the decision, as configured (name, title, deputy or head). */
@Component
public class Signers {

  private final OrganizationDirectory organization;

  public Signers(OrganizationDirectory organization) {
    this.organization = organization;
  }

  /** The configured leader record of the deciding user; else the agency's first configured leader. */
  public Leader signer(String agencyCode, String userId) {
    if (userId != null) {
      var leader = organization.leaderByUserId(userId).filter(found -> found.agencyCode().equals(agencyCode));
      if (leader.isPresent()) {
        return leader.get();
      }
    }
    return organization.leadersOf(agencyCode).stream().findFirst().orElseThrow(() -> new BadUserRequestException(
        "Chưa cấu hình lãnh đạo ký văn bản cho cơ quan " + agencyCode + " (organization YAML, leaders)."));
  }

  public void putSignature(Map<String, Object> values, Leader leader) {
    values.put("signerName", leader.name());
    values.put("signerTitle", leader.title());
    values.put("signerDeputy", leader.deputy());
  }
}
