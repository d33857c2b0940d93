package vn.gov.directives.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.AgencyKind;

/** Bình Định 2018-2019 agencies and the values the plan-approval process passes. */
final class DocumentFixtures {

  static final LocalDate JAN_05_2019 = LocalDate.of(2019, 1, 5);

  static final Agency STTTT = new Agency("STTTT", "Sở Thông tin và Truyền thông", "Sở TT&TT", "STTTT", "UBND",
      AgencyKind.DEPARTMENT, "UBND TỈNH BÌNH ĐỊNH", "Bình Định", null, null);
  static final Agency UBND = new Agency("UBND", "Ủy ban nhân dân tỉnh Bình Định", "UBND tỉnh", "UBND", null,
      AgencyKind.COMMITTEE, null, "Bình Định", null, null);
  static final Agency VPUBND = new Agency("VPUBND", "Văn phòng UBND tỉnh", "Văn phòng UBND", "VP", "UBND",
      AgencyKind.OTHER, "UBND TỈNH BÌNH ĐỊNH", "Bình Định", null, null);

  static final String PLAN_TITLE =
      "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Bình Định năm 2019";

  private DocumentFixtures() {}

  static Map<String, Object> plan() {
    Map<String, Object> v = new HashMap<>();
    v.put("planTitle", PLAN_TITLE);
    v.put("planYear", 2019);
    v.put("legalBases", List.of(
        "Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006",
        "Nghị định số 64/2007/NĐ-CP ngày 10/4/2007 của Chính phủ về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước;",
        "Căn cứ Quyết định số 900/QĐ-UBND ngày 17/3/2017 của UBND tỉnh phê duyệt Kế hoạch ứng dụng CNTT giai đoạn 2016 - 2020."));
    v.put("objectives", "Nâng cao hiệu quả ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước.\n"
        + "100% văn bản đi được ký số, trừ văn bản mật.\n\n"
        + "Cung cấp dịch vụ công trực tuyến mức độ 3, 4 cho ít nhất 30% thủ tục hành chính.");
    v.put("tasks", "- Hoàn thiện hạ tầng kỹ thuật, mạng diện rộng của tỉnh;\n- Triển khai Hệ thống Văn phòng điện tử đến cấp xã;\n"
        + "- Bảo đảm an toàn, an ninh thông tin.");
    v.put("budget", "Tổng kinh phí dự kiến: 12.500.000.000 đồng (Mười hai tỷ năm trăm triệu đồng), từ ngân sách tỉnh năm 2019.");
    v.put("schedule", "Quý I/2019: triển khai Hệ thống Văn phòng điện tử.\nQuý II - IV/2019: nâng cấp Cổng dịch vụ công.");
    return v;
  }

  static Map<String, Object> toTrinh() {
    Map<String, Object> v = plan();
    v.put("noticeReference", "Thông báo số 295/TB-UBND ngày 26/12/2018 của UBND tỉnh");
    v.put("respondedCount", 29);
    v.put("silentCount", 2);
    v.put("signerName", "Nguyễn Văn Dũng");
    v.put("signerTitle", "Phó Giám đốc");
    v.put("signerDeputy", true);
    return v;
  }

  static Map<String, Object> quyetDinh() {
    Map<String, Object> v = plan();
    v.put("submissionNumber", "01/TTr-STTTT");
    v.put("submissionDate", LocalDate.of(2019, 1, 7));
    v.put("signerName", "Nguyễn Phi Long");
    v.put("signerTitle", "Phó Chủ tịch");
    v.put("signerDeputy", true);
    return v;
  }

  static Map<String, Object> phieuTrinh() {
    Map<String, Object> v = new HashMap<>();
    v.put("planTitle", PLAN_TITLE);
    v.put("submissionNumber", "01/TTr-STTTT");
    v.put("submissionDate", LocalDate.of(2019, 1, 7));
    v.put("submittingAgencyName", "Sở Thông tin và Truyền thông");
    v.put("reviewOpinion", "Hồ sơ đầy đủ theo quy định.\nNội dung Kế hoạch phù hợp với Kế hoạch giai đoạn 2016 - 2020.");
    v.put("proposal", "Đề nghị Phó Chủ tịch UBND tỉnh phê duyệt Kế hoạch.");
    v.put("reviewerName", "Trần Thị Hồng");
    v.put("leaderTitle", "Phó Chủ tịch UBND tỉnh");
    v.put("leaderName", "Nguyễn Phi Long");
    return v;
  }

  static Map<String, Object> baoCao() {
    Map<String, Object> v = new HashMap<>();
    v.put("planTitle", PLAN_TITLE);
    v.put("planYear", 2019);
    v.put("surveyDueDate", LocalDate.of(2019, 1, 4));
    v.put("respondedCount", 2);
    v.put("silentCount", 1);
    List<Map<String, Object>> reports = new ArrayList<>();
    Map<String, Object> snv = new LinkedHashMap<>();
    snv.put("agencyName", "Sở Nội vụ");
    snv.put("status", "Đã báo cáo");
    snv.put("computers", 85);
    snv.put("servers", 2);
    snv.put("network", "LAN, kết nối mạng diện rộng");
    snv.put("itStaff", 1);
    snv.put("eOffice", "Có");
    snv.put("signedShare", 60);
    snv.put("onlineServices", 12);
    snv.put("serviceQuality", "Đường truyền ổn định; phần mềm một cửa đôi khi chậm.");
    snv.put("proposals", "Đề nghị bổ sung 01 máy chủ.");
    reports.add(snv);
    Map<String, Object> stp = new LinkedHashMap<>(snv);
    stp.put("agencyName", "Sở Tư pháp");
    stp.put("computers", 60);
    stp.put("proposals", "Đào tạo cán bộ chuyên trách CNTT.");
    reports.add(stp);
    Map<String, Object> anlao = new LinkedHashMap<>();
    anlao.put("agencyName", "UBND huyện An Lão");
    anlao.put("status", "Không báo cáo");
    reports.add(anlao);
    v.put("reports", reports);
    return v;
  }
}
