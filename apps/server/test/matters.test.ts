import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Client, signedIn, useTestServer } from './harness';
import { creditCode, intakeBody, jurisdictions, residentId } from './intake-fixtures';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(c: Client, matterId: string, files: { name: string; type: string; data: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  const res = await fetch(`${c.base}/api/matters/${matterId}/evidence`, {
    method: 'POST',
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf! },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('matters: jurisdiction scoping, search, evidence, alerts', () => {
  const env = useTestServer({ STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-evidence-')) });

  it('scopes matters by jurisdiction: gsclerk (广水市) does not see a 曾都区 matter; city grants cover counties', async () => {
    const clerk = await signedIn(env, 'clerk');
    const j = await jurisdictions(clerk);
    const zengdu = j.find((x) => x.name === '曾都区')!.id;
    const guangshui = j.find((x) => x.name === '广水市')!.id;
    const m = await clerk.post('/api/intake', intakeBody(zengdu));
    expect(m.status).toBe(201);
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(`/api/matters/${m.body.id}`)).status).toBe(404);
    const gsList = await gs.get(`/api/matters?q=${encodeURIComponent(m.body.number)}`);
    expect(gsList.body.items).toEqual([]);
    // gsclerk may not register in 曾都区 either.
    const forbidden = await gs.post('/api/intake', intakeBody(zengdu));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('JURISDICTION_FORBIDDEN');
    const own = await gs.post('/api/intake', intakeBody(guangshui));
    expect(own.status).toBe(201);
    // director: 领导 at city level sees both.
    const director = await signedIn(env, 'director');
    expect((await director.get(`/api/matters/${m.body.id}`)).status).toBe(200);
    expect((await director.get(`/api/matters/${own.body.id}`)).status).toBe(200);
    expect((await clerk.get(`/api/matters/${own.body.id}`)).status).toBe(200); // clerk holds the city too
    expect((await gs.get(`/api/matters/${own.body.id}`)).status).toBe(200);
    // admin has no matter.read at all.
    const admin = await signedIn(env, 'admin');
    expect((await admin.get('/api/matters')).status).toBe(403);
  });

  it('searches by worker name (fuzzy), employer name, ID number and phone (keyed hash), and number', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((x) => x.name === '曾都区')!.id;
    const idNumber = residentId('19880606', 606);
    const m = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        workers: [{ name: '欧阳晓燕', idType: 'resident_id', idNumber, phone: '13900006666' }],
        employers: [{ name: '湖北神农食品科技有限公司', creditCode: creditCode('MA4F0606') }],
      }),
    );
    expect(m.status).toBe(201);
    const find = async (q: string) => {
      const r = await clerk.get(`/api/matters?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      return { ids: r.body.items.map((x: { id: string }) => x.id) as string[], by: r.body.searchedBy };
    };
    expect(await find('阳晓燕')).toEqual({ ids: [m.body.id], by: 'name' });
    expect((await find('欧阳')).ids).toContain(m.body.id);
    expect((await find('神农食品')).ids).toContain(m.body.id);
    expect(await find(idNumber)).toEqual({ ids: [m.body.id], by: 'identity' });
    expect(await find('13900006666')).toEqual({ ids: [m.body.id], by: 'identity' });
    expect(await find(m.body.number)).toEqual({ ids: [m.body.id], by: 'number' });
    expect((await find('不存在的名字')).ids).toEqual([]);
    const filtered = await clerk.get(`/api/matters?channel=online&q=${encodeURIComponent('阳晓燕')}`);
    expect(filtered.body.items).toEqual([]);
    const byPriority = await clerk.get('/api/matters?priority=wage_arrears');
    expect(byPriority.body.items.map((x: { id: string }) => x.id)).toContain(m.body.id);
  });

  it('sniffs evidence type from the bytes: a .pdf that is a PNG is stored as PNG; text claiming JPEG is refused', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((x) => x.name === '曾都区')!.id;
    const m = await clerk.post('/api/intake', intakeBody(zengdu));
    const ok = await upload(clerk, m.body.id, [
      { name: '工资条.pdf', type: 'application/pdf', data: PNG },
      { name: '劳动合同.pdf', type: 'application/pdf', data: PDF },
    ]);
    expect(ok.status).toBe(201);
    expect(
      ok.body.items.map((e: { contentType: string; fileName: string }) => [e.contentType, e.fileName]),
    ).toEqual([
      ['image/png', '工资条.png'],
      ['application/pdf', '劳动合同.pdf'],
    ]);
    const bad = await upload(clerk, m.body.id, [
      { name: '照片.jpg', type: 'image/jpeg', data: Buffer.from('这不是图片，只是文字') },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('EVIDENCE_TYPE');
    const big = await upload(clerk, m.body.id, [
      {
        name: '大文件.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      },
    ]);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('EVIDENCE_TOO_LARGE');
    const detail = await clerk.get(`/api/matters/${m.body.id}`);
    expect(detail.body.evidence).toHaveLength(2);
    expect(detail.body.timeline.at(-1).kind).toBe('evidence_added');
    const file = await fetch(`${clerk.base}/api/evidence/${ok.body.items[0].id}/file`, {
      headers: { cookie: clerk.cookie! },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    const gs = await signedIn(env, 'gsclerk');
    const hidden = await fetch(`${gs.base}/api/evidence/${ok.body.items[0].id}/file`, {
      headers: { cookie: gs.cookie! },
    });
    expect(hidden.status).toBe(404);
    const admin = await signedIn(env, 'admin');
    const audit = await admin.get(`/api/admin/audit?action=evidence.download`);
    expect(audit.body.items.some((a: { entityId: string }) => a.entityId === ok.body.items[0].id)).toBe(true);
  });

  it('raises alerts for an employer with 3 open matters and for a collective dispute; leaders read them', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((x) => x.name === '曾都区')!.id;
    const employer = { name: '随州市聚力电子有限公司', creditCode: creditCode('MA4G3333') };
    for (let i = 0; i < 3; i++) {
      const r = await clerk.post(
        '/api/intake',
        intakeBody(zengdu, {
          workers: [{ name: `工人${i}`, idType: 'resident_id', idNumber: residentId('19900202', 300 + i) }],
          employers: [employer],
        }),
      );
      expect(r.status).toBe(201);
    }
    const workers = Array.from({ length: 10 }, (_, i) => ({
      name: `集体${i}`,
      idType: 'resident_id',
      idNumber: residentId('19910303', 400 + i),
      representative: i < 3,
    }));
    const collective = await clerk.post(
      '/api/intake',
      intakeBody(zengdu, {
        workers,
        employers: [{ name: '随州市宏大纺织有限公司', creditCode: creditCode('MA4H1010') }],
      }),
    );
    expect(collective.status).toBe(201);
    expect(collective.body.collective).toBe(true);
    expect(collective.body.priorityFlags).toContain('collective');
    expect(collective.body.workers.filter((w: { representative: boolean }) => w.representative)).toHaveLength(
      3,
    );
    expect((await clerk.get('/api/alerts')).status).toBe(403);
    const director = await signedIn(env, 'director');
    const alerts = await director.get('/api/alerts');
    expect(alerts.status).toBe(200);
    const kinds = alerts.body.items.map((a: { kind: string }) => a.kind);
    expect(kinds).toContain('employer_open_matters');
    expect(kinds).toContain('collective');
    const emp = alerts.body.items.find((a: { kind: string }) => a.kind === 'employer_open_matters');
    expect(emp).toMatchObject({ employerName: '随州市聚力电子有限公司', count: 3 });
  });
});
