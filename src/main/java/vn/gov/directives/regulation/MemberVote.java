package vn.gov.directives.regulation;

/** One answer on the phiếu lấy ý kiến thành viên UBND. */
public record MemberVote(String userId, Choice choice, String opinion) {

  /** Đồng ý / Không đồng ý / Ý kiến khác. */
  public enum Choice {
    AGREE("agree", "Đồng ý"), DISAGREE("disagree", "Không đồng ý"), OTHER("other", "Ý kiến khác");

    private final String code;
    private final String label;

    Choice(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Choice parse(Object code) {
      for (Choice choice : values()) {
        if (choice.code.equals(code)) {
          return choice;
        }
      }
      throw new IllegalArgumentException("Biểu quyết '" + (code == null ? "" : code)
          + "' không hợp lệ; chọn Đồng ý, Không đồng ý hoặc Ý kiến khác.");
    }
  }
}
