import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isFreeStanding } from '@onestop/domain';
import { getDocumentsService } from '../src/modules/documents/documents.plugin';
import { SAMPLE_FIELDS } from '../src/modules/documents/render/index';
import type { SubjectType } from '../src/modules/documents/documents.tables';
import { places } from './cases.support';
import { type Client, signedIn, type TestEnv, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

/** The server of the running documents test file (act documents are drafted through its service). */
let server: TestEnv | undefined;

/** A test server with its own file store and a public base URL for the QR code. */
export function useDocumentsServer() {
  server = useTestServer({
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onestop-docstore-')),
    PUBLIC_BASE_URL: 'https://onestop.example.cn',
  });
  return server;
}

/**
 * A draft of an act document as its flow creates one (the documents service inside the flow's
 * transaction, acting as the signed-in user): the generic route drafts only free-standing types.
 */
export async function flowDraft(
  env: TestEnv,
  c: Client,
  body: { subjectType: string; subjectId: string; type: string } & Record<string, unknown>,
) {
  const me = (await c.get('/api/auth/me')).body.user as {
    id: string;
    displayName: string;
    organization: { id: string };
  };
  const { ctx } = env.server.app;
  const { id } = await ctx.database.db.transaction().execute((trx) =>
    getDocumentsService(ctx).createDraft(
      trx,
      { id: me.id, name: me.displayName, role: null, ip: null },
      {
        subjectType: body.subjectType as SubjectType,
        subjectId: body.subjectId,
        type: body.type,
        fields: body.fields as Record<string, unknown>,
        issuerOrgId: body.issuerOrgId as string | undefined,
        userOrgId: me.organization.id,
      },
    ),
  );
  const r = await c.get(`/api/documents/${id}`);
  return { status: r.status === 200 ? 201 : r.status, body: r.body };
}

/** Runs the job queue until it is empty (renders happen here: JOBS_ENABLED is false in tests). */
export async function runJobs(env: TestEnv): Promise<void> {
  while ((await env.server.app.ctx.jobs.runOnce()) > 0) {
    /* drain */
  }
}

export interface Subject {
  subjectType: 'matter' | 'case' | 'other';
  subjectId: string;
}

const windowOf = new Map<string, Promise<{ zengdu: string; clerk: Client }>>();
let registered = 0;
/**
 * A new matter of 曾都区, registered through the single window by the demo intake clerk: documents
 * are seen through their subject's jurisdiction, so a document needs a real one. Every call
 * registers its own matter, so a subject's document list holds only what the test made.
 */
export async function subject(c: Client): Promise<Subject> {
  const env = { url: c.base } as TestEnv;
  let window = windowOf.get(c.base);
  if (!window) {
    window = (async () => ({ zengdu: (await places(env)).zengdu, clerk: await signedIn(env, 'clerk') }))();
    windowOf.set(c.base, window);
  }
  const { zengdu, clerk } = await window;
  registered++;
  const body = intakeBody(zengdu) as any;
  body.workers[0].name = `文书测试工${registered}`;
  const r = await clerk.post('/api/intake', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { subjectType: 'matter', subjectId: r.body.id };
}

export async function createDraft(
  c: Client,
  type: keyof typeof SAMPLE_FIELDS,
  extra: Record<string, unknown> = {},
  subj?: Subject,
) {
  const body = { ...(subj ?? (await subject(c))), type, fields: SAMPLE_FIELDS[type], ...extra };
  const r = isFreeStanding(type) ? await c.post('/api/documents', body) : await flowDraft(server!, c, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Draft → issue → render: the issued document. */
export async function issued(env: TestEnv, c: Client, type: keyof typeof SAMPLE_FIELDS, subj?: Subject) {
  const d = await createDraft(c, type, {}, subj);
  const r = await c.post(`/api/documents/${d.id}/issue`, {});
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  await runJobs(env);
  const doc = (await c.get(`/api/documents/${d.id}`)).body;
  expect(doc.state).toBe('issued');
  return doc;
}

/** Multipart upload with the client's session (fetch builds the boundary). */
export async function upload(
  env: TestEnv,
  path: string,
  data: Buffer,
  opts: { client?: Client; name?: string; type?: string } = {},
) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(data)], { type: opts.type ?? 'application/pdf' }),
    opts.name ?? 'file.pdf',
  );
  const headers: Record<string, string> = {};
  if (opts.client?.cookie) headers.cookie = opts.client.cookie;
  if (opts.client?.csrf) headers['x-csrf-token'] = opts.client.csrf;
  const res = await fetch(env.url + path, { method: 'POST', body: form, headers });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

export async function download(c: Client, path: string) {
  const headers: Record<string, string> = {};
  if (c.cookie) headers.cookie = c.cookie;
  const res = await fetch(c.base + path, { headers });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}
