package vn.gov.directives.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The handover checklist: six items each side reports on (form fields {@code <side>_<item>_status} and
 * {@code <side>_<item>_notes}), the check that a side's answers are complete, and the rows of the Biên bản.
 */
public final class HandoverChecklist {

  public static final String RECEIVING = "receiving";
  public static final String HANDING = "handing";

  /** Item key → Vietnamese label, in the order of the Biên bản. */
  public static final Map<String, String> ITEMS = items();

  /** Status value → what the Biên bản prints. */
  public static final Map<String, String> STATUSES = Map.of(
      "done", "Đã hoàn thành", "pending", "Chưa hoàn thành", "na", "Không áp dụng");

  private HandoverChecklist() {}

  private static Map<String, String> items() {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("infrastructure", "Hạ tầng kỹ thuật và nơi lưu trữ (hosting)");
    items.put("accounts", "Tài khoản quản trị và thông tin xác thực");
    items.put("source", "Mã nguồn và cơ sở dữ liệu");
    items.put("domain", "Tên miền");
    items.put("staff", "Nhân sự vận hành");
    items.put("issues", "Các vấn đề còn tồn tại");
    return java.util.Collections.unmodifiableMap(items);
  }

  /** Problems of one side's answers, in Vietnamese; empty when complete. Unfinished items need a note. */
  public static List<String> problems(String side, Function<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    ITEMS.forEach((item, label) -> {
      Object status = variables.apply(side + "_" + item + "_status");
      Object notes = variables.apply(side + "_" + item + "_notes");
      if (status == null || status.toString().isBlank()) {
        problems.add("Chưa chọn tình trạng của mục \"" + label + "\".");
      } else if (!STATUSES.containsKey(status.toString())) {
        problems.add("Tình trạng '" + status + "' của mục \"" + label + "\" không hợp lệ.");
      } else if (status.equals("pending") && (notes == null || notes.toString().isBlank())) {
        problems.add("Mục \"" + label + "\" chưa hoàn thành: cần ghi chú nội dung còn lại và thời hạn xử lý.");
      }
    });
    for (String field : List.of("representativeName", "representativeTitle")) {
      Object value = variables.apply(side + "_" + field);
      if (value == null || value.toString().isBlank()) {
        problems.add(field.equals("representativeName") ? "Thiếu họ tên người đại diện ký biên bản."
            : "Thiếu chức vụ người đại diện ký biên bản.");
      }
    }
    return problems;
  }

  /** One row per item for the Biên bản table: both sides' status and their notes. */
  public static List<Map<String, Object>> rows(Function<String, Object> variables) {
    List<Map<String, Object>> rows = new ArrayList<>();
    ITEMS.forEach((item, label) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("content", label);
      row.put("handingStatus", STATUSES.getOrDefault(text(variables.apply(HANDING + "_" + item + "_status")), ""));
      row.put("receivingStatus", STATUSES.getOrDefault(text(variables.apply(RECEIVING + "_" + item + "_status")), ""));
      List<String> notes = new ArrayList<>();
      String handing = text(variables.apply(HANDING + "_" + item + "_notes"));
      String receiving = text(variables.apply(RECEIVING + "_" + item + "_notes"));
      if (!handing.isBlank()) {
        notes.add("Bên giao: " + handing.strip());
      }
      if (!receiving.isBlank()) {
        notes.add("Bên nhận: " + receiving.strip());
      }
      row.put("notes", String.join("; ", notes));
      rows.add(row);
    });
    return rows;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
