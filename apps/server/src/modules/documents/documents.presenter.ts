import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { effectiveServiceState, METHOD_LABELS, serviceSummary } from './documents.delivery';
import type { DocumentState, ServiceMethod, ServiceState } from './documents.tables';
import { formatShortCode } from './short-code';
import type { DocumentFields } from './documents.schema';

type Exec = Kysely<DB> | Transaction<DB>;

export const STATE_LABELS: Record<DocumentState, string> = {
  draft: '草稿',
  pending: '生成中',
  rendering: '生成中',
  ready: '已生成',
  failed: '生成失败',
  issued: '已签发',
  superseded: '已作废',
};

export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  pending: '待送达',
  served: '已送达',
  refused: '拒收（留置送达）',
  returned: '邮件退回',
};

export function documentQuery(db: Exec) {
  return db
    .selectFrom('document as d')
    .innerJoin('organization as o', 'o.id', 'd.issuer_org_id')
    .leftJoin('app_user as c', 'c.id', 'd.created_by')
    .leftJoin('app_user as i', 'i.id', 'd.issued_by')
    .leftJoin('document as s', 's.supersedes_id', 'd.id')
    .selectAll('d')
    .select([
      'o.name as issuer_name',
      'c.display_name as created_by_name',
      'i.display_name as issued_by_name',
      's.id as superseded_by_id',
    ]);
}

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirstOrThrow']>>;

export async function servicesFor(db: Exec, documentIds: string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('document_service as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.display_name as created_by_name')
    .where('v.document_id', 'in', documentIds)
    .orderBy('v.created_at')
    .execute();
}

type ServiceRow = Awaited<ReturnType<typeof servicesFor>>[number];

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentService(v: ServiceRow, now = new Date()) {
  const state = effectiveServiceState(v, now);
  return {
    id: v.id,
    recipient: v.recipient,
    recipientRole: v.recipient_role,
    method: v.method as ServiceMethod,
    methodLabel: METHOD_LABELS[v.method],
    place: v.place,
    consentRef: v.consent_ref,
    trackingNo: v.tracking_no,
    noticeDate: v.notice_date,
    servedAt: iso(v.served_at),
    firstOpenedAt: iso(v.first_opened_at),
    signer: v.signer,
    refusalReason: v.refusal_reason,
    witnesses: v.witnesses,
    note: v.note,
    state,
    stateLabel: SERVICE_STATE_LABELS[state],
    createdBy: v.created_by_name,
    createdAt: iso(v.created_at),
    rowVersion: v.row_version,
  };
}

export function presentDocument(d: DocumentRow, services: ServiceRow[], opts: { withFields?: boolean } = {}) {
  const now = new Date();
  const presented = services.filter((s) => s.document_id === d.id).map((s) => presentService(s, now));
  const summary = serviceSummary(presented.map((s) => s.state));
  return {
    id: d.id,
    subjectType: d.subject_type,
    subjectId: d.subject_id,
    type: d.type,
    title: d.title,
    version: d.version,
    supersedesId: d.supersedes_id,
    supersededById: d.superseded_by_id,
    correctionReason: d.correction_reason,
    state: d.state,
    stateLabel:
      d.number && (d.state === 'pending' || d.state === 'rendering') ? '签发中' : STATE_LABELS[d.state],
    issuer: { id: d.issuer_org_id, name: d.issuer_name },
    number: d.number,
    issuedDate: d.issued_date,
    issuedAt: iso(d.issued_at),
    issuedBy: d.issued_by_name,
    sha256: d.sha256,
    shortCode: d.short_code ? formatShortCode(d.short_code) : null,
    hasPdf: d.pdf_key !== null,
    hasDocx: d.docx_key !== null,
    renderError: d.render_error,
    createdBy: d.created_by_name,
    createdAt: iso(d.created_at),
    rowVersion: d.row_version,
    serviceSummary: summary,
    services: presented,
    ...(opts.withFields ? { fields: d.fields as DocumentFields } : {}),
  };
}
