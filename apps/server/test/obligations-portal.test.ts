import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { agreementInTwoInstalments } from './obligations.support';
import { jpeg, SmsGateway, signInByPhone, uploadFile } from './portal.support';
import { setToday } from './procedure.support';

const sms = new SmsGateway();
await sms.start();
const env = useTestServer({
  LOG_LEVEL: 'error',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: `/tmp/onestop-h21p-${randomUUID()}`,
});
afterAll(() => sms.stop());

/** Issue #21: the worker declares a payment on the portal with a photo; staff confirm it. */
describe('obligations on the portal', () => {
  let p: Places;
  let mediator: Client;

  beforeAll(async () => {
    p = await places(env);
    mediator = await signedIn(env, 'zhangmin');
  });
  afterEach(() => setToday(env, null));

  it('the worker sees what is owed to him, declares a payment with a photo; staff confirm it', async () => {
    setToday(env, '2026-12-08');
    const a = await agreementInTwoInstalments(env, p, '门户收款');
    const worker = await signInByPhone(env, sms, '13871234567');
    const mine = await worker.get(`/api/portal/matters/${a.matterId}/obligations`);
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.map((o: any) => [o.item, o.instalmentNo, o.amountFen, o.dueDate, o.statusLabel]),
    ).toEqual([
      ['拖欠工资', 1, 400_000, '2026-12-20', '待履行'],
      ['拖欠工资', 2, 400_000, '2027-01-20', '待履行'],
    ]);
    expect(mine.body.items[0].actions).toEqual([]);
    const first = mine.body.items[0];

    // Another phone has no membership of the matter: 404.
    const stranger = await signInByPhone(env, sms, '13512349876');
    expect((await stranger.get(`/api/portal/matters/${a.matterId}/obligations`)).status).toBe(404);

    const photo = await uploadFile(worker, jpeg('transfer'), '转账记录.jpg');
    expect(photo.status).toBe(201);
    const path = `/api/portal/matters/${a.matterId}/obligations/${first.id}/payments`;
    const declare = { amountFen: 400_000, paidOn: '2026-12-08', uploadId: photo.body.id };
    expect((await worker.post(path, declare)).body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const noPhoto = await worker.post(
      path,
      { amountFen: 400_000, paidOn: '2026-12-08' },
      { 'idempotency-key': randomUUID() },
    );
    expect(noPhoto.status).toBe(400);
    const key = randomUUID();
    const r1 = await worker.post(path, declare, { 'idempotency-key': key });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    const r2 = await worker.post(path, declare, { 'idempotency-key': key });
    expect(r2.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    expect(
      r1.body.payments.map((x: any) => [
        x.amountFen,
        x.statusLabel,
        x.declaredByName,
        x.hasProof,
        x.proofEvidenceId,
      ]),
    ).toEqual([[400_000, '待确认', '门户收款（网上）', true, null]]);
    // Declared is not paid until staff confirm it.
    expect([r1.body.status, r1.body.paidFen]).toEqual(['open', 0]);

    let o = (await mediator.get(`/api/obligations/${first.id}`)).body;
    expect(o.actions).toEqual(['record_payment', 'decide_payment']);
    const declared = o.payments[0];
    expect(declared.proofEvidenceId).toMatch(/^[0-9a-f-]{36}$/);
    const evidence = await env.server.app.ctx.database.db
      .selectFrom('matter_evidence')
      .select(['file_name', 'description'])
      .where('id', '=', declared.proofEvidenceId)
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({ file_name: '转账记录.jpg', description: '收款转账记录' });

    const decision = `/api/obligations/${first.id}/payments/${declared.id}/decision`;
    const noReason = await mediator.post(decision, { version: declared.version, confirm: false });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'PAYMENT_REJECT_REASON']);
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.post(decision, { version: declared.version, confirm: true })).status).toBe(404);
    // A retried confirmation (same Idempotency-Key) is answered with the first response: confirmed once.
    const confirmKey = { headers: { 'idempotency-key': randomUUID() } };
    const confirm = { version: declared.version, confirm: true };
    const confirmed = await mediator.request('POST', decision, confirm, confirmKey);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const retried = await mediator.request('POST', decision, confirm, confirmKey);
    expect([retried.status, retried.body]).toEqual([200, confirmed.body]);
    const events = await env.server.app.ctx.database.db
      .selectFrom('matter_event')
      .select('kind')
      .where('matter_id', '=', a.matterId)
      .where('kind', '=', 'obligation_payment_confirmed')
      .execute();
    expect(events).toHaveLength(1);
    o = confirmed.body;
    expect([o.status, o.paidFen, o.payments[0].statusLabel, o.payments[0].decidedByName]).toEqual([
      'paid',
      400_000,
      '已确认',
      '张敏',
    ]);
    const again = await mediator.post(decision, { version: declared.version + 1, confirm: true });
    expect([again.status, again.body.code]).toEqual([409, 'PAYMENT_DECIDED']);
    const after = (await worker.get(`/api/portal/matters/${a.matterId}/obligations`)).body;
    expect(after.items.map((x: any) => x.statusLabel)).toEqual(['已履行', '待履行']);
    expect(after.totals).toEqual({ amountFen: 800_000, paidFen: 400_000, unpaidFen: 400_000, overdue: 0 });
  });
});
