// Over 400 lines: live room features (chat, exhibits, recordings, presence, SIGKILL recovery), each test standing alone.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/env';
import { phoneHash } from '../src/modules/parties/parties.service';
import { roomRuntime } from '../src/modules/rooms/rooms.module';
import { contentKey } from '../src/platform/storage';
import { newMatter, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { type PortalClient, SmsGateway, signInByPhone } from './portal.support';
import { Signal, socketStatus, until } from './rooms.support';

/**
 * Online rooms, the live part (issue #20): the caucus (背对背), exhibits of the case's evidence, the
 * recording (notice acknowledged, chunks stored with their hash) and — on PostgreSQL — two server
 * instances relaying the signals of one room.
 */
const sms = new SmsGateway();
await sms.start();
const storageDir = mkdtempSync(path.join(tmpdir(), 'onestop-rooms-live-'));
const env = useTestServer({
  LOG_LEVEL: 'error',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: storageDir,
});
afterAll(() => sms.stop());

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let p: Places;
let clerk: Client;
let mediator: Client;
let n = 0;

beforeAll(async () => {
  p = await places(env);
  clerk = await signedIn(env, 'clerk');
  mediator = await signedIn(env, 'zhangmin');
});

interface Setup {
  matterId: string;
  roomId: string;
  room: any;
  worker: PortalClient;
  employer: PortalClient;
  workerName: string;
  employerName: string;
}

/** A mediation room with both sides signed in on the portal and the room code entered. */
async function roomWithBothSides(opts: { recordingOptIn?: boolean } = {}): Promise<Setup> {
  n++;
  const workerPhone = `1380000${String(7000 + n)}`;
  const employerPhone = `1390000${String(7000 + n)}`;
  const m = await newMatter(clerk, p.zengdu, {
    worker: `现场工${n}`,
    employer: `随州市现场测试${n}有限公司`,
  });
  const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
  const { ctx } = env.server.app;
  await ctx.database.db
    .updateTable('party')
    .set({ phone_enc: ctx.cipher.encrypt(workerPhone), phone_hash: phoneHash(ctx.cipher, workerPhone) })
    .where('id', '=', detail.workers[0].id)
    .execute();
  const started = await clerk.post(`/api/matters/${m.id}/mediation`, {
    consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const rep = await clerk.post(`/api/portal/staff/matters/${m.id}/representative-code`, {
    partyId: detail.employers[0].id,
  });
  const employer = await signInByPhone(env, sms, employerPhone);
  expect((await employer.post('/api/portal/representation', { code: rep.body.code })).status).toBe(200);
  const r = await mediator.post(`/api/cases/${started.body.caseId}/rooms`, {
    kind: 'mediation',
    format: 'video',
    startsAt: '2026-12-09T09:30:00+08:00',
    recordingOptIn: opts.recordingOptIn ?? false,
    invitations: [
      { partyId: detail.workers[0].id, preference: 'video' },
      { partyId: detail.employers[0].id, preference: 'video' },
    ],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const roomId = r.body.id as string;
  const worker = await signInByPhone(env, sms, workerPhone);
  for (const [c, phone] of [
    [worker, workerPhone],
    [employer, employerPhone],
  ] as const) {
    const msg = [...sms.messages].reverse().find((x) => x.to === phone && x.body.includes('调解室码'))!;
    const code = /调解室码(\d{6})/.exec(msg.body)![1];
    expect((await c.post(`/api/portal/rooms/${roomId}/enter`, { code })).status).toBe(200);
  }
  return {
    matterId: m.id,
    roomId,
    room: r.body,
    worker,
    employer,
    workerName: detail.workers[0].name,
    employerName: detail.employers[0].name,
  };
}

/** The host and both sides connected and admitted; returns the three sockets and their peer ids. */
async function allAdmitted(s: Setup, urls: { host: string; worker: string; employer: string }) {
  const host = new Signal(urls.host, s.roomId, mediator.cookie!);
  const hostId = (await host.next('welcome')).peerId as string;
  const worker = new Signal(urls.worker, s.roomId, s.worker.cookie!);
  const workerId = (await worker.next('welcome')).peerId as string;
  const employer = new Signal(urls.employer, s.roomId, s.employer.cookie!);
  const employerId = (await employer.next('welcome')).peerId as string;
  await host.next('roster', (m) => m.peers.filter((x: any) => x.state === 'waiting').length === 2);
  host.send({ type: 'admit', peerId: workerId });
  host.send({ type: 'admit', peerId: employerId });
  await worker.next('admitted');
  await employer.next('admitted');
  await until(
    () => employer.last('roster')?.peers.filter((x: any) => x.state === 'admitted').length === 3,
    'everyone admitted',
  );
  return { host, worker, employer, hostId, workerId, employerId };
}

async function events(matterId: string, kinds: string[]) {
  return env.server.app.ctx.database.db
    .selectFrom('matter_event')
    .select(['kind', 'summary'])
    .where('matter_id', '=', matterId)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .execute();
}

describe('online rooms, live', () => {
  it('presence: a participant nobody renews (its instance was killed) leaves the room; they come back in', async () => {
    const s = await roomWithBothSides();
    const { ctx } = env.server.app;
    const { db } = ctx.database;
    const rt = roomRuntime(ctx);
    const host = new Signal(env.url, s.roomId, mediator.cookie!);
    const hostId = (await host.next('welcome')).peerId as string;
    // The worker's socket sat on another instance that died (SIGKILL): its join reached this one
    // through the bus, and its presence row stopped being renewed.
    const invitationId = s.room.invitations[0].id as string;
    const ghost = {
      id: '00000000-0000-4000-8000-00000000dead',
      identity: `party:${invitationId}`,
      name: s.workerName,
      role: 'worker' as const,
      host: false,
      state: 'waiting' as const,
      muted: false,
      audioOnly: false,
      instance: 'killed-instance',
    };
    await rt.bus.publish({ op: 'join', room: s.roomId, peer: ghost });
    await db
      .insertInto('room_presence')
      .values({
        peer_id: ghost.id,
        room_id: s.roomId,
        identity: ghost.identity,
        instance: ghost.instance,
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    await host.next('roster', (m) => m.peers.some((x: any) => x.id === ghost.id));
    // The host's own socket is renewed by the heartbeat; the ghost's expired row is swept.
    await rt.beat();
    await host.next('peer-left', (m) => m.peerId === ghost.id);
    expect(host.last('roster').peers.map((x: any) => x.id)).toEqual([hostId]);
    const rows = await db
      .selectFrom('room_presence')
      .select(['peer_id', 'identity'])
      .where('room_id', '=', s.roomId)
      .execute();
    expect(rows).toEqual([{ peer_id: hostId, identity: expect.stringMatching(/^staff:/) }]);
    // The worker reconnects (here, through this instance): in the waiting room again, present.
    const back = new Signal(env.url, s.roomId, s.worker.cookie!);
    const welcome = await back.next('welcome');
    expect(welcome.state).toBe('waiting');
    await host.next('roster', (m) => m.peers.some((x: any) => x.id === welcome.peerId));
    await expect
      .poll(async () =>
        (await db.selectFrom('room_presence').select('peer_id').where('room_id', '=', s.roomId).execute())
          .map((r) => r.peer_id)
          .sort(),
      )
      .toEqual([hostId, welcome.peerId].sort());
    // A socket that closes takes its presence with it.
    await back.close();
    await until(() => host.last('roster')?.peers.length === 1, 'the worker left');
    await expect
      .poll(
        async () =>
          (await db.selectFrom('room_presence').select('peer_id').where('room_id', '=', s.roomId).execute())
            .length,
      )
      .toBe(1);
    await host.close();
  });

  it('presence timings are settings: an administrator lengthens the expiry; the next beat renews with it', async () => {
    const s = await roomWithBothSides();
    const { db } = env.server.app.ctx.database;
    const rt = roomRuntime(env.server.app.ctx);
    const admin = await signedIn(env, 'admin');
    const catalogue = (await admin.get('/api/admin/settings')).body.items as any[];
    expect(
      catalogue
        .filter((x) => x.key.startsWith('rooms.presence.'))
        .map((x) => [x.key, x.value, x.defaultValue, x.groupLabel]),
    ).toEqual([
      ['rooms.presence.interval_seconds', 5, 5, '在线调解室'],
      ['rooms.presence.ttl_seconds', 20, 20, '在线调解室'],
    ]);
    const invalid = await admin.put('/api/admin/settings/rooms.presence.ttl_seconds', {
      value: 2,
      version: 0,
    });
    expect([invalid.status, invalid.body.code, invalid.body.message]).toEqual([
      400,
      'SETTING_INVALID',
      '“在线调解室：在线记录有效期（秒）”不得小于5',
    ]);
    const host = new Signal(env.url, s.roomId, mediator.cookie!);
    const hostId = (await host.next('welcome')).peerId as string;
    const secondsLeft = async () => {
      const row = await db
        .selectFrom('room_presence')
        .select(sql<number>`extract(epoch from expires_at - now())::float8`.as('left'))
        .where('peer_id', '=', hostId)
        .executeTakeFirstOrThrow();
      return Number(row.left);
    };
    await rt.beat();
    expect(await secondsLeft()).toBeGreaterThan(15);
    expect(await secondsLeft()).toBeLessThanOrEqual(20);
    const put = await admin.put('/api/admin/settings/rooms.presence.ttl_seconds', { value: 120, version: 0 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await rt.beat();
    expect(await secondsLeft()).toBeGreaterThan(115);
    expect(await secondsLeft()).toBeLessThanOrEqual(120);
    // Back to the default for the other tests.
    const reset = await admin.put('/api/admin/settings/rooms.presence.ttl_seconds', {
      value: 20,
      version: put.body.version,
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    await rt.beat();
    expect(await secondsLeft()).toBeLessThanOrEqual(20);
    await host.close();
  });

  it('caucus: the mediator takes the worker aside; the employer sees and hears nobody until they return', async () => {
    const s = await roomWithBothSides();
    const { host, worker, employer, hostId, workerId, employerId } = await allAdmitted(s, {
      host: env.url,
      worker: env.url,
      employer: env.url,
    });
    // The employer may not start a caucus.
    employer.send({ type: 'caucus', side: 'employer' });
    host.send({ type: 'caucus', side: 'worker' });
    await employer.next('roster', (m) => m.caucus?.side === 'worker');
    const employerView = employer.last('roster');
    expect(employerView.caucus).toEqual({ side: 'worker', sideLabel: '劳动者', inside: false });
    expect(employerView.peers.map((x: any) => x.id)).toEqual([employerId]);
    await worker.next('roster', (m) => m.caucus?.inside === true);
    expect(
      worker
        .last('roster')
        .peers.map((x: any) => x.id)
        .sort(),
    ).toEqual([hostId, workerId].sort());

    // Signals across the wall are dropped; inside the sub-room they pass.
    const before = host.messages.length;
    employer.send({ type: 'signal', to: hostId, data: { kind: 'offer', sdp: { type: 'offer', sdp: 'x' } } });
    worker.send({
      type: 'signal',
      to: employerId,
      data: { kind: 'offer', sdp: { type: 'offer', sdp: 'y' } },
    });
    worker.send({ type: 'signal', to: hostId, data: { kind: 'offer', sdp: { type: 'offer', sdp: 'z' } } });
    const inside = await host.next('signal');
    expect([inside.from, inside.data.sdp.sdp]).toEqual([workerId, 'z']);
    // A line said in the caucus stays in it.
    worker.send({ type: 'chat', text: '单独说：可以分期' });
    await host.next('chat', (m) => m.text === '单独说：可以分期');
    employer.send({ type: 'chat', text: '我在等候' });
    await employer.next('chat', (m) => m.text === '我在等候');
    host.send({ type: 'caucus', side: null });
    await until(() => employer.last('roster').caucus === null, 'the caucus ended');
    expect(employer.last('roster').peers).toHaveLength(3);
    employer.send({
      type: 'signal',
      to: hostId,
      data: { kind: 'offer', sdp: { type: 'offer', sdp: 'back' } },
    });
    await host.next('signal', (m) => m.data.sdp.sdp === 'back');
    expect(
      host.messages.slice(before).filter((m) => m.type === 'signal' && m.from === employerId),
    ).toHaveLength(1);
    expect(worker.messages.filter((m) => m.type === 'signal')).toEqual([]);
    expect(employer.messages.some((m) => m.type === 'chat' && m.text === '单独说：可以分期')).toBe(false);
    expect(host.messages.some((m) => m.type === 'chat' && m.text === '我在等候')).toBe(false);
    for (const c of [host, worker, employer]) await c.close();
    expect(
      (await events(s.matterId, ['room_caucus_started', 'room_caucus_ended'])).map((e) => e.summary),
    ).toEqual([
      '张敏在在线调解室与劳动者单独沟通（背对背调解），对方暂时听不到、看不到',
      '张敏结束单独沟通，双方回到共同调解室',
    ]);
  });

  it('exhibits: the mediator shows a piece of the case evidence; both sides get it and may open it; on the timeline', async () => {
    const s = await roomWithBothSides();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '工资条.pdf');
    const up = await fetch(`${env.url}/api/matters/${s.matterId}/evidence`, {
      method: 'POST',
      headers: { cookie: clerk.cookie!, 'x-csrf-token': clerk.csrf! },
      body: form,
    });
    expect(up.status).toBe(201);
    const room = (await mediator.get(`/api/rooms/${s.roomId}`)).body;
    expect(room.evidence.map((e: any) => e.name)).toEqual(['工资条.pdf']);
    // A party sees no case evidence list (only what is shown).
    expect((await s.worker.get(`/api/portal/rooms/${s.roomId}`)).body.evidence).toEqual([]);
    const { host, worker, employer } = await allAdmitted(s, {
      host: env.url,
      worker: env.url,
      employer: env.url,
    });
    const shown = await mediator.post(`/api/rooms/${s.roomId}/exhibits`, {
      evidenceId: room.evidence[0].id,
      note: '请双方核对10月工资',
    });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.exhibits).toMatchObject([
      { name: '工资条.pdf', contentType: 'application/pdf', note: '请双方核对10月工资', shownBy: '张敏' },
    ]);
    const exhibitId = shown.body.exhibits[0].id as string;
    for (const c of [host, worker, employer]) {
      const line = await c.next('chat', (m) => m.exhibit !== null);
      expect(line.exhibit).toEqual({
        id: exhibitId,
        name: '工资条.pdf',
        contentType: 'application/pdf',
        note: '请双方核对10月工资',
      });
    }
    const file = await fetch(`${env.url}/api/portal/rooms/${s.roomId}/exhibits/${exhibitId}/file`, {
      headers: { cookie: s.worker.cookie! },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('工资条.pdf')}`,
    );
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    // Another case's party: 403; evidence of another matter cannot be shown here.
    const other = await roomWithBothSides();
    const foreign = await fetch(`${env.url}/api/portal/rooms/${s.roomId}/exhibits/${exhibitId}/file`, {
      headers: { cookie: other.worker.cookie! },
    });
    expect(foreign.status).toBe(403);
    const wrong = await mediator.post(`/api/rooms/${other.roomId}/exhibits`, {
      evidenceId: room.evidence[0].id,
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'EXHIBIT_NOT_IN_CASE']);
    for (const c of [host, worker, employer]) await c.close();
    expect((await events(s.matterId, ['room_exhibit'])).map((e) => e.summary)).toEqual([
      '张敏在在线调解室出示证据：工资条.pdf（请双方核对10月工资）',
    ]);
  });

  it('recording: parties acknowledge the notice before entering; chunks in order, retries harmless; stored with its hash', async () => {
    const plain = await roomWithBothSides();
    const refused = await mediator.post(`/api/rooms/${plain.roomId}/recordings`, {
      contentType: 'video/webm',
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'RECORDING_NOT_AGREED']);

    const s = await roomWithBothSides({ recordingOptIn: true });
    const view = (await s.worker.get(`/api/portal/rooms/${s.roomId}`)).body;
    expect(view.me.recordingAcknowledged).toBe(false);
    expect(await socketStatus(env.url, s.roomId, s.worker.cookie)).toBe(403);
    const early = await mediator.post(`/api/rooms/${s.roomId}/recordings`, { contentType: 'video/webm' });
    expect([early.status, early.body.code]).toEqual([422, 'RECORDING_NOT_ACKNOWLEDGED']);
    for (const c of [s.worker, s.employer]) {
      const ack = await c.post(`/api/portal/rooms/${s.roomId}/recording-notice`, {});
      expect(ack.status).toBe(200);
      expect(ack.body.me.recordingAcknowledged).toBe(true);
    }
    expect(await socketStatus(env.url, s.roomId, s.worker.cookie)).toBe(101);
    const worker = new Signal(env.url, s.roomId, s.worker.cookie!);
    await worker.next('welcome');

    const started = await mediator.post(`/api/rooms/${s.roomId}/recordings`, {
      contentType: 'video/webm;codecs=vp8,opus',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect((await worker.next('recording')).on).toBe(true);
    const rid = started.body.id as string;
    const parts = [Buffer.from('webm-part-0-'), Buffer.from('webm-part-1-'), Buffer.from('webm-part-2')];
    const put = (seq: number, data: Buffer) =>
      fetch(`${env.url}/api/rooms/${s.roomId}/recordings/${rid}/chunks/${seq}`, {
        method: 'PUT',
        headers: {
          cookie: mediator.cookie!,
          'x-csrf-token': mediator.csrf!,
          'content-type': 'application/octet-stream',
        },
        body: new Uint8Array(data),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    expect(await put(0, parts[0]!)).toEqual({ status: 200, body: { chunks: 1 } });
    expect(await put(0, parts[0]!)).toEqual({ status: 200, body: { chunks: 1 } }); // a retry
    const gap = await put(2, parts[2]!);
    expect([gap.status, gap.body.code]).toEqual([409, 'RECORDING_CHUNK_GAP']);
    expect((await put(1, parts[1]!)).body).toEqual({ chunks: 2 });
    const short = await mediator.post(`/api/rooms/${s.roomId}/recordings/${rid}/finish`, { chunks: 3 });
    expect([short.status, short.body.code]).toEqual([409, 'RECORDING_INCOMPLETE']);
    expect((await put(2, parts[2]!)).body).toEqual({ chunks: 3 });
    const done = await mediator.post(`/api/rooms/${s.roomId}/recordings/${rid}/finish`, { chunks: 3 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const whole = Buffer.concat(parts);
    const sha = createHash('sha256').update(whole).digest('hex');
    expect(done.body.recordings).toMatchObject([
      { id: rid, state: 'stored', sha256: sha, sizeBytes: whole.length, startedBy: '张敏' },
    ]);
    expect(readFileSync(path.join(storageDir, contentKey(sha))).equals(whole)).toBe(true);
    expect((await worker.next('recording', (m) => m.on === false)).on).toBe(false);
    await worker.close();
    const kept = await events(s.matterId, [
      'room_recording_notice',
      'room_recording_started',
      'room_recording_stored',
    ]);
    expect(kept.map((e) => e.kind)).toEqual([
      'room_recording_notice',
      'room_recording_notice',
      'room_recording_started',
      'room_recording_stored',
    ]);
    expect(kept.at(-1)!.summary).toBe(`在线调解室录音录像已保存（0.0兆字节，摘要值${sha.slice(0, 16)}）`);
  });
});

/**
 * Two instances on one PostgreSQL database: the host on the first, the parties on the second. The
 * waiting room, admission, signals (an offer larger than a NOTIFY payload included), chat and the
 * caucus work across them, and a party admitted on one instance comes back admitted on the other.
 */
describe.skipIf(!process.env.DATABASE_URL)('online rooms across two server instances (PostgreSQL)', () => {
  let other: RunningServer;
  beforeAll(async () => {
    other = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        WEB_DIST: '/nonexistent',
        JOBS_ENABLED: 'false',
        DATABASE_URL: env.databaseUrl!,
        STORAGE_DIR: storageDir,
      }),
    );
    await roomRuntime(other.app.ctx).bus.ready();
    await roomRuntime(env.server.app.ctx).bus.ready();
  });
  afterAll(async () => {
    await other?.close();
  });

  it('relays the room between instances', async () => {
    const s = await roomWithBothSides();
    const { host, worker, employer, hostId, workerId } = await allAdmitted(s, {
      host: env.url,
      worker: other.url,
      employer: other.url,
    });
    // Both instances hold the same roster.
    const ids = (hub: RunningServer) =>
      roomRuntime(hub.app.ctx)
        .hub.peers(s.roomId)
        .map((x) => `${x.name}:${x.state}`)
        .sort();
    expect(ids(other)).toEqual(ids(env.server));
    expect(ids(env.server)).toHaveLength(3);
    // An offer of 20,000 characters (a real SDP can pass the 8,000-byte NOTIFY limit) arrives whole.
    const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 192.168.1.1 54321 typ host\r\n'.repeat(340)}`;
    expect(sdp.length).toBeGreaterThan(20_000);
    worker.send({ type: 'signal', to: hostId, data: { kind: 'offer', sdp: { type: 'offer', sdp } } });
    const got = await host.next('signal');
    expect([got.from, got.data.sdp.sdp]).toEqual([workerId, sdp]);
    host.send({ type: 'signal', to: workerId, data: { kind: 'answer', sdp: { type: 'answer', sdp: 'ok' } } });
    expect((await worker.next('signal')).data.sdp.sdp).toBe('ok');
    worker.send({ type: 'chat', text: '跨实例也能看到' });
    expect((await host.next('chat')).text).toBe('跨实例也能看到');
    host.send({ type: 'caucus', side: 'employer' });
    expect((await worker.next('roster', (m) => m.caucus?.side === 'employer')).peers).toHaveLength(1);
    host.send({ type: 'caucus', side: null });
    await until(() => worker.last('roster').caucus === null, 'the caucus ended');
    expect(worker.last('roster').peers).toHaveLength(3);
    // The worker's connection drops and comes back through the first instance: still admitted.
    await worker.close();
    await until(() => host.last('roster')?.peers.length === 2, 'the worker left');
    const back = new Signal(env.url, s.roomId, s.worker.cookie!);
    expect((await back.next('welcome')).state).toBe('admitted');
    await until(() => employer.last('roster')?.peers.length === 3, 'the worker back');
    for (const c of [host, back, employer]) await c.close();
  });

  it('an instance killed with SIGKILL: its participant leaves the others within ~30 s and reconnects elsewhere', async () => {
    const s = await roomWithBothSides();
    // A third instance in its own process, so that it can really be killed.
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        WEB_DIST: '/nonexistent',
        JOBS_ENABLED: 'false',
        DATABASE_URL: env.databaseUrl!,
        STORAGE_DIR: storageDir,
      },
      stdio: 'ignore',
    });
    try {
      const childUrl = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 120_000;
      for (;;) {
        const up = await fetch(`${childUrl}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (Date.now() > deadline) throw new Error('the child instance did not start');
        await new Promise((r) => setTimeout(r, 500));
      }
      const host = new Signal(env.url, s.roomId, mediator.cookie!);
      await host.next('welcome');
      const worker = new Signal(childUrl, s.roomId, s.worker.cookie!);
      const workerId = (await worker.next('welcome')).peerId as string;
      await host.next('roster', (m) => m.peers.some((x: any) => x.id === workerId));
      const killedAt = Date.now();
      child.kill('SIGKILL');
      // Nobody publishes the departure; the expired presence does, on a live instance. The product
      // promises ~25 s (20 s expiry + a 5 s sweep); a loaded CI machine delays timers, so the test waits
      // for the event itself rather than asserting a time (speed belongs to bench/).
      await host.next('peer-left', (m) => m.peerId === workerId, 150_000);
      console.log(`departure seen ${Math.round((Date.now() - killedAt) / 1000)} s after SIGKILL`);
      expect(host.last('roster').peers.map((x: any) => x.id)).not.toContain(workerId);
      expect(
        roomRuntime(other.app.ctx)
          .hub.peers(s.roomId)
          .map((x) => x.id),
      ).not.toContain(workerId);
      // The worker's page reconnects through a live instance and is back in the room.
      const back = new Signal(other.url, s.roomId, s.worker.cookie!);
      const welcome = await back.next('welcome');
      await host.next('roster', (m) => m.peers.some((x: any) => x.id === welcome.peerId));
      await back.close();
      await host.close();
    } finally {
      child.kill('SIGKILL');
    }
  }, 360_000);
});

/** A port nobody listens on (for the child instance). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
