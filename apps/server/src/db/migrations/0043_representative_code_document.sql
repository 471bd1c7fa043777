-- 单位代表码 printed on the 应诉通知书 (issue #15 item 5): the code of an issued notice is derived from
-- the document with the installation's lookup key, so only its hash is stored (code_hash) and the
-- printed PDF is the only place the code itself exists. A newer code for the same employer of the
-- same matter (a re-issued notice, or one issued by staff) supersedes the older unredeemed ones.
ALTER TABLE portal_representative_code
  ADD COLUMN document_id uuid REFERENCES document(id),
  ADD COLUMN superseded_at timestamptz;
CREATE UNIQUE INDEX portal_representative_code_document
  ON portal_representative_code (document_id) WHERE document_id IS NOT NULL;
