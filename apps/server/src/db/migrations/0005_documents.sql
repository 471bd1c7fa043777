-- Official documents (文书): drafts, issue with a gap-free 文号, the issued PDF's SHA-256 and a
-- public verification code, corrections as new versions, service records (送达), issuer seals and
-- the number patterns (data, with their basis).

CREATE TABLE document_number_pattern (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer_org_id uuid NOT NULL REFERENCES organization(id),
  -- a document type, or '*' for the issuer's default pattern
  type text NOT NULL,
  pattern text NOT NULL,
  basis text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer_org_id, type)
);

CREATE TABLE document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL CHECK (subject_type IN ('matter', 'case', 'other')),
  subject_id uuid NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  -- correction version: 1 for the original, n+1 for the correction that supersedes version n
  version integer NOT NULL DEFAULT 1,
  supersedes_id uuid UNIQUE REFERENCES document(id),
  correction_reason text,
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'pending', 'rendering', 'ready', 'failed', 'issued', 'superseded')),
  fields jsonb NOT NULL,
  issuer_org_id uuid NOT NULL REFERENCES organization(id),
  number text,
  issued_date date,
  issued_at timestamptz,
  issued_by uuid REFERENCES app_user(id),
  sha256 text,
  short_code text UNIQUE CHECK (short_code ~ '^[A-Z0-9]{8}$'),
  pdf_key text,
  docx_key text,
  rendered_at timestamptz,
  render_error text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  CHECK ((number IS NULL) = (short_code IS NULL)),
  CHECK (sha256 IS NULL OR number IS NOT NULL)
);
CREATE INDEX document_subject_idx ON document (subject_type, subject_id, created_at);
CREATE UNIQUE INDEX document_issuer_number_key ON document (issuer_org_id, number) WHERE number IS NOT NULL;
CREATE INDEX document_sha256_idx ON document (sha256) WHERE sha256 IS NOT NULL;

-- Once issued (sha256 set) a document's content never changes: only issued → superseded may happen.
CREATE FUNCTION document_issued_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.number IS NOT NULL THEN RAISE EXCEPTION 'issued document % cannot be deleted', OLD.id; END IF;
    RETURN OLD;
  END IF;
  IF OLD.sha256 IS NOT NULL AND (
       NEW.fields IS DISTINCT FROM OLD.fields OR NEW.type IS DISTINCT FROM OLD.type
    OR NEW.title IS DISTINCT FROM OLD.title OR NEW.number IS DISTINCT FROM OLD.number
    OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.pdf_key IS DISTINCT FROM OLD.pdf_key
    OR NEW.short_code IS DISTINCT FROM OLD.short_code OR NEW.issuer_org_id IS DISTINCT FROM OLD.issuer_org_id
    OR NEW.issued_date IS DISTINCT FROM OLD.issued_date OR NEW.subject_id IS DISTINCT FROM OLD.subject_id
    OR NOT (NEW.state = OLD.state OR (OLD.state = 'issued' AND NEW.state = 'superseded'))) THEN
    RAISE EXCEPTION 'issued document % is immutable', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER document_immutable BEFORE UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION document_issued_immutable();

CREATE TABLE document_service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES document(id),
  recipient text NOT NULL,
  recipient_role text,
  method text NOT NULL CHECK (method IN ('in_person', 'electronic', 'post', 'public_notice')),
  place text,
  consent_ref text,
  tracking_no text,
  notice_date date,
  served_at timestamptz,
  first_opened_at timestamptz,
  signer text,
  refusal_reason text,
  witnesses text,
  note text,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'served', 'refused', 'returned')),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  CHECK (method <> 'electronic' OR consent_ref IS NOT NULL),
  CHECK (method <> 'post' OR tracking_no IS NOT NULL),
  CHECK (method <> 'public_notice' OR notice_date IS NOT NULL)
);
CREATE INDEX document_service_document_idx ON document_service (document_id, created_at);

CREATE TABLE organization_seal (
  organization_id uuid PRIMARY KEY REFERENCES organization(id),
  png bytea NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES app_user(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
