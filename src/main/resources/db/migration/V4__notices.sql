-- Conclusion notices (Thông báo kết luận) and the tracking of every assignment per lead agency.
-- Portable SQL: runs unchanged on H2 (MODE=LEGACY) and PostgreSQL.

CREATE TABLE notice (
  id                  VARCHAR(36)   NOT NULL,
  number              VARCHAR(80)   NOT NULL, -- "295/TB-UBND"
  issuer              VARCHAR(40)   NOT NULL, -- agency code of the organisation configuration
  notice_year         INTEGER       NOT NULL, -- year of issued_on: number, issuer and year identify a notice
  issued_on           DATE          NOT NULL,
  meeting_date        DATE,
  signer              VARCHAR(200)  NOT NULL,
  title               VARCHAR(1000) NOT NULL,
  process_instance_id VARCHAR(64),            -- the notice-follow-up instance
  status              VARCHAR(16)   NOT NULL, -- OPEN, CLOSED
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by          VARCHAR(255)  NOT NULL,
  closed_at           TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_notice PRIMARY KEY (id),
  -- the database itself refuses the same notice registered twice, even by two concurrent requests
  CONSTRAINT uq_notice_number UNIQUE (issuer, number, notice_year)
);

CREATE TABLE notice_assignment (
  notice_id   VARCHAR(36)   NOT NULL,
  code        VARCHAR(20)   NOT NULL, -- "3" for mục 3
  position    INTEGER       NOT NULL, -- order in the notice
  kind        VARCHAR(40)   NOT NULL, -- plan, proposal, ..., general
  title       VARCHAR(1000) NOT NULL,
  urgent      BOOLEAN       NOT NULL,
  deadline    DATE,                   -- null: the notice sets no date
  partners    VARCHAR(2000) NOT NULL, -- agency codes separated by commas, empty for none
  CONSTRAINT pk_notice_assignment PRIMARY KEY (notice_id, code),
  CONSTRAINT fk_notice_assignment_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
);

-- One row per (assignment, lead agency): one tracked process each.
CREATE TABLE notice_assignment_lead (
  id                   VARCHAR(36)  NOT NULL,
  notice_id            VARCHAR(36)  NOT NULL,
  assignment_code      VARCHAR(20)  NOT NULL,
  lead_code            VARCHAR(40)  NOT NULL,
  position             INTEGER      NOT NULL, -- order over the whole notice
  process_instance_id  VARCHAR(64),           -- the called assignment process
  due_on               DATE,                  -- the current deadline (after an extension: the new one)
  due_at               TIMESTAMP WITH TIME ZONE, -- end of the deadline in working-day terms; null: no date
  status               VARCHAR(16)  NOT NULL, -- IN_PROGRESS, COMPLETED
  completed_at         TIMESTAMP WITH TIME ZONE,
  extension_requested  BOOLEAN      NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_notice_assignment_lead PRIMARY KEY (id),
  CONSTRAINT uq_notice_assignment_lead UNIQUE (notice_id, assignment_code, lead_code),
  CONSTRAINT fk_notice_assignment_lead_assignment FOREIGN KEY (notice_id, assignment_code)
    REFERENCES notice_assignment (notice_id, code)
);

CREATE INDEX ix_notice_assignment_lead_notice ON notice_assignment_lead (notice_id);
