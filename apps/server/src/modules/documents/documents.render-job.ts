import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit';
import { todayIso } from '../../platform/auth';
import { sha256Hex } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { FieldCipher } from '../../platform/crypto';
import type { FileStore } from '../../platform/storage';
import { loadDocumentContext } from './documents.context';
import { asCorrection, describeChanges } from './documents.correction';
import { buildModel } from './documents.fields';
import { isPubliclyVerifiable } from './verify.summary';
import type { DocumentModel } from './render/index';
import { draftNumber, findPattern } from './documents.numbering';
import { renderDocx, renderPdf } from './render/index';
import { formatShortCode } from './short-code';
import {
  documentRepresentativeCode,
  noticeRespondent,
  recordRepresentativeCode,
} from '../portal/portal.representative-code';

export interface RenderDeps {
  db: Kysely<DB>;
  config: AppConfig;
  storage: FileStore;
  /** Decrypts the parties' address and ID for their particulars */
  cipher?: FieldCipher;
}

export function verificationUrl(config: Pick<AppConfig, 'publicBaseUrl'>, shortCode: string): string {
  return `${config.publicBaseUrl.replace(/\/+$/, '')}/verify/${shortCode}`;
}

/**
 * The 'document.render' job: renders the PDF and the Word file of one document version outside any
 * transaction, stores both, then records the result in a short transaction. Drafts get the 草稿
 * watermark and a placeholder number; an issued document gets its seal, QR code and short code, and
 * its SHA-256 makes it 'issued' (a correction's predecessor becomes 'superseded' in the same
 * transaction). Idempotent: a job for an outdated row_version, or for a document already issued,
 * does nothing. Failures set 'failed' with the reason; technical ones are retried by the job runner.
 */
/** A correction's model: the statement of what it corrects, what changed and why, then the corrected text. */
async function withCorrection(
  db: Kysely<DB>,
  doc: { type: string; fields: unknown; supersedes_id: string | null; correction_reason: string | null },
  model: DocumentModel,
): Promise<DocumentModel> {
  if (!doc.supersedes_id) return model;
  const old = await db
    .selectFrom('document')
    .select(['title', 'number', 'issued_date', 'fields'])
    .where('id', '=', doc.supersedes_id)
    .executeTakeFirstOrThrow();
  if (!old.number || !old.issued_date) return model;
  return asCorrection(
    model,
    { title: old.title, number: old.number, issuedDate: old.issued_date, fields: old.fields },
    doc.correction_reason ?? '',
    describeChanges(doc.type, old.fields, doc.fields),
  );
}

/**
 * The 单位代表码 printed on an issued 应诉通知书 (the employer's way onto the portal): derived from the
 * document, so re-renders print the same code and only its hash is stored (in the transaction that
 * records the issued file). Drafts print a placeholder; no code without the field cipher.
 */
async function representativeCodeFor(
  deps: RenderDeps,
  doc: {
    id: string;
    type: string;
    subject_type: string;
    subject_id: string;
    fields: unknown;
    issued_by: string | null;
    created_by: string | null;
  },
  issued: boolean,
) {
  if (doc.type !== 'notice_to_respond' || doc.subject_type !== 'case') return undefined;
  const portalUrl = `${deps.config.publicBaseUrl.replace(/\/+$/, '')}/m/`;
  if (!issued) return { fields: { representativeCode: '（签发后生成）', portalUrl }, row: undefined };
  const issuedBy = doc.issued_by ?? doc.created_by;
  const name = (doc.fields as { respondentName?: unknown }).respondentName;
  if (!deps.cipher || !issuedBy || typeof name !== 'string') return undefined;
  const respondent = await noticeRespondent(deps.db, doc.subject_id, name);
  if (!respondent) return undefined;
  const code = documentRepresentativeCode(deps.cipher, doc.id);
  return {
    fields: { representativeCode: formatShortCode(code), portalUrl },
    row: { ...respondent, code, issuedBy, documentId: doc.id },
  };
}

export async function renderDocumentJob(
  deps: RenderDeps,
  documentId: string,
  rowVersion: number,
): Promise<void> {
  const { db, config, storage } = deps;
  const doc = await db
    .selectFrom('document as d')
    .innerJoin('organization as o', 'o.id', 'd.issuer_org_id')
    .selectAll('d')
    .select('o.name as issuer_name')
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!doc || doc.row_version !== rowVersion || doc.sha256 !== null) return;
  const claimed = await db
    .updateTable('document')
    .set({ state: 'rendering', updated_at: new Date() })
    .where('id', '=', documentId)
    .where('row_version', '=', rowVersion)
    .where('state', 'in', ['pending', 'failed', 'rendering'])
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return;

  const issued = doc.number !== null && doc.short_code !== null;
  try {
    const seal = issued
      ? await db
          .selectFrom('organization_seal')
          .select('png')
          .where('organization_id', '=', doc.issuer_org_id)
          .executeTakeFirst()
      : undefined;
    const today = todayIso(config);
    const pattern = issued ? undefined : await findPattern(db, doc.issuer_org_id, doc.type);
    const context = await loadDocumentContext(db, deps.cipher, doc.subject_type, doc.subject_id);
    const representative = await representativeCodeFor(deps, doc, issued);
    const filled = buildModel({
      type: doc.type,
      context,
      fields: representative ? { ...(doc.fields as object), ...representative.fields } : doc.fields,
      issuer: { name: doc.issuer_name, ...(seal ? { sealPng: Buffer.from(seal.png) } : {}) },
      number: doc.number ?? draftNumber(pattern?.pattern, Number(today.slice(0, 4))),
      issuedDate: doc.issued_date ?? today,
      draft: !issued,
      ...(issued && doc.short_code && isPubliclyVerifiable(doc.type)
        ? {
            verification: {
              url: verificationUrl(config, doc.short_code),
              shortCode: formatShortCode(doc.short_code),
            },
          }
        : {}),
    });
    const model = await withCorrection(db, doc, filled);
    const pdf = await renderPdf(model);
    const docx = await renderDocx(model);
    const base = `documents/${documentId}/${issued ? 'issued' : `draft-r${rowVersion}`}`;
    await storage.put(`${base}.pdf`, pdf);
    await storage.put(`${base}.docx`, docx);
    const sha256 = issued ? sha256Hex(pdf) : null;

    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('document')
        .set({
          state: issued ? 'issued' : 'ready',
          pdf_key: `${base}.pdf`,
          docx_key: `${base}.docx`,
          sha256,
          rendered_at: new Date(),
          render_error: null,
          updated_at: new Date(),
        })
        .where('id', '=', documentId)
        .where('row_version', '=', rowVersion)
        .returning('id')
        .executeTakeFirst();
      if (!done || !issued) return;
      if (representative?.row && deps.cipher) {
        await recordRepresentativeCode(trx, deps.cipher, representative.row);
        await appendAudit(trx, SYSTEM_ACTOR, {
          action: 'portal.representative_code.issue',
          entityType: 'matter',
          entityId: representative.row.matterId,
          summary: `应诉通知书 ${doc.number} 印有用人单位网上应诉代表码（此前未使用的代表码作废）`,
          after: { documentId },
        });
      }
      if (doc.supersedes_id) {
        await trx
          .updateTable('document')
          .set({ state: 'superseded', updated_at: new Date() })
          .where('id', '=', doc.supersedes_id)
          .where('state', '=', 'issued')
          .execute();
      }
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'document.issued',
        entityType: 'document',
        entityId: documentId,
        summary: `${doc.title} ${doc.number} 签发版已生成${seal ? '（加盖印章）' : '（未配置印章）'}`,
        after: { sha256, number: doc.number, supersedesId: doc.supersedes_id },
      });
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .updateTable('document')
      .set({ state: 'failed', render_error: message.slice(0, 1000), updated_at: new Date() })
      .where('id', '=', documentId)
      .where('row_version', '=', rowVersion)
      .execute();
    // Content errors will not heal by retrying; storage or database hiccups may.
    if (!(err instanceof AppError)) throw err;
  }
}
