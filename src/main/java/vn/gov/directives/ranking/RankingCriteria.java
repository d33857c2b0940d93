package vn.gov.directives.ranking;

import java.math.BigDecimal;
import java.util.List;

/**
 * The six criteria groups of the yearly IT ranking (QĐ 4158/QĐ-UBND of Bình Định, DOMAIN.md section 6) and the
 * criteria scored in each, with their maximum points. The forms it-ranking-self-assessment and it-ranking-review
 * have one number field per criterion key ("c11" … "c62"); RankingFormsTest keeps them in step.
 */
public final class RankingCriteria {

  /** One criterion: key of its form field, its group (1–6), its label and its maximum points. */
  public record Criterion(String key, int group, String label, int maxPoints) {}

  /** One criteria group: number, name, key of its evidence note field ("e1" … "e6"). */
  public record Group(int number, String name) {
    public String evidenceKey() {
      return "e" + number;
    }
  }

  public static final List<Group> GROUPS = List.of(
      new Group(1, "Hạ tầng kỹ thuật công nghệ thông tin"),
      new Group(2, "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan"),
      new Group(3, "Trang/Cổng thông tin điện tử"),
      new Group(4, "Bảo đảm an toàn thông tin"),
      new Group(5, "Cơ chế, chính sách thúc đẩy ứng dụng công nghệ thông tin"),
      new Group(6, "Nhân lực và đầu tư cho công nghệ thông tin"));

  public static final List<Criterion> CRITERIA = List.of(
      new Criterion("c11", 1, "Máy tính, mạng nội bộ, kết nối Internet và mạng truyền số liệu chuyên dùng", 15),
      new Criterion("c12", 1, "Máy chủ, lưu trữ và sao lưu dữ liệu", 10),
      new Criterion("c21", 2, "Văn phòng điện tử, thư điện tử công vụ, chữ ký số", 20),
      new Criterion("c22", 2, "Dịch vụ công trực tuyến mức độ 3, 4", 20),
      new Criterion("c31", 3, "Cung cấp thông tin theo quy định", 10),
      new Criterion("c32", 3, "Cập nhật thường xuyên, hỗ trợ người dùng", 10),
      new Criterion("c41", 4, "Quy chế, phương án bảo đảm an toàn thông tin", 10),
      new Criterion("c42", 4, "Phòng chống mã độc, sao lưu, ứng cứu sự cố", 10),
      new Criterion("c51", 5, "Quy chế, kế hoạch ứng dụng CNTT của cơ quan", 10),
      new Criterion("c52", 5, "Chỉ đạo, kiểm tra, khen thưởng về ứng dụng CNTT", 5),
      new Criterion("c61", 6, "Cán bộ chuyên trách, đào tạo kỹ năng CNTT", 15),
      new Criterion("c62", 6, "Kinh phí đầu tư cho CNTT", 15));

  /** 150: the maximum total, normalised to 100. */
  public static final BigDecimal MAX_TOTAL =
      BigDecimal.valueOf(CRITERIA.stream().mapToInt(Criterion::maxPoints).sum());

  private RankingCriteria() {}

  public static Criterion criterion(String key) {
    return CRITERIA.stream().filter(c -> c.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Tiêu chí '" + key + "' không tồn tại."));
  }

  public static Group group(int number) {
    return GROUPS.get(number - 1);
  }

  /** The key of the reviewer's field for a criterion: "r11" for "c11". */
  public static String reviewKey(Criterion criterion) {
    return "r" + criterion.key().substring(1);
  }
}
