package vn.gov.directives.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One agency's answer to the IT status survey ("Báo cáo thực trạng ứng dụng CNTT"). */
public record SurveyResponse(
    String agencyCode,
    String submittedBy,
    Instant submittedAt,
    int computers,
    int servers,
    String network,
    int itStaff,
    boolean eOffice,
    int signedShare,
    int onlineServices,
    String serviceQuality,
    String proposals) {

  /**
   * Reads the survey form's values and checks them; every problem is listed.
   *
   * @throws PlanRequest.InvalidRequestException when a value is missing or out of range
   */
  public static SurveyResponse from(String agencyCode, String submittedBy, Instant at, Map<String, Object> values) {
    List<String> errors = new ArrayList<>();
    int computers = count(values, "computers", "Số máy tính", 0, 100_000, errors);
    int servers = count(values, "servers", "Số máy chủ", 0, 10_000, errors);
    String network = required(values, "network", "Mạng nội bộ, kết nối Internet", errors);
    int itStaff = count(values, "itStaff", "Số cán bộ chuyên trách CNTT", 0, 10_000, errors);
    Object eOffice = values.get("eOffice");
    if (!"yes".equals(eOffice) && !"no".equals(eOffice)) {
      errors.add("Cần chọn tình trạng sử dụng Văn phòng điện tử.");
    }
    int signedShare = count(values, "signedShare", "Tỷ lệ văn bản đi được ký số (%)", 0, 100, errors);
    int onlineServices = count(values, "onlineServices", "Số dịch vụ công trực tuyến mức độ 3, 4", 0, 10_000, errors);
    String quality = required(values, "serviceQuality", "Đánh giá chất lượng, hiệu quả", errors);
    Object proposals = values.get("proposals");
    if (!errors.isEmpty()) {
      throw new PlanRequest.InvalidRequestException(errors);
    }
    return new SurveyResponse(agencyCode, submittedBy, at, computers, servers, network, itStaff, "yes".equals(eOffice),
        signedShare, onlineServices, quality, proposals == null ? "" : proposals.toString().strip());
  }

  private static int count(Map<String, Object> values, String key, String label, int min, int max, List<String> errors) {
    Object raw = values.get(key);
    if (raw == null || raw.toString().isBlank()) {
      errors.add(label + " không được để trống.");
      return 0;
    }
    double value;
    try {
      value = Double.parseDouble(raw.toString());
    } catch (NumberFormatException e) {
      errors.add(label + " phải là số, không phải '" + raw + "'.");
      return 0;
    }
    if (value != Math.rint(value) || value < min || value > max) {
      errors.add(label + " phải là số nguyên từ " + min + " đến " + max + ", không phải " + raw + ".");
      return 0;
    }
    return (int) value;
  }

  private static String required(Map<String, Object> values, String key, String label, List<String> errors) {
    Object raw = values.get(key);
    if (raw == null || raw.toString().isBlank()) {
      errors.add(label + " không được để trống.");
      return "";
    }
    return raw.toString().strip();
  }
}
