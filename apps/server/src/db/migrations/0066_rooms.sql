-- Online rooms (issue #20): a video/phone mediation session or hearing of one case, the parties
-- invited to it (per-room code, preference and adjustments recorded when it was scheduled), and the
-- signatures on its record (笔录). Chat and exhibits are matter events (the case timeline).
CREATE TABLE room (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES track_case(id),
  matter_id uuid NOT NULL REFERENCES matter(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  kind text NOT NULL CHECK (kind IN ('mediation', 'hearing')),
  format text NOT NULL CHECK (format IN ('in_person', 'video', 'phone', 'written')),
  starts_at timestamptz NOT NULL,
  place text,
  state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'open', 'closed')),
  recording_opt_in boolean NOT NULL DEFAULT false,
  record_text text NOT NULL DEFAULT '',
  record_state text NOT NULL DEFAULT 'drafting' CHECK (record_state IN ('drafting', 'signing', 'issued')),
  record_sha256 text,
  document_id uuid REFERENCES document(id),
  created_by uuid REFERENCES app_user(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX room_case_idx ON room (case_id, starts_at);
CREATE INDEX room_matter_idx ON room (matter_id);

CREATE TABLE room_invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES room(id),
  party_id uuid NOT NULL REFERENCES party(id),
  role text NOT NULL CHECK (role IN ('worker', 'employer')),
  name text NOT NULL,
  preference text NOT NULL CHECK (preference IN ('in_person', 'video', 'phone', 'written')),
  adjustments jsonb NOT NULL DEFAULT '[]',
  adjustment_note text,
  -- The per-room code: only its keyed hash is kept; the SMS carrying it waits encrypted and is cleared once sent.
  code_hash text NOT NULL,
  sms_phone_enc text,
  sms_body_enc text,
  sms_state text NOT NULL DEFAULT 'pending' CHECK (sms_state IN ('pending', 'sent', 'logged', 'failed', 'no_phone')),
  sms_error text,
  -- The portal session that proved the code (entry needs that session).
  entered_session text,
  entered_at timestamptz,
  code_attempts integer NOT NULL DEFAULT 0,
  UNIQUE (room_id, party_id)
);

CREATE TABLE room_signature (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES room(id),
  invitation_id uuid REFERENCES room_invitation(id),
  user_id uuid REFERENCES app_user(id),
  signer_name text NOT NULL,
  signer_role text NOT NULL CHECK (signer_role IN ('presiding', 'clerk', 'worker', 'employer')),
  outcome text NOT NULL CHECK (outcome IN ('signed', 'refused')),
  -- The record as it was signed (sha256 of its text) and the handwritten signature (PNG, base64) with its hash.
  record_sha256 text NOT NULL,
  signature_png text,
  signature_sha256 text,
  refusal_reason text,
  signed_at timestamptz NOT NULL DEFAULT now(),
  ip text
);
CREATE UNIQUE INDEX room_signature_party_idx ON room_signature (room_id, invitation_id) WHERE invitation_id IS NOT NULL;
CREATE UNIQUE INDEX room_signature_staff_idx ON room_signature (room_id, user_id) WHERE user_id IS NOT NULL;
