package vn.gov.directives.notice;

import java.util.List;
import vn.gov.directives.organization.ConfiguredOrganization;

/**
 * Who registers notices and manages their deadlines and reports: any group of the review office (Văn phòng UBND:
 * VPUBND-chuyen-vien, VPUBND-lanh-dao, …) or an administrator. One rule for the API and for Tasklist.
 */
final class NoticeManagers {

  private NoticeManagers() {}

  static boolean mayManage(List<String> groupIds, String reviewOffice) {
    String prefix = reviewOffice + "-";
    return groupIds.stream().anyMatch(group -> group.equals(ConfiguredOrganization.ADMIN_GROUP)
        || group.startsWith(prefix));
  }
}
