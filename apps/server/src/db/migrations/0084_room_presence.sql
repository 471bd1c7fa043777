-- Presence of the participants of the online rooms (issue #20): one row per signalling socket, kept by
-- the instance holding the socket, which renews expires_at while the socket answers its pings. A row
-- whose instance stopped renewing it (the process was killed) expires; any live instance removes it
-- and tells the room the participant left, who may then reconnect through another instance.
CREATE TABLE room_presence (
  peer_id text PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES room(id),
  identity text NOT NULL,
  instance text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX room_presence_expiry_idx ON room_presence (expires_at);
