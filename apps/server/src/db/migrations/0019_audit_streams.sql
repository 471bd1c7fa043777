-- Audit trail in independent hash chains ("streams") instead of one chain behind one locked head
-- row, so that concurrent transactions no longer queue on a single row. Each committing
-- transaction appends all its entries to ONE stream it locks last (see platform/audit.ts).
-- Stream 0 keeps the chain written before this migration (plain SHA-256, closed to new entries);
-- streams 1..16 are keyed with HMAC-SHA-256 (AUDIT_KEY). audit_stream holds each stream's head so
-- that deleting the newest rows of a stream is detected; exported anchors cover the heads.

CREATE TABLE audit_stream (
  id smallint PRIMARY KEY CHECK (id >= 0),
  seq bigint NOT NULL,
  hash text NOT NULL,
  alg text NOT NULL CHECK (alg IN ('sha256', 'hmac-sha256'))
);
INSERT INTO audit_stream (id, seq, hash, alg) SELECT 0, seq, hash, 'sha256' FROM audit_head;
INSERT INTO audit_stream (id, seq, hash, alg)
  SELECT g, 0, 'GENESIS', 'hmac-sha256' FROM generate_series(1, 16) AS g;
DROP TABLE audit_head;

ALTER TABLE audit_log ADD COLUMN stream smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN stream_seq bigint;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET stream_seq = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
ALTER TABLE audit_log ALTER COLUMN stream_seq SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN stream DROP DEFAULT;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_stream_seq_key UNIQUE (stream, stream_seq);

-- The global seq only orders the admin search page; it is no longer part of any hash.
CREATE SEQUENCE audit_log_seq_seq OWNED BY audit_log.seq;
SELECT setval('audit_log_seq_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq');

-- TRUNCATE bypasses row triggers: refuse it too (restore runs with triggers off, as the owner).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Stream 0 is closed: nothing may be appended to the unkeyed chain.
CREATE FUNCTION audit_log_stream_closed() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit stream 0 is closed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_stream0_closed BEFORE INSERT ON audit_log
  FOR EACH ROW WHEN (NEW.stream = 0) EXECUTE FUNCTION audit_log_stream_closed();
