import { describe, expect, it } from 'vitest';
import { signedIn, useTestServer } from './harness';
import { creditCode, intakeBody, jurisdictions, residentId } from './intake-fixtures';

describe('parties: validation, no duplicates, masking, audited unmasked view', () => {
  const env = useTestServer();

  it('walks 401 → 400 → 403 → 200 on the lookup', async () => {
    const { Client } = await import('./harness');
    const anon = new Client(env.url);
    const id = residentId();
    expect((await anon.get(`/api/parties/lookup?idType=resident_id&idNumber=${id}`)).status).toBe(401);
    const clerk = await signedIn(env, 'clerk');
    const bad = await clerk.get('/api/parties/lookup?idType=resident_id&idNumber=42130319900101123X');
    expect(bad.status).toBe(400);
    const director = await signedIn(env, 'director');
    expect((await director.get(`/api/parties/lookup?idType=resident_id&idNumber=${id}`)).status).toBe(403);
    const ok = await clerk.get(`/api/parties/lookup?idType=resident_id&idNumber=${id}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ found: false, derived: { sex: 'male', birthDate: '1990-01-01' } });
  });

  it('names the wrong character in Chinese (GB 11643, GB 32100)', async () => {
    const clerk = await signedIn(env, 'clerk');
    const id = residentId();
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r1 = await clerk.get(`/api/parties/lookup?idType=resident_id&idNumber=${wrongCheck}`);
    expect(r1.status).toBe(400);
    expect(r1.body.code).toBe('ID_CHECKSUM');
    expect(r1.body.message).toContain('第18位');
    const r2 = await clerk.get('/api/parties/lookup?idType=resident_id&idNumber=4213031990A101123X');
    expect(r2.body.code).toBe('ID_CHARSET');
    expect(r2.body.message).toContain('第11位');
    const code = creditCode();
    const wrongCode = `${code.slice(0, 5)}O${code.slice(6)}`;
    const r3 = await clerk.get(`/api/parties/lookup?creditCode=${wrongCode}`);
    expect(r3.status).toBe(400);
    expect(r3.body.code).toBe('USCC_CHARSET');
    expect(r3.body.message).toContain('第6位');
    const r4 = await clerk.get('/api/parties/lookup?idType=passport&idNumber=E1');
    expect(r4.body.code).toBe('ID_LENGTH');
  });

  it('reuses the party typed twice, masks everywhere, and audits the unmasked view', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!;
    const body = intakeBody(zengdu.id);
    const idNumber = body.workers[0]!.idNumber;
    const first = await clerk.post('/api/intake', body);
    expect(first.status).toBe(201);
    const second = await clerk.post('/api/intake', {
      ...body,
      workers: [{ ...body.workers[0], name: '王建国', phone: undefined }],
    });
    expect(second.status).toBe(201);
    const w1 = first.body.workers[0];
    const w2 = second.body.workers[0];
    expect(w2.id).toBe(w1.id);
    expect(second.body.employers[0].id).toBe(first.body.employers[0].id);
    expect(w1.idNumberMasked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(w1.phoneMasked).toBe('138****4567');
    expect(w1.addressMasked).toBe('湖北省随州市****');
    expect(w2.phoneMasked).toBe('138****4567'); // a blank phone keeps the stored one
    expect(w1).toMatchObject({ sex: 'male', birthDate: '1985-03-12', migrantWorker: true });
    for (const r of [first, second]) {
      expect(JSON.stringify(r.body)).not.toContain(idNumber);
      expect(JSON.stringify(r.body)).not.toContain('13871234567');
    }
    const lookup = await clerk.get(
      `/api/parties/lookup?idType=resident_id&idNumber=${idNumber.toLowerCase()}`,
    );
    expect(lookup.body.found).toBe(true);
    expect(lookup.body.party.id).toBe(w1.id);
    const byCode = await clerk.get(`/api/parties/lookup?creditCode=${body.employers[0]!.creditCode}`);
    expect(byCode.body.party.id).toBe(first.body.employers[0].id);
    const search = await clerk.get(`/api/parties/search?q=${encodeURIComponent('鸿运建筑')}&kind=employer`);
    expect(search.body.items.map((p: { id: string }) => p.id)).toContain(first.body.employers[0].id);
    // An inspector may look up employers (for a 专项检查 list) but not search workers by name.
    const employerDesk = await signedIn(env, 'inspector');
    const employers = await employerDesk.get(
      `/api/parties/search?q=${encodeURIComponent('鸿运建筑')}&kind=employer`,
    );
    expect(employers.status).toBe(200);
    expect(employers.body.items.map((p: { id: string }) => p.id)).toContain(first.body.employers[0].id);
    expect(
      (await employerDesk.get(`/api/parties/search?q=${encodeURIComponent('王建国')}&kind=worker`)).status,
    ).toBe(403);

    // The intake clerk has no pii.view: 403.
    expect((await clerk.get(`/api/parties/${w1.id}/pii`)).status).toBe(403);
    // zhangmin holds 监察员 in 曾都区 (pii.view): the full values, and one audit record per view.
    const inspector = await signedIn(env, 'zhangmin');
    const pii = await inspector.get(`/api/parties/${w1.id}/pii`);
    expect(pii.status).toBe(200);
    expect(pii.body).toMatchObject({
      idNumber,
      phone: '13871234567',
      address: '湖北省随州市曾都区交通大道100号',
    });
    await inspector.get(`/api/parties/${w1.id}/pii`);
    const admin = await signedIn(env, 'admin');
    const audit = await admin.get(`/api/admin/audit?action=party.pii.view`);
    const views = (audit.body.items as { action: string; entityId: string }[]).filter(
      (a) => a.action === 'party.pii.view' && a.entityId === w1.id,
    );
    expect(views.length).toBe(2);
    // At rest: ciphertext only.
    const row = await env.server.database.db
      .selectFrom('party')
      .selectAll()
      .where('id', '=', w1.id)
      .executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(idNumber);
    expect(row.phone_enc).not.toContain('13871234567');
    const count = await env.server.database.db
      .selectFrom('party')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'worker')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
