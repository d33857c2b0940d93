-- The frozen content of an issued document (its DocumentLayout as UTF-8 JSON, document/DocumentLayoutJson), written at
-- issue with the DOCX. The PDF is typeset from it on first request and then stored in document_file like any file, so
-- a template edited later never changes a document already issued. Documents issued before this migration have their
-- PDF in document_file and no row here. Portable SQL: H2 (MODE=LEGACY) and PostgreSQL.
CREATE TABLE document_layout (
  document_id VARCHAR(36) NOT NULL,
  -- DocumentLayoutJson.VERSION of the stored form
  layout_version INTEGER NOT NULL,
  -- the name the PDF will carry, e.g. "Báo cáo 07-BC-SKHDT.pdf", fixed at issue like the DOCX's
  pdf_file_name VARCHAR(300) NOT NULL,
  layout BYTEA NOT NULL,
  CONSTRAINT pk_document_layout PRIMARY KEY (document_id),
  CONSTRAINT fk_document_layout_document FOREIGN KEY (document_id) REFERENCES document (id)
);
