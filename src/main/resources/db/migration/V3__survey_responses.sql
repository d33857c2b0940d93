-- Answers of the agencies to the IT status survey of a plan-approval process (one row per agency and process).
CREATE TABLE survey_response (
  process_instance_id VARCHAR(64)   NOT NULL,
  agency_code         VARCHAR(32)   NOT NULL,
  submitted_by        VARCHAR(255),
  submitted_at        TIMESTAMP     NOT NULL,
  computers           INTEGER       NOT NULL,
  servers             INTEGER       NOT NULL,
  network             VARCHAR(2000) NOT NULL,
  it_staff            INTEGER       NOT NULL,
  e_office            BOOLEAN       NOT NULL,
  signed_share        INTEGER       NOT NULL,
  online_services     INTEGER       NOT NULL,
  service_quality     VARCHAR(4000) NOT NULL,
  proposals           VARCHAR(4000),
  CONSTRAINT pk_survey_response PRIMARY KEY (process_instance_id, agency_code)
);
