-- Portal sign-in codes go through the one job queue (issue #15 item 3): the SMS is a job of kind
-- 'sms.portal_code', like every other SMS. The text holds the code, so it is kept encrypted only until
-- the message leaves (then cleared); the code itself stays stored only as its keyed hash (code_hash).
ALTER TABLE portal_code
  ADD COLUMN phone_enc text,
  ADD COLUMN body_enc text,
  ADD COLUMN state text NOT NULL DEFAULT 'sent'
    CHECK (state IN ('pending', 'sent', 'logged', 'failed')),
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN last_error text;
