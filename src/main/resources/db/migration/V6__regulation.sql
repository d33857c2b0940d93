-- Regulation and directive drafting (process assignment-regulation). Each opinion and each vote is its own row, so
-- parallel tasks (one per partner agency, one per committee member) never write the same process variable.

-- Opinions on a draft: a partner agency's answer (agree / comment), a partner silent at the deadline (deemed),
-- a public comment entered by the lead; then the lead's answer (accepted / explained).
CREATE TABLE regulation_opinion (
  id                  VARCHAR(36)   NOT NULL,
  process_instance_id VARCHAR(64)   NOT NULL,
  -- display order: partners first, in the order they were consulted, then public comments as entered
  sort_group          INTEGER       NOT NULL,
  seq                 INTEGER       NOT NULL,
  source              VARCHAR(20)   NOT NULL,
  author_code         VARCHAR(40),
  author_name         VARCHAR(500)  NOT NULL,
  opinion             VARCHAR(20)   NOT NULL,
  comments            VARCHAR(4000),
  recorded_by         VARCHAR(255),
  recorded_at         TIMESTAMP     NOT NULL,
  answer              VARCHAR(20),
  answer_text         VARCHAR(4000),
  CONSTRAINT pk_regulation_opinion PRIMARY KEY (id),
  CONSTRAINT uq_regulation_opinion_order UNIQUE (process_instance_id, sort_group, seq)
);

-- The phiếu lấy ý kiến thành viên UBND of a legal normative decision: one row per member and vote round.
CREATE TABLE regulation_vote (
  process_instance_id VARCHAR(64)   NOT NULL,
  vote_round          INTEGER       NOT NULL,
  member_user_id      VARCHAR(255)  NOT NULL,
  member_name         VARCHAR(500)  NOT NULL,
  member_title        VARCHAR(500)  NOT NULL,
  vote                VARCHAR(20)   NOT NULL,
  opinion             VARCHAR(4000),
  voted_at            TIMESTAMP     NOT NULL,
  CONSTRAINT pk_regulation_vote PRIMARY KEY (process_instance_id, vote_round, member_user_id)
);
