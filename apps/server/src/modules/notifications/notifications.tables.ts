import type { Generated } from 'kysely';

export type PartyNoticeChannel = 'sms' | 'phone' | 'mail' | 'in_person' | 'none';
/** 'logged': no SMS provider is configured, the message went to the log only (NOT delivered). */
export type PartyNoticeState = 'pending' | 'sending' | 'sent' | 'logged' | 'failed' | 'recorded';

/** A notice to a party (not a staff user); the phone is decrypted from the party record at send time. */
export interface PartyNoticeTable {
  id: Generated<string>;
  subject_type: string;
  subject_id: string;
  party_id: string | null;
  /** a named reporter (inspection_reporter.case_id): not a party of the matter (S3 Art. 9 ¶3) */
  reporter_case_id: string | null;
  recipient_label: string;
  channel: PartyNoticeChannel;
  template: string;
  body: string;
  document_id: string | null;
  state: PartyNoticeState;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  provider_ref: string | null;
  dedupe_key: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface NotificationsTables {
  party_notice: PartyNoticeTable;
}
