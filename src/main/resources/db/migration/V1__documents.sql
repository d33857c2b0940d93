-- Issued administrative documents and their number register (Decree 30/2020/NĐ-CP).
-- Portable SQL: runs unchanged on H2 (MODE=LEGACY) and PostgreSQL. BYTEA is PostgreSQL's binary type and an alias
-- of VARBINARY (up to 1 GB) in H2.

-- One row per series: per issuing agency, per type (or '*' for one shared series) and per year.
-- Issuing a number is "UPDATE ... SET last_number = last_number + 1" in the caller's transaction: the row lock
-- serialises concurrent issues and a rollback gives the number back.
CREATE TABLE document_register (
  issuing_agency VARCHAR(40) NOT NULL,
  series VARCHAR(40) NOT NULL,
  register_year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  CONSTRAINT pk_document_register PRIMARY KEY (issuing_agency, series, register_year)
);

CREATE TABLE document (
  id VARCHAR(36) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  type VARCHAR(40) NOT NULL,
  template VARCHAR(100) NOT NULL,
  issuing_agency VARCHAR(40) NOT NULL,
  -- register series and serial: null for unnumbered drafts and internal forms
  register_series VARCHAR(40),
  register_year INTEGER,
  serial INTEGER,
  number VARCHAR(80),
  symbol VARCHAR(80),
  title VARCHAR(1000) NOT NULL,
  issued_on DATE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_document PRIMARY KEY (id),
  -- the database itself refuses a number issued twice
  CONSTRAINT uq_document_number UNIQUE (issuing_agency, register_series, register_year, serial)
);

CREATE INDEX ix_document_process ON document (process_instance_id);

CREATE TABLE document_file (
  document_id VARCHAR(36) NOT NULL,
  format VARCHAR(10) NOT NULL,
  file_name VARCHAR(300) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  content BYTEA NOT NULL,
  CONSTRAINT pk_document_file PRIMARY KEY (document_id, format),
  CONSTRAINT fk_document_file_document FOREIGN KEY (document_id) REFERENCES document (id)
);
