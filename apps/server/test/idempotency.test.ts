import { describe, expect, it } from 'vitest';
import { signedIn, useTestServer } from './harness';
import { intakeBody, jurisdictions } from './intake-fixtures';

describe('Idempotency-Key on public-facing creations', () => {
  const env = useTestServer();

  it('two simultaneous submissions with one key create one record', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!;
    const body = intakeBody(zengdu.id);
    const send = () =>
      clerk.request('POST', '/api/intake', body, { headers: { 'idempotency-key': 'weak-net-1' } });
    const [a, b] = await Promise.all([send(), send()]);
    const statuses = [a.status, b.status].sort();
    // Either the second waited and replayed (201 twice) or it arrived mid-flight (409 in progress).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    const created = [a, b].find((r) => r.status === 201)!;
    expect(again.body).toEqual(created.body);
    const count = await env.server.database.db
      .selectFrom('matter')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reused = await clerk.request(
      'POST',
      '/api/intake',
      { ...body, narrative: '不同内容' },
      {
        headers: { 'idempotency-key': 'weak-net-1' },
      },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
