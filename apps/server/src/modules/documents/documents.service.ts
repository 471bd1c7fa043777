import type { Kysely, Transaction } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import type { FieldCipher } from '../../platform/crypto';
import type { FileStore } from '../../platform/storage';
import { correctionErrors, describeChanges } from './documents.correction';
import { loadDocumentContext } from './documents.context';
import { titleOf, validateFields } from './documents.fields';
import { allocateNumber } from './documents.numbering';
import type { SubjectType } from './documents.tables';
import { generateShortCode } from './short-code';

export const RENDER_JOB = 'document.render';

export interface CreateDraftInput {
  subjectType: SubjectType;
  subjectId: string;
  type: string;
  fields: Record<string, unknown>;
  /** The issuing organisation; default: the organisation with a number pattern for this type, else `userOrgId`. */
  issuerOrgId?: string | undefined;
  userOrgId?: string | undefined;
}

export interface IssuedRef {
  id: string;
  number: string;
  shortCode: string;
}

type Trx = Transaction<DB>;

export const documentErrors = {
  issued: () => new AppError(409, 'DOCUMENT_ISSUED', '文书已签发，不能修改；如需更正，请制作更正文书'),
  draft: () => new AppError(409, 'DOCUMENT_DRAFT', '文书尚未签发，草稿不能送达'),
  notReady: () => new AppError(409, 'DOCUMENT_NOT_READY', '文书正在生成，请稍后再试'),
  superseded: () => new AppError(409, 'DOCUMENT_SUPERSEDED', '文书已被更正文书取代，请使用最新版本'),
};

/**
 * The document lifecycle, for the documents API and for other modules (intake, mediation,
 * arbitration) that issue documents inside their own transactions.
 *
 * Rendering never runs inside a transaction: every change enqueues the 'document.render' job in
 * the same transaction, and the job (documents.render-job.ts) renders afterwards. Issuing assigns
 * the 文号 and the verification code in the caller's transaction (gap-free: a rollback returns the
 * number); the job then renders the sealed PDF, stores it and records its SHA-256, which moves the
 * document to 'issued'. A document with a number is frozen from that moment.
 */
export class DocumentsService {
  constructor(
    private readonly deps: { db: Kysely<DB>; config: AppConfig; storage: FileStore; cipher?: FieldCipher },
  ) {}

  get storage(): FileStore {
    return this.deps.storage;
  }

  today(): string {
    return businessToday(this.deps.config);
  }

  private async issuerFor(trx: Trx, input: CreateDraftInput): Promise<{ id: string; name: string }> {
    let id = input.issuerOrgId;
    if (!id) {
      const byPattern = await trx
        .selectFrom('document_number_pattern as p')
        .innerJoin('organization as o', 'o.id', 'p.issuer_org_id')
        .select('p.issuer_org_id')
        .where('p.type', '=', input.type)
        .orderBy('o.sort')
        .executeTakeFirst();
      id = byPattern?.issuer_org_id ?? input.userOrgId;
    }
    if (!id) throw new AppError(400, 'DOCUMENT_ISSUER_REQUIRED', '请选择发文机关');
    const org = await trx
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!org) throw new AppError(400, 'DOCUMENT_ISSUER_NOT_FOUND', '发文机关不存在');
    return org;
  }

  private async enqueueRender(trx: Trx, id: string, rowVersion: number) {
    await enqueueJob(
      trx,
      RENDER_JOB,
      { documentId: id, rowVersion },
      { dedupeKey: `${RENDER_JOB}:${id}:${rowVersion}` },
    );
  }

  /** Creates a draft (state 'pending': its watermarked preview is rendered by the job). */
  async createDraft(
    trx: Trx,
    actor: Actor,
    input: CreateDraftInput,
  ): Promise<{ id: string; rowVersion: number }> {
    const issuer = await this.issuerFor(trx, input);
    validateFields(input.type, input.fields, issuer.name, this.today());
    const row = await trx
      .insertInto('document')
      .values({
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        type: input.type,
        title: titleOf(input.type),
        state: 'pending',
        fields: JSON.stringify(input.fields),
        issuer_org_id: issuer.id,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    await this.enqueueRender(trx, row.id, row.row_version);
    await appendAudit(trx, actor, {
      action: 'document.create',
      entityType: 'document',
      entityId: row.id,
      summary: `起草${titleOf(input.type)}（${issuer.name}）`,
      after: {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        type: input.type,
        issuerOrgId: issuer.id,
      },
    });
    return { id: row.id, rowVersion: row.row_version };
  }

  private async lockForChange(trx: Trx, id: string, rowVersion: number | undefined) {
    const doc = await trx
      .selectFrom('document')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!doc) throw errors.notFound('文书');
    if (doc.number !== null) throw documentErrors.issued();
    if (rowVersion !== undefined && doc.row_version !== rowVersion) {
      throw errors.conflict({ id: doc.id, rowVersion: doc.row_version, state: doc.state });
    }
    return doc;
  }

  /** Replaces a draft's fields (optimistic lock on row_version); 409 DOCUMENT_ISSUED once issued. */
  async updateDraft(trx: Trx, actor: Actor, id: string, fields: Record<string, unknown>, rowVersion: number) {
    const doc = await this.lockForChange(trx, id, rowVersion);
    const issuer = await trx
      .selectFrom('organization')
      .select('name')
      .where('id', '=', doc.issuer_org_id)
      .executeTakeFirstOrThrow();
    validateFields(doc.type, fields, issuer.name, this.today());
    const next = doc.row_version + 1;
    await trx
      .updateTable('document')
      .set({
        fields: JSON.stringify(fields),
        state: 'pending',
        render_error: null,
        row_version: next,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await this.enqueueRender(trx, id, next);
    await appendAudit(trx, actor, {
      action: 'document.update',
      entityType: 'document',
      entityId: id,
      summary: `修改${doc.title}草稿`,
      before: { fields: doc.fields },
      after: { fields },
    });
    return { id, rowVersion: next };
  }

  /**
   * Issues a draft in the caller's transaction: the next 文号 of the issuer's pattern, a unique
   * verification code, the issue date; the sealed PDF follows from the render job.
   */
  async issue(trx: Trx, actor: Actor, id: string, rowVersion?: number): Promise<IssuedRef> {
    const doc = await this.lockForChange(trx, id, rowVersion);
    const issuer = await trx
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('id', '=', doc.issuer_org_id)
      .executeTakeFirstOrThrow();
    if (doc.supersedes_id) {
      const old = await trx
        .selectFrom('document')
        .select(['state'])
        .where('id', '=', doc.supersedes_id)
        .executeTakeFirstOrThrow();
      if (old.state !== 'issued') throw documentErrors.notReady();
    }
    const today = this.today();
    const number = await allocateNumber(trx, issuer, doc.type, Number(today.slice(0, 4)));
    let shortCode = generateShortCode();
    for (let i = 0; i < 5; i++) {
      const taken = await trx
        .selectFrom('document')
        .select('id')
        .where('short_code', '=', shortCode)
        .executeTakeFirst();
      if (!taken) break;
      shortCode = generateShortCode();
    }
    const next = doc.row_version + 1;
    // Particulars frozen at issue: the master-record context as of now, stored encrypted with it.
    const { cipher } = this.deps;
    const context = cipher
      ? cipher.encrypt(
          JSON.stringify(await loadDocumentContext(trx, cipher, doc.subject_type, doc.subject_id)),
        )
      : null;
    await trx
      .updateTable('document')
      .set({
        context_enc: context,
        number,
        short_code: shortCode,
        issued_date: today,
        issued_at: new Date(),
        issued_by: actor.id,
        state: 'pending',
        render_error: null,
        pdf_key: null,
        docx_key: null,
        row_version: next,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await this.enqueueRender(trx, id, next);
    await appendAudit(trx, actor, {
      action: 'document.issue',
      entityType: 'document',
      entityId: id,
      summary: `签发${doc.title} ${number}`,
      after: { number, shortCode, issuedDate: today, issuerOrgId: issuer.id },
    });
    return { id, number, shortCode };
  }

  /** Draft and issue in one go (e.g. the intake module's 收件回执): call inside your own transaction. */
  async createAndIssue(trx: Trx, actor: Actor, input: CreateDraftInput): Promise<IssuedRef> {
    const draft = await this.createDraft(trx, actor, input);
    return this.issue(trx, actor, draft.id, draft.rowVersion);
  }

  /**
   * A correction of an issued document: a new draft (version + 1) that supersedes it once issued.
   * Only the latest issued version can be corrected, and only once at a time.
   */
  async correct(
    trx: Trx,
    actor: Actor,
    id: string,
    input: { fields?: Record<string, unknown> | undefined; reason: string },
  ): Promise<{ id: string; rowVersion: number }> {
    const doc = await trx
      .selectFrom('document')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!doc) throw errors.notFound('文书');
    if (doc.state === 'superseded') throw documentErrors.superseded();
    if (doc.number === null) throw new AppError(409, 'DOCUMENT_DRAFT', '草稿可以直接修改，无需更正');
    if (doc.state !== 'issued') throw documentErrors.notReady();
    const existing = await trx
      .selectFrom('document')
      .select(['id'])
      .where('supersedes_id', '=', id)
      .executeTakeFirst();
    if (existing) {
      throw new AppError(409, 'DOCUMENT_CORRECTION_EXISTS', '该文书已有更正文书，请在更正文书上继续修改', {
        correctionId: existing.id,
      });
    }
    const fields = input.fields ?? (doc.fields as Record<string, unknown>);
    const changes = describeChanges(doc.type, doc.fields, fields);
    if (!changes.length) throw correctionErrors.noChange();
    const issuer = await trx
      .selectFrom('organization')
      .select('name')
      .where('id', '=', doc.issuer_org_id)
      .executeTakeFirstOrThrow();
    validateFields(doc.type, fields, issuer.name, this.today());
    const row = await trx
      .insertInto('document')
      .values({
        subject_type: doc.subject_type,
        subject_id: doc.subject_id,
        type: doc.type,
        title: doc.title,
        version: doc.version + 1,
        supersedes_id: doc.id,
        correction_reason: input.reason,
        state: 'pending',
        fields: JSON.stringify(fields),
        issuer_org_id: doc.issuer_org_id,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning(['id', 'row_version'])
      .executeTakeFirstOrThrow();
    await this.enqueueRender(trx, row.id, row.row_version);
    await appendAudit(trx, actor, {
      action: 'document.correct',
      entityType: 'document',
      entityId: row.id,
      summary: `更正${doc.title} ${doc.number}（第${doc.version + 1}版）：${input.reason}`,
      before: { number: doc.number, fields: doc.fields },
      after: { supersedesId: doc.id, reason: input.reason, changes },
    });
    return { id: row.id, rowVersion: row.row_version };
  }

  /** Re-queues the render of a failed document (e.g. after a storage outage). */
  async retryRender(trx: Trx, actor: Actor, id: string): Promise<void> {
    const doc = await trx
      .selectFrom('document')
      .select(['state', 'row_version', 'title'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!doc) throw errors.notFound('文书');
    if (doc.state !== 'failed')
      throw new AppError(409, 'DOCUMENT_NOT_FAILED', '只有生成失败的文书可以重新生成');
    const next = doc.row_version + 1;
    await trx
      .updateTable('document')
      .set({ state: 'pending', row_version: next, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await this.enqueueRender(trx, id, next);
    await appendAudit(trx, actor, {
      action: 'document.render.retry',
      entityType: 'document',
      entityId: id,
      summary: `重新生成${doc.title}`,
    });
  }
}
