import { describe, expect, it } from 'vitest';
import { signedIn, useTestServer } from './harness';
import { intakeBody, jurisdictions, residentId } from './intake-fixtures';

/**
 * Matter numbers are unique and gap-free under concurrency: platform nextSequence runs inside the
 * creating transaction, whose row lock orders concurrent intakes. Runs on PGlite and PostgreSQL.
 */
describe('matter numbering under concurrency', () => {
  const env = useTestServer();
  async function setup() {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!.id;
    return { clerk, zengdu };
  }

  it('gives 50 concurrent intakes 50 distinct gap-free numbers', async () => {
    const { clerk, zengdu } = await setup();
    const before = await env.server.database.db
      .selectFrom('matter')
      .select((eb) => eb.fn.max('seq').as('s'))
      .executeTakeFirstOrThrow();
    const start = Number(before.s ?? 0);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        clerk.post(
          '/api/intake',
          intakeBody(zengdu, {
            workers: [{ ...intakeBody(zengdu).workers[0]!, idNumber: residentId('19950101', i) }],
          }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const seqs = results.map((r) => Number(/(\d{5})$/.exec(r.body.number)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => start + i + 1));
  });
});
