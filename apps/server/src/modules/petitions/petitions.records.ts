import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errors } from '../../platform/errors';
import { assertCaseVisible } from '../cases';
import { validateFields } from '../documents';
import { getDocumentsService } from '../documents';
import { appendEvent } from '../../platform/scope';

// The petition row, its documents (issued after the state moved) and its records.

type Trx = Transaction<DB>;

export async function petitionRow(ctx: AppContext, auth: AuthContext, id: string) {
  const { db } = ctx.database;
  const p = await db
    .selectFrom('petition as p')
    .innerJoin('track_case as c', 'c.id', 'p.case_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('p')
    .select([
      'c.state',
      'c.version as case_version',
      'c.organization_id',
      'o.name as org_name',
      'o.phone as org_phone',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p) throw errors.notFound('信访事项');
  await assertCaseVisible(db, auth, p.case_id);
  return p;
}
export type PetitionRow = Awaited<ReturnType<typeof petitionRow>>;

/** Issues a petition document in its own transaction, with a timeline row and an optional record. */
export async function issueDocument(
  ctx: AppContext,
  actor: Actor,
  p: PetitionRow,
  type: string,
  fields: Record<string, unknown>,
  record?: {
    kind: 'explanation' | 'settlement';
    occurredOn: string;
    content: string;
    result?: string;
    payload?: unknown;
  },
) {
  const issued = await ctx.database.db.transaction().execute(async (trx: Trx) => {
    const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
      subjectType: 'matter',
      subjectId: p.matter_id,
      type,
      fields,
      issuerOrgId: p.organization_id,
    });
    const title = (
      await trx.selectFrom('document').select('title').where('id', '=', doc.id).executeTakeFirstOrThrow()
    ).title;
    if (record) {
      await trx
        .insertInto('petition_record')
        .values({
          petition_id: p.id,
          kind: record.kind,
          occurred_on: record.occurredOn,
          content: record.content,
          result: record.result ?? null,
          payload: record.payload === undefined ? null : JSON.stringify(record.payload),
          document_id: doc.id,
          actor_id: actor.id,
          actor_name: actor.name,
        })
        .execute();
    }
    await appendEvent(trx, actor, p.matter_id, 'document_issued', `签发${title} ${doc.number}`, {
      documentId: doc.id,
      petitionId: p.id,
    });
    return { id: doc.id, type, title, number: doc.number, state: 'pending' };
  });
  kickRender(ctx);
  return issued;
}

/** With the job runner on, render the issued document now instead of at the next poll. */
export function kickRender(ctx: AppContext) {
  if (ctx.config.jobsEnabled) void ctx.jobs.runOnce().catch(() => undefined);
}

/** Checks a document's fields before the state moves (the document is issued right after). */
export function precheck(ctx: AppContext, p: PetitionRow, type: string, fields: Record<string, unknown>) {
  validateFields(type, fields, p.org_name, businessToday(ctx.config));
}

export async function addRecord(
  ctx: AppContext,
  actor: Actor,
  p: PetitionRow,
  rec: {
    kind: 'negotiation' | 'settlement';
    occurredOn: string;
    content: string;
    result: string;
    payload?: unknown;
  },
  summary: string,
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('petition_record')
      .values({
        petition_id: p.id,
        kind: rec.kind,
        occurred_on: rec.occurredOn,
        content: rec.content,
        result: rec.result,
        payload: rec.payload === undefined ? null : JSON.stringify(rec.payload),
        document_id: null,
        actor_id: actor.id,
        actor_name: actor.name,
      })
      .execute();
    await appendEvent(trx, actor, p.matter_id, `petition_${rec.kind}`, summary, { petitionId: p.id });
    await appendAudit(trx, actor, {
      action: `petition.${rec.kind}`,
      entityType: 'petition',
      entityId: p.id,
      summary,
      after: rec,
    });
  });
}
