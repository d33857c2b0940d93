-- The yearly IT ranking (process it-ranking): one round per process instance, one row per ranked unit, the points
-- per criterion (self-assessed and reviewed by Sở TT&TT) and the evidence notes per criteria group.
-- Portable SQL: runs unchanged on H2 (MODE=LEGACY) and PostgreSQL.

CREATE TABLE ranking_round (
  process_instance_id VARCHAR(64)   NOT NULL,
  ranking_year        INTEGER       NOT NULL,
  status              VARCHAR(16)   NOT NULL, -- SCORING, OBJECTIONS, SUBMITTED, PUBLISHED, REJECTED
  levels_version      VARCHAR(80),            -- DMN it-ranking-level version used: "versionTag 2018 (v1)"
  decision_number     VARCHAR(80),
  decision_date       DATE,
  decision_document   VARCHAR(36),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_ranking_round PRIMARY KEY (process_instance_id)
);
CREATE INDEX ix_ranking_round_year ON ranking_round (ranking_year, status);

CREATE TABLE ranking_unit (
  process_instance_id VARCHAR(64)   NOT NULL,
  unit_code           VARCHAR(32)   NOT NULL,
  unit_name           VARCHAR(255)  NOT NULL,
  unit_group          VARCHAR(16)   NOT NULL, -- AGENCY, DISTRICT
  position            INTEGER       NOT NULL, -- order in the organisation configuration
  self_status         VARCHAR(16)   NOT NULL, -- PENDING, SUBMITTED, MISSING (not sent in time)
  self_assessed_by    VARCHAR(255),
  self_assessed_at    TIMESTAMP WITH TIME ZONE,
  review_status       VARCHAR(16)   NOT NULL, -- PENDING, ACCEPTED, ADJUSTED
  review_reason       VARCHAR(4000),
  reviewed_by         VARCHAR(255),
  reviewed_at         TIMESTAMP WITH TIME ZONE,
  score               NUMERIC(7,2),           -- reviewed total normalised to 100
  level_name          VARCHAR(32),            -- Tốt, Khá, Trung bình, Yếu (DMN it-ranking-level)
  unit_rank           INTEGER,                -- within its group
  objection           VARCHAR(4000),          -- the unit's objection to the draft results
  objection_outcome   VARCHAR(16),            -- UPHELD (points changed), DISMISSED
  objection_answer    VARCHAR(4000),          -- Sở TT&TT's answer
  CONSTRAINT pk_ranking_unit PRIMARY KEY (process_instance_id, unit_code),
  CONSTRAINT fk_ranking_unit_round FOREIGN KEY (process_instance_id) REFERENCES ranking_round (process_instance_id)
);

CREATE TABLE ranking_score (
  process_instance_id VARCHAR(64)   NOT NULL,
  unit_code           VARCHAR(32)   NOT NULL,
  criterion           VARCHAR(8)    NOT NULL, -- c11 .. c62 (RankingCriteria)
  self_points         NUMERIC(6,2),           -- null: the unit did not assess itself
  reviewed_points     NUMERIC(6,2),           -- null until Sở TT&TT has reviewed
  CONSTRAINT pk_ranking_score PRIMARY KEY (process_instance_id, unit_code, criterion),
  CONSTRAINT fk_ranking_score_unit FOREIGN KEY (process_instance_id, unit_code)
    REFERENCES ranking_unit (process_instance_id, unit_code)
);

CREATE TABLE ranking_evidence (
  process_instance_id VARCHAR(64)   NOT NULL,
  unit_code           VARCHAR(32)   NOT NULL,
  criteria_group      INTEGER       NOT NULL, -- 1 .. 6
  note                VARCHAR(4000) NOT NULL,
  CONSTRAINT pk_ranking_evidence PRIMARY KEY (process_instance_id, unit_code, criteria_group),
  CONSTRAINT fk_ranking_evidence_unit FOREIGN KEY (process_instance_id, unit_code)
    REFERENCES ranking_unit (process_instance_id, unit_code)
);
