import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKey } from '../src/platform/storage';
import { type Client, signedIn, useTestServer } from './harness';
import { intakeBody, jurisdictions } from './intake-fixtures';

const STORAGE = mkdtempSync(path.join(tmpdir(), 'onestop-uploads-'));
const env = useTestServer({ STORAGE_DIR: STORAGE });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(c: Client, url: string, files: { name: string; type: string; data: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  const res = await fetch(`${c.base}${url}`, {
    method: 'POST',
    headers: { cookie: c.cookie!, 'x-csrf-token': c.csrf! },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Temporary upload files left behind (there must be none after any request). */
const leftovers = () => {
  const dir = path.join(STORAGE, '.tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('uploads are streamed to disk', () => {
  it('evidence: spooled to a temporary file, moved into the content-addressed store, nothing left over', async () => {
    const clerk = await signedIn(env, 'clerk');
    const zengdu = (await jurisdictions(clerk)).find((x) => x.name === '曾都区')!.id;
    const m = await clerk.post('/api/intake', intakeBody(zengdu));
    // 3 MB of PDF: stored byte for byte under its SHA-256.
    const data = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const ok = await upload(clerk, `/api/matters/${m.body.id}/evidence`, [
      { name: '银行流水.pdf', type: 'application/pdf', data },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body.items[0]).toMatchObject({ fileName: '银行流水.pdf', sizeBytes: data.length });
    const stored = path.join(STORAGE, contentKey(ok.body.items[0].sha256));
    expect(readFileSync(stored).equals(data)).toBe(true);
    expect(leftovers()).toEqual([]);

    // A good file followed by a refused one: nothing of the request is stored or left behind.
    const other = Buffer.concat([PDF, Buffer.from('另一份证据')]);
    const bad = await upload(clerk, `/api/matters/${m.body.id}/evidence`, [
      { name: '合同.pdf', type: 'application/pdf', data: other },
      { name: '照片.jpg', type: 'image/jpeg', data: Buffer.from('这不是图片') },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('EVIDENCE_TYPE');
    expect(leftovers()).toEqual([]);
    const detail = await clerk.get(`/api/matters/${m.body.id}`);
    expect(detail.body.evidence).toHaveLength(1);

    // Over the limit: refused while streaming (413), the partial file removed.
    const big = await upload(clerk, `/api/matters/${m.body.id}/evidence`, [
      {
        name: '大文件.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      },
    ]);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('EVIDENCE_TOO_LARGE');
    expect(leftovers()).toEqual([]);
  });

  it('seal: an oversized or non-PNG upload leaves no temporary file', async () => {
    const admin = await signedIn(env, 'admin');
    const orgs = (await admin.get('/api/admin/organizations')).body.items;
    const org = orgs.find((o: { name: string }) => o.name === '随州市司法局法律援助中心');
    const url = `/api/admin/organizations/${org.id}/seal`;
    const big = await upload(admin, url, [
      { name: 'seal.png', type: 'image/png', data: Buffer.alloc(3 * 1024 * 1024) },
    ]);
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('SEAL_TOO_LARGE');
    const fake = await upload(admin, url, [
      { name: 'seal.png', type: 'image/png', data: Buffer.from('GIF89a 不是 PNG') },
    ]);
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('SEAL_NOT_PNG');
    expect(leftovers()).toEqual([]);
  });
});
