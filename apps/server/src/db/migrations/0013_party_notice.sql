-- Notices to parties (not staff users): e.g. the inspection result told to the complainant
-- (《保障农民工工资支付条例》第十条第三款). The phone number is never copied here: the delivery worker
-- decrypts it from the party record (or the named reporter's record) at send time. SMS rows are
-- delivered by the same job as the staff SMS outbox, with the same retries; other channels (telephone,
-- mail, in person) and anonymous reporters are only recorded.
CREATE TABLE party_notice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  party_id uuid REFERENCES party (id),
  reporter_case_id uuid,
  recipient_label text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'phone', 'mail', 'in_person', 'none')),
  template text NOT NULL,
  body text NOT NULL,
  document_id uuid,
  state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'recorded')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz,
  last_error text,
  sent_at timestamptz,
  provider_ref text,
  dedupe_key text NOT NULL UNIQUE,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX party_notice_delivery_idx ON party_notice (next_attempt_at) WHERE state = 'pending';
CREATE INDEX party_notice_subject_idx ON party_notice (subject_type, subject_id);
