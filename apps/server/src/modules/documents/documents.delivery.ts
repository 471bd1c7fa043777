import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { AppError, errors } from '../../platform/errors';
import { documentErrors } from './documents.service';
import type { DocumentServiceTable, ServiceMethod, ServiceState } from './documents.tables';
import { DEFAULT_TZ_OFFSET_MINUTES, startOfBusinessDay } from '@onestop/domain';

// Service (送达) of issued documents: 民事诉讼法 第八十七条至第九十五条, applied to arbitration by the
// 办案规则; electronic service needs the recipient's consent (第九十条), public notice is deemed served
// thirty days after publication (第九十五条).

export const METHOD_LABELS: Record<ServiceMethod, string> = {
  in_person: '直接送达',
  electronic: '电子送达',
  post: '邮寄送达',
  public_notice: '公告送达',
};

export const PUBLIC_NOTICE_DAYS = 30;

export interface ServiceInput {
  recipient: string;
  recipientRole?: string | undefined;
  method: ServiceMethod;
  place?: string | undefined;
  /** The recipient as a party of the matter (found by name when absent). */
  partyId?: string | undefined;
  trackingNo?: string | undefined;
  noticeDate?: string | undefined;
  note?: string | undefined;
}

export interface ServiceResultInput {
  outcome: 'served' | 'refused' | 'returned';
  servedAt?: string | undefined;
  signer?: string | undefined;
  refusalReason?: string | undefined;
  witnesses?: string | undefined;
  note?: string | undefined;
  rowVersion: number;
}

type Trx = Transaction<DB>;
type ServiceRow = Omit<DocumentServiceTable, 'id' | 'created_at' | 'row_version' | 'state' | 'updated_at'> & {
  id: string;
  state: ServiceState;
  row_version: number;
  created_at: Date;
};

/** The day the notice is deemed served: publication date + 30 days, at 00:00 business time. */
export function deemedServedAt(noticeDate: string, tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES): Date {
  const d = startOfBusinessDay(noticeDate, tzOffsetMinutes);
  return new Date(d.getTime() + PUBLIC_NOTICE_DAYS * 86_400_000);
}

/** Public notice: pending until the deemed date passes, served after. */
export function effectiveServiceState(
  row: Pick<ServiceRow, 'method' | 'state' | 'served_at'>,
  now = new Date(),
): ServiceState {
  if (row.method === 'public_notice' && row.state === 'pending' && row.served_at && row.served_at <= now)
    return 'served';
  return row.state;
}

export type ServiceSummary = 'none' | 'pending' | 'partial' | 'served' | 'returned';

export function serviceSummary(states: ServiceState[]): ServiceSummary {
  if (!states.length) return 'none';
  const done = states.filter((s) => s === 'served' || s === 'refused').length;
  if (done === states.length) return 'served';
  if (done > 0) return 'partial';
  if (states.includes('pending')) return 'pending';
  return 'returned';
}

async function servableDocument(trx: Trx, documentId: string, method?: ServiceMethod) {
  const doc = await trx
    .selectFrom('document')
    .select(['id', 'number', 'state', 'title'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!doc) throw errors.notFound('文书');
  if (doc.number === null) throw documentErrors.draft();
  if (doc.state === 'superseded') throw documentErrors.superseded();
  // An electronic service takes effect when the party first opens the sealed document (the portal lists
  // it once rendered), so it may be recorded while the numbered document is still being rendered.
  const rendering = doc.state === 'pending' || doc.state === 'rendering';
  if (doc.state !== 'issued' && !(method === 'electronic' && rendering)) throw documentErrors.notReady();
  return doc as typeof doc & { number: string };
}

/** The matter a document belongs to (directly, or through its track case). */
async function matterOfDocument(trx: Trx, documentId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('document as d')
    .leftJoin('track_case as c', (j) =>
      j.onRef('c.id', '=', 'd.subject_id').on('d.subject_type', '=', 'case'),
    )
    .select(['d.subject_type', 'd.subject_id', 'c.matter_id'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return null;
  return row.subject_type === 'matter' ? row.subject_id : (row.matter_id ?? null);
}

/**
 * Electronic service only with the recipient's own consent on record (民事诉讼法 第九十条第一款): the
 * consent is taken from the party's record of this matter (given at the window or on the portal), never
 * typed by the server of the document. Without it: 409, nothing written.
 */
async function electronicConsent(trx: Trx, documentId: string, input: ServiceInput): Promise<string> {
  const matterId = await matterOfDocument(trx, documentId);
  let consent: { ref: string } | undefined;
  if (matterId) {
    let q = trx
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .innerJoin('portal_consent as c', (j) =>
        j
          .onRef('c.party_id', '=', 'mp.party_id')
          .onRef('c.matter_id', '=', 'mp.matter_id')
          .on('c.kind', '=', 'electronic_service')
          .on('c.given', '=', true),
      )
      .select('c.ref')
      .where('mp.matter_id', '=', matterId);
    q = input.partyId
      ? q.where('mp.party_id', '=', input.partyId)
      : q.where('p.name', '=', input.recipient.trim());
    consent = await q.executeTakeFirst();
  }
  if (!consent) {
    throw new AppError(
      409,
      'SERVICE_CONSENT_MISSING',
      `${input.recipient}的记录中没有同意电子送达，不能电子送达；请改用直接送达或邮寄送达，或请其先签署电子送达同意`,
      { recipient: input.recipient },
    );
  }
  return consent.ref;
}

export async function recordService(
  trx: Trx,
  actor: Actor,
  documentId: string,
  input: ServiceInput,
): Promise<string> {
  const doc = await servableDocument(trx, documentId, input.method);
  const consentRef = input.method === 'electronic' ? await electronicConsent(trx, documentId, input) : null;
  const missing: string[] = [];
  if (input.method === 'post' && !input.trackingNo?.trim()) missing.push('邮件单号');
  if (input.method === 'public_notice' && !input.noticeDate) missing.push('公告日期');
  if (input.method === 'in_person' && !input.place?.trim()) missing.push('送达地点');
  if (missing.length) {
    throw new AppError(400, 'SERVICE_MISSING_FIELDS', `送达记录缺少：${missing.join('、')}`, { missing });
  }
  const row = await trx
    .insertInto('document_service')
    .values({
      document_id: documentId,
      recipient: input.recipient,
      recipient_role: input.recipientRole ?? null,
      method: input.method,
      place: input.place ?? null,
      consent_ref: consentRef,
      tracking_no: input.method === 'post' ? (input.trackingNo ?? null) : null,
      notice_date: input.method === 'public_notice' ? (input.noticeDate ?? null) : null,
      served_at:
        input.method === 'public_notice' && input.noticeDate ? deemedServedAt(input.noticeDate) : null,
      note: input.note ?? null,
      created_by: actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action: 'document.service.create',
    entityType: 'document',
    entityId: documentId,
    summary: `${METHOD_LABELS[input.method]}${doc.title} ${doc.number}`,
    after: {
      serviceId: row.id,
      method: input.method,
      consentRef,
      trackingNo: input.trackingNo,
      noticeDate: input.noticeDate,
    },
  });
  return row.id;
}

async function lockService(trx: Trx, documentId: string, serviceId: string) {
  const row = await trx
    .selectFrom('document_service')
    .selectAll()
    .where('id', '=', serviceId)
    .where('document_id', '=', documentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('送达记录');
  return row;
}

/** Signature or refusal (in person), delivery or return (post). */
export async function recordServiceResult(
  trx: Trx,
  actor: Actor,
  documentId: string,
  serviceId: string,
  input: ServiceResultInput,
): Promise<void> {
  const row = await lockService(trx, documentId, serviceId);
  if (row.row_version !== input.rowVersion)
    throw errors.conflict({ id: row.id, rowVersion: row.row_version, state: row.state });
  if (row.state !== 'pending') throw new AppError(409, 'SERVICE_ALREADY_RECORDED', '该送达结果已登记');
  const allowed: Record<ServiceMethod, string[]> = {
    in_person: ['served', 'refused'],
    post: ['served', 'returned'],
    electronic: [],
    public_notice: [],
  };
  if (!allowed[row.method].includes(input.outcome)) {
    throw new AppError(409, 'SERVICE_OUTCOME_INVALID', `${METHOD_LABELS[row.method]}不能登记该送达结果`);
  }
  const missing: string[] = [];
  if (input.outcome === 'served' && !input.signer?.trim()) missing.push('签收人');
  if (input.outcome === 'refused' && !input.refusalReason?.trim()) missing.push('拒收事由');
  if (input.outcome === 'refused' && !input.witnesses?.trim()) missing.push('见证人');
  if (input.outcome !== 'returned' && !input.servedAt) missing.push('送达时间');
  if (missing.length)
    throw new AppError(400, 'SERVICE_MISSING_FIELDS', `送达结果缺少：${missing.join('、')}`, { missing });
  await trx
    .updateTable('document_service')
    .set({
      state: input.outcome,
      served_at: input.outcome === 'returned' ? null : new Date(input.servedAt as string),
      signer: input.signer ?? null,
      refusal_reason: input.refusalReason ?? null,
      witnesses: input.witnesses ?? null,
      note: input.note ?? row.note,
      row_version: row.row_version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', serviceId)
    .execute();
  const labels = { served: '已签收', refused: '拒收（留置送达）', returned: '邮件退回' } as const;
  await appendAudit(trx, actor, {
    action: 'document.service.result',
    entityType: 'document',
    entityId: documentId,
    summary: `送达结果：${labels[input.outcome]}`,
    before: { state: row.state },
    after: { serviceId, ...input },
  });
}

/**
 * Electronic service: the recipient's first opening is the time of service. Idempotent: later
 * openings return the first one unchanged (and write nothing).
 */
export async function markOpened(
  trx: Trx,
  actor: Actor,
  documentId: string,
  serviceId: string,
): Promise<Date> {
  const row = await lockService(trx, documentId, serviceId);
  if (row.method !== 'electronic')
    throw new AppError(409, 'SERVICE_NOT_ELECTRONIC', '只有电子送达记录首次打开时间');
  if (row.first_opened_at) return row.first_opened_at;
  const now = new Date();
  await trx
    .updateTable('document_service')
    .set({
      first_opened_at: now,
      served_at: now,
      state: 'served',
      row_version: row.row_version + 1,
      updated_at: now,
    })
    .where('id', '=', serviceId)
    .execute();
  await appendAudit(trx, actor, {
    action: 'document.service.opened',
    entityType: 'document',
    entityId: documentId,
    summary: '电子送达：受送达人首次打开文书，视为送达',
    after: { serviceId, firstOpenedAt: now.toISOString() },
  });
  return now;
}
