-- Online rooms, the live part (issue #20): the waiting-room decisions survive a reconnect on any
-- instance (admitted/removed kept per invitation), the recording notice each party acknowledged,
-- the evidence shown in a room (exhibits), the room's recordings in the file store, and the relay
-- of signalling messages too large for a NOTIFY payload between server instances.
ALTER TABLE room_invitation ADD COLUMN admitted_at timestamptz;
ALTER TABLE room_invitation ADD COLUMN removed_at timestamptz;
ALTER TABLE room_invitation ADD COLUMN recording_ack_at timestamptz;

CREATE TABLE room_exhibit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES room(id),
  evidence_id uuid NOT NULL REFERENCES matter_evidence(id),
  note text,
  shown_by_name text NOT NULL,
  shown_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX room_exhibit_room_idx ON room_exhibit (room_id, shown_at);

CREATE TABLE room_recording (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES room(id),
  state text NOT NULL DEFAULT 'recording' CHECK (state IN ('recording', 'stored')),
  content_type text NOT NULL,
  -- Chunks are appended in order (seq) to a temporary file; the finished file is stored by its SHA-256.
  chunks integer NOT NULL DEFAULT 0,
  size_bytes bigint NOT NULL DEFAULT 0,
  sha256 text,
  storage_key text,
  started_by uuid REFERENCES app_user(id),
  started_by_name text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX room_recording_room_idx ON room_recording (room_id, started_at);

-- Signalling messages between instances travel by NOTIFY; one over the payload limit is parked here
-- and its id notified instead (rows older than a minute are removed by the instance that wrote them).
CREATE TABLE room_relay (
  id bigserial PRIMARY KEY,
  payload text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
