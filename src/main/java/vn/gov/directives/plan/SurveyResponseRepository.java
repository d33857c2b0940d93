package vn.gov.directives.plan;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Survey answers, written in the engine's transaction: a rolled-back task completion leaves no answer. */
@Repository
public class SurveyResponseRepository {

  private final JdbcTemplate jdbc;

  public SurveyResponseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws IllegalStateException when the agency has already answered in this process */
  public void save(String processInstanceId, SurveyResponse response) {
    try {
      jdbc.update("INSERT INTO survey_response (process_instance_id, agency_code, submitted_by, submitted_at, computers,"
              + " servers, network, it_staff, e_office, signed_share, online_services, service_quality, proposals)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          processInstanceId, response.agencyCode(), response.submittedBy(), Timestamp.from(response.submittedAt()),
          response.computers(), response.servers(), response.network(), response.itStaff(), response.eOffice(),
          response.signedShare(), response.onlineServices(), response.serviceQuality(), response.proposals());
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("Đơn vị " + response.agencyCode() + " đã gửi báo cáo thực trạng cho hồ sơ này.", e);
    }
  }

  public List<SurveyResponse> findByProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT * FROM survey_response WHERE process_instance_id = ? ORDER BY submitted_at",
        (rs, row) -> new SurveyResponse(rs.getString("agency_code"), rs.getString("submitted_by"),
            rs.getTimestamp("submitted_at").toInstant(), rs.getInt("computers"), rs.getInt("servers"),
            rs.getString("network"), rs.getInt("it_staff"), rs.getBoolean("e_office"), rs.getInt("signed_share"),
            rs.getInt("online_services"), rs.getString("service_quality"), rs.getString("proposals")),
        processInstanceId);
  }
}
