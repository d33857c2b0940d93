package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON a sending system writes, checked without Spring or the engine. */
class NoticeParserTest {

  static final Set<String> AGENCIES = Set.of("UBND", "VPUBND", "STTTT", "SNV", "STP", "SKHDT", "STC", "CAT", "SDL",
      "QUYNHON");
  final NoticeParser parser = new NoticeParser(AGENCIES::contains);
  final ObjectMapper mapper = new ObjectMapper();

  static String seed() throws IOException {
    try (InputStream in = NoticeParserTest.class.getResourceAsStream("/notices/notice-295-TB-UBND-2018.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  ObjectNode small() throws IOException {
    return (ObjectNode) mapper.readTree("""
        {"number": "12/TB-UBND", "issuedOn": "2019-03-01", "issuer": "UBND", "meetingDate": "2019-02-28",
         "signer": "Nguyễn Phi Long", "title": "Kết luận cuộc họp",
         "assignments": [
           {"code": "1", "kind": "general", "title": "Việc một", "leads": ["STTTT"], "partners": ["SNV"],
            "deadline": "2019-03-15", "urgent": true},
           {"code": "2", "kind": "budget", "title": "Việc hai", "leads": ["SKHDT", "STC"], "partners": [],
            "deadline": null, "urgent": false}]}
        """);
  }

  List<FieldError> errorsOf(String body) {
    InvalidNoticeException e = catchThrowableOfType(InvalidNoticeException.class, () -> parser.parse(body));
    assertThat(e).as("the request must be refused").isNotNull();
    return e.errors();
  }

  @Test
  void readsNotice295WithItsTwelveAssignmentsAndTwentyThreeLeads() throws IOException {
    NoticeParser real = new NoticeParser(code -> !code.isBlank()); // every code of the seed is configured
    NoticeRequest notice = real.parse(seed());
    assertThat(notice.number()).isEqualTo("295/TB-UBND");
    assertThat(notice.issuedOn()).isEqualTo(LocalDate.of(2018, 12, 26));
    assertThat(notice.year()).isEqualTo(2018);
    assertThat(notice.assignments()).hasSize(12);
    assertThat(notice.leadCount()).isEqualTo(23);
    NoticeRequest.Assignment nine = notice.assignments().get(8);
    assertThat(nine.kind()).isEqualTo(AssignmentKind.HANDOVER);
    assertThat(nine.deadline()).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(nine.leads()).containsExactly("VPUBND");
    assertThat(notice.assignments().get(11).kind()).isEqualTo(AssignmentKind.DISTRICT_FUNDING);
    assertThat(notice.assignments().get(0).deadline()).isNull();
  }

  @Test
  void listsEveryProblemAtOnceWithItsPath() throws IOException {
    ObjectNode notice = small();
    notice.put("issuer", "UBNDX");
    ObjectNode first = (ObjectNode) notice.get("assignments").get(0);
    first.put("kind", "meeting");
    first.put("deadline", "2019-02-20"); // before the notice date
    ((ArrayNode) first.get("partners")).add("SXYZ");
    ObjectNode second = (ObjectNode) notice.get("assignments").get(1);
    ((ArrayNode) second.get("leads")).set(1, mapper.getNodeFactory().textNode("NOPE"));
    List<FieldError> errors = errorsOf(notice.toString());
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
        "issuer", "assignments[0].kind", "assignments[0].deadline", "assignments[0].partners[1]",
        "assignments[1].leads[1]");
    assertThat(errors).filteredOn(e -> e.field().equals("assignments[1].leads[1]")).singleElement()
        .extracting(FieldError::message).asString().contains("NOPE", "không tồn tại");
    assertThat(errors).filteredOn(e -> e.field().equals("assignments[0].kind")).singleElement()
        .extracting(FieldError::message).asString().contains("meeting", "district-funding");
    assertThat(errors).filteredOn(e -> e.field().equals("assignments[0].deadline")).singleElement()
        .extracting(FieldError::message).asString().contains("2019-02-20", "trước ngày thông báo");
  }

  @Test
  void missingFieldsAreEachNamed() {
    List<FieldError> errors = errorsOf("""
        {"assignments": [{"code": "1", "title": "  "}]}""");
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
        "number", "issuedOn", "issuer", "signer", "title",
        "assignments[0].kind", "assignments[0].title", "assignments[0].leads");
  }

  @Test
  void emptyAssignmentListIsRefused() throws IOException {
    ObjectNode notice = small();
    notice.putArray("assignments");
    assertThat(errorsOf(notice.toString())).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("assignments");
      assertThat(e.message()).contains("ít nhất một nhiệm vụ");
    });
  }

  @Test
  void duplicateAssignmentCodesAreRefused() throws IOException {
    ObjectNode notice = small();
    ((ObjectNode) notice.get("assignments").get(1)).put("code", "1");
    assertThat(errorsOf(notice.toString())).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("assignments[1].code");
      assertThat(e.message()).contains("1", "trùng");
    });
  }

  @Test
  void malformedAndImpossibleDatesAreRefused() throws IOException {
    ObjectNode notice = small();
    notice.put("issuedOn", "01/03/2019");
    notice.put("meetingDate", "2019-02-30");
    ((ObjectNode) notice.get("assignments").get(1)).put("deadline", "2019-13-01");
    ((ObjectNode) notice.get("assignments").get(0)).put("deadline", 20190315);
    List<FieldError> errors = errorsOf(notice.toString());
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
        "issuedOn", "meetingDate", "assignments[1].deadline", "assignments[0].deadline");
    assertThat(errors).filteredOn(e -> e.field().equals("meetingDate")).singleElement()
        .extracting(FieldError::message).asString().contains("2019-02-30", "ngày phải có thật");
  }

  @Test
  void unknownFieldsAreRefusedNotIgnored() throws IOException {
    ObjectNode notice = small();
    notice.put("signedBy", "x");
    ((ObjectNode) notice.get("assignments").get(0)).put("deadLine", "2019-04-01");
    assertThat(errorsOf(notice.toString())).extracting(FieldError::field)
        .containsExactlyInAnyOrder("signedBy", "assignments[0].deadLine");
  }

  @Test
  void duplicatedJsonKeysAreOneError() {
    List<FieldError> errors = errorsOf("""
        {"number": "12/TB-UBND", "number": "13/TB-UBND", "assignments": []}""");
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.field()).isEmpty();
      assertThat(e.message()).contains("lặp", "number");
    });
  }

  @Test
  void malformedJsonIsOneError() {
    assertThat(errorsOf("{\"number\": \"12/TB-UBND\", ")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("không phải JSON hợp lệ"));
    assertThat(errorsOf("")).singleElement().satisfies(e -> assertThat(e.message()).contains("JSON rỗng"));
    assertThat(errorsOf("[1, 2]")).singleElement().satisfies(e -> assertThat(e.message()).contains("đối tượng"));
    assertThat(errorsOf("{} {}")).singleElement().satisfies(e -> assertThat(e.message()).contains("JSON"));
  }

  @Test
  void wrongTypesAndPlanWithoutDeadlineAreRefused() throws IOException {
    ObjectNode notice = small();
    ObjectNode first = (ObjectNode) notice.get("assignments").get(0);
    first.put("urgent", "yes");
    first.put("leads", "STTTT");
    ObjectNode second = (ObjectNode) notice.get("assignments").get(1);
    second.put("kind", "plan");
    second.putArray("partners").add("SKHDT");
    List<FieldError> errors = errorsOf(notice.toString());
    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
        "assignments[0].urgent", "assignments[0].leads", "assignments[1].deadline", "assignments[1].partners");
  }
}
