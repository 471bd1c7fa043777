-- Foundation: jurisdictions, organisations (1+X), staff with many posts, certificates,
-- server-side sessions, settings, and the append-only hash-chained audit trail.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE jurisdiction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  parent_id uuid REFERENCES jurisdiction(id),
  level text NOT NULL CHECK (level IN ('city', 'county')),
  sort integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organization (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  short_name text NOT NULL,
  agency text NOT NULL CHECK (agency IN ('hrss', 'arbitration', 'inspection', 'union', 'court', 'justice', 'petition')),
  partner_role text NOT NULL CHECK (partner_role IN ('lead', 'partner')),
  parent_id uuid REFERENCES organization(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  address text,
  phone text,
  sort integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organization(id),
  password_hash text NOT NULL,
  phone_enc text,
  phone_hash text,
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));
CREATE INDEX app_user_display_name_trgm ON app_user USING gin (display_name gin_trgm_ops);

CREATE TABLE user_role (
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role text NOT NULL,
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  PRIMARY KEY (user_id, role, jurisdiction_id)
);

CREATE TABLE certificate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  type text NOT NULL,
  number text NOT NULL,
  issuer text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from),
  UNIQUE (type, number)
);
CREATE INDEX certificate_user_idx ON certificate (user_id);

CREATE TABLE session (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  label text NOT NULL,
  basis text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Audit trail: append-only, each row hash-chained to the previous one. audit_head holds the
-- latest seq and hash so that deleting the newest rows is detected too.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  actor_role text,
  ip text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'GENESIS');

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
