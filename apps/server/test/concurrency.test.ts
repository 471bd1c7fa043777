import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../src/db/schema';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from '../src/platform/audit';
import { AppError } from '../src/platform/errors';
import { MAX_ATTEMPTS } from '../src/platform/unit-of-work';
import { nextSequence } from '../src/platform/sequences';
import { describe, expect, it } from 'vitest';
import { newMatter, openCase, places } from './cases.support';
import { signedIn } from './harness';
import { intakeBody, residentId } from './intake-fixtures';
import { subject, useDocumentsServer } from './documents.support';

/**
 * One unit of work per state change (platform/unit-of-work.ts): numbers, business rows, then the
 * audit entries on one audit stream, locked last; deadlocks and serialization failures re-run the
 * transaction. On PostgreSQL (DATABASE_URL set) requests really run in parallel on the pool; on
 * PGlite they queue on its one connection. Both must give 0 errors and gap-free numbers.
 */
describe('concurrent state changes', () => {
  const env = useDocumentsServer();

  it('runs on the database the suite was started for', () => {
    expect(env.server.database.backend).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('50 concurrent issues, intakes, case openings and transitions: 0 errors, gap-free numbers', async () => {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const db = env.server.database.db;
    const year = new Date().getFullYear();
    const lastOf = async (scope: string) =>
      (
        await db
          .selectFrom('number_sequence')
          .select('last_value')
          .where('scope', '=', scope)
          .where('year', '=', year)
          .executeTakeFirst()
      )?.last_value ?? 0;

    // Data prepared one by one: 15 drafts to issue, 10 open consultation cases to answer,
    // 10 matters to open a consultation case for.
    const drafts: { id: string }[] = [];
    const subj = await subject(clerk);
    for (let i = 0; i < 15; i++) {
      const r = await clerk.post('/api/documents', {
        ...subj,
        type: 'receipt',
        fields: SAMPLE_FIELDS.receipt,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      drafts.push(r.body);
    }
    const cases: { id: string; version: number; number: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const m = await newMatter(clerk, p.zengdu);
      cases.push((await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case);
    }
    const toOpen = [];
    for (let i = 0; i < 10; i++) toOpen.push(await newMatter(clerk, p.zengdu));

    const issuerId = (await clerk.get(`/api/documents/${drafts[0]!.id}`)).body.issuer.id as string;
    const docScope = `document:${issuerId}:receipt`;
    const docStart = await lastOf(docScope);
    const matterStart = Number(
      (
        await db
          .selectFrom('matter')
          .select((eb) => eb.fn.max('seq').as('s'))
          .executeTakeFirstOrThrow()
      ).s,
    );
    const auditBefore = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const requests = [
      ...drafts.map((d) => clerk.post(`/api/documents/${d.id}/issue`, {})),
      ...Array.from({ length: 15 }, (_, i) =>
        clerk.post(
          '/api/intake',
          intakeBody(p.zengdu, {
            workers: [{ ...intakeBody(p.zengdu).workers[0]!, idNumber: residentId('19960202', i) }],
          }),
        ),
      ),
      ...cases.map((c) =>
        clerk.post(`/api/cases/${c.id}/transitions`, {
          event: 'answer',
          version: c.version,
          reason: '已当场解答',
        }),
      ),
      ...toOpen.map((m) => openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])),
    ];
    expect(requests).toHaveLength(50);
    const results = await Promise.all(requests);
    const statuses = results.map((r) => r.status);
    expect(statuses, JSON.stringify(results.filter((r) => r.status >= 300).map((r) => r.body))).toEqual([
      ...Array(15).fill(200),
      ...Array(15).fill(201),
      ...Array(10).fill(200),
      ...Array(10).fill(201),
    ]);

    // 文号: the 15 next numbers of the issuer's receipt sequence, each once.
    expect(await lastOf(docScope)).toBe(docStart + 15);
    const numbers = results.slice(0, 15).map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(15);
    const docSeqs = await db
      .selectFrom('document')
      .select('number')
      .where(
        'id',
        'in',
        drafts.map((d) => d.id),
      )
      .execute();
    expect(docSeqs.map((d) => d.number).sort()).toEqual([...numbers].sort());
    // Matter numbers: exactly the next 15.
    const matterSeqs = results
      .slice(15, 30)
      .map((r) => Number(/(\d{5})$/.exec(r.body.number)![1]))
      .sort((a, b) => a - b);
    expect(matterSeqs).toEqual(Array.from({ length: 15 }, (_, i) => matterStart + i + 1));
    // Case numbers: exactly the 10 after the last case opened before the burst.
    const caseSeq = (n: string) => Number(/〕(\d+)号$/.exec(n)![1]);
    const caseStart = caseSeq(cases[9]!.number);
    const caseSeqs = results
      .slice(40)
      .map((r) => caseSeq(r.body.case.number))
      .sort((a, b) => a - b);
    expect(caseSeqs).toEqual(Array.from({ length: 10 }, (_, i) => caseStart + i + 1));
    for (const r of results.slice(30, 40)) expect(r.body.case.state).toBe('answered');

    // Every change left its audit entries, and every stream's chain still verifies.
    const auditAfter = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n) - Number(auditBefore.n)).toBeGreaterThanOrEqual(50);
    const v = await verifyAuditChain(db);
    expect(v.ok, v.message).toBe(true);
  });

  /** A real PostgreSQL serialization failure (SQLSTATE 40001), raised by the server. */
  const serializationFailure = (trx: Transaction<DB>) =>
    sql`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$`.execute(trx);

  it('re-runs a transaction after a serialization failure; only the attempt that commits is audited', async () => {
    const db = env.server.database.db;
    const entity = `retry-${Date.now()}`;
    let attempts = 0;
    const result = await db.transaction().execute(async (trx) => {
      attempts++;
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'test.retry',
        entityType: 'test',
        entityId: entity,
        summary: `第 ${attempts} 次尝试`,
      });
      if (attempts < 3) await serializationFailure(trx);
      return attempts;
    });
    expect(result).toBe(3);
    const rows = await db.selectFrom('audit_log').select('summary').where('entity_id', '=', entity).execute();
    expect(rows).toEqual([{ summary: '第 3 次尝试' }]);
  });

  it('gives up after the last attempt with 503 BUSY_RETRY_LATER and writes nothing', async () => {
    const db = env.server.database.db;
    const entity = `giveup-${Date.now()}`;
    let attempts = 0;
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        attempts++;
        await appendAudit(trx, SYSTEM_ACTOR, {
          action: 'test.retry',
          entityType: 'test',
          entityId: entity,
          summary: '不应留下',
        });
        await serializationFailure(trx);
      })
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({
      status: 503,
      code: 'BUSY_RETRY_LATER',
      details: { sqlstate: '40001', attempts: MAX_ATTEMPTS },
    });
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect(await db.selectFrom('audit_log').select('seq').where('entity_id', '=', entity).execute()).toEqual(
      [],
    );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    're-runs a transaction PostgreSQL aborts as a deadlock victim, without losing a number',
    async () => {
      const db = env.server.database.db;
      const year = 2099;
      const scopeA = `test:deadlock:${Date.now()}:a`;
      const scopeB = `test:deadlock:${Date.now()}:b`;
      let arrived = 0;
      let release!: () => void;
      const bothLocked = new Promise<void>((resolve) => {
        release = resolve;
      });
      let attempts = 0;
      const crossing = (first: string, second: string) =>
        db.transaction().execute(async (trx) => {
          attempts++;
          const a = await nextSequence(trx, first, year);
          if (++arrived === 2) release();
          await bothLocked; // both hold their first row: the second lock closes a cycle
          const b = await nextSequence(trx, second, year);
          return [a, b];
        });
      const [one, two] = await Promise.all([crossing(scopeA, scopeB), crossing(scopeB, scopeA)]);
      expect(attempts).toBe(3); // one victim, re-run once
      expect([one, two].flat().sort()).toEqual([1, 1, 2, 2]);
      const rows = await db
        .selectFrom('number_sequence')
        .select(['scope', 'last_value'])
        .where('scope', 'in', [scopeA, scopeB])
        .orderBy('scope')
        .execute();
      expect(rows).toEqual([
        { scope: scopeA, last_value: 2 },
        { scope: scopeB, last_value: 2 },
      ]);
    },
  );
});
