import type { Kysely, Transaction } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { businessToday } from '../../platform/time';
import { sha256Hex } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { FieldCipher } from '../../platform/crypto';
import type { FileStore } from '../../platform/storage';
import { loadDocumentContext } from './documents.context';
import { asCorrection, describeChanges } from './documents.correction';
import { buildModel } from './documents.fields';
import { isPubliclyVerifiable } from './verify.summary';
import type { DocumentContext, DocumentModel } from './render/index';
import { draftNumber, findPattern } from './documents.numbering';
import { renderDocx, renderPdf } from './render/index';
import { formatShortCode } from './short-code';
import { systemActor } from '../../platform/system';

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

/** The document row an issue enricher sees. */
export interface EnrichableDocument {
  id: string;
  type: string;
  number: string | null;
  subject_type: string;
  subject_id: string;
  fields: unknown;
  issued_by: string | null;
  created_by: string | null;
}

/**
 * Extra content another module adds to one document type when it is rendered (e.g. the portal's
 * 单位代表码 on the 应诉通知书): fields merged into the model, and work done in the transaction that
 * records the issued file. Registered by the owning module (app.ts registers every module), so the
 * documents module depends on no module that depends on it.
 */
export interface IssueEnrichment {
  fields: Record<string, unknown>;
  onIssued?: (trx: Transaction<DB>) => Promise<void>;
}
export type IssueEnricher = (
  deps: RenderDeps,
  doc: EnrichableDocument,
  issued: boolean,
) => Promise<IssueEnrichment | undefined>;

const issueEnrichers = new Map<string, IssueEnricher>();

/** One enricher per document type; registering again replaces it (a second app in the same process). */
export function registerIssueEnricher(type: string, enricher: IssueEnricher): void {
  issueEnrichers.set(type, enricher);
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
    const today = businessToday(config);
    const pattern = issued ? undefined : await findPattern(db, doc.issuer_org_id, doc.type);
    // An issued document renders the context frozen at issue; a draft the live record.
    const context =
      doc.context_enc && deps.cipher
        ? (JSON.parse(deps.cipher.decrypt(doc.context_enc)) as DocumentContext)
        : await loadDocumentContext(db, deps.cipher, doc.subject_type, doc.subject_id);
    const enricher = issueEnrichers.get(doc.type);
    const representative = enricher ? await enricher(deps, doc, issued) : undefined;
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
      await representative?.onIssued?.(trx);
      if (doc.supersedes_id) {
        await trx
          .updateTable('document')
          .set({ state: 'superseded', updated_at: new Date() })
          .where('id', '=', doc.supersedes_id)
          .where('state', '=', 'issued')
          .execute();
      }
      await appendAudit(trx, systemActor('文书签发版生成'), {
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
