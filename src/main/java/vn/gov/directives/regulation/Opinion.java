package vn.gov.directives.regulation;

import java.time.Instant;

/**
 * One opinion on a draft, as the Bảng tổng hợp ý kiến góp ý prints it.
 *
 * @param sortGroup 0 for partner agencies (in the order consulted), 1 for public comments (as entered)
 * @param authorCode agency code of a partner; null for a public comment
 * @param answer the lead's answer, null until given (and for opinions that need none)
 */
public record Opinion(String id, int sortGroup, int seq, Kind kind, String authorCode, String authorName,
    String comments, Answer answer, String answerText, Instant recordedAt) {

  public static final int PARTNERS = 0;
  public static final int PUBLIC = 1;

  /** What the author said. */
  public enum Kind {
    AGREE("agree"), COMMENT("comment"), DEEMED("deemed"), PUBLIC("public");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Kind parse(String code) {
      for (Kind kind : values()) {
        if (kind.code.equals(code)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("Ý kiến '" + code + "' không hợp lệ; chọn Thống nhất hoặc Có ý kiến góp ý.");
    }
  }

  /** How the lead dealt with a comment. */
  public enum Answer {
    ACCEPTED("accepted", "Tiếp thu"), EXPLAINED("explained", "Giải trình");

    private final String code;
    private final String label;

    Answer(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Answer parse(String code) {
      for (Answer answer : values()) {
        if (answer.code.equals(code)) {
          return answer;
        }
      }
      return null;
    }
  }

  /** Comments must be accepted or explained; an agreement (also a deemed one) needs no answer. */
  public boolean needsAnswer() {
    return kind == Kind.COMMENT || kind == Kind.PUBLIC;
  }
}
