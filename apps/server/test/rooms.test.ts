// Over 400 lines: room scheduling, invitations, signing and records, each test standing alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfimages, pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { phoneHash } from '../src/modules/parties/parties.service';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { download, runJobs } from './documents.support';
import { type Client, signedIn, useTestServer } from './harness';
import { PortalClient, SmsGateway, signInByPhone } from './portal.support';
import { SIGNATURE, Signal, socketStatus } from './rooms.support';

/** Online rooms (issue #20): who may enter, the record, signatures and the issued 调解笔录. */
const sms = new SmsGateway();
await sms.start();
const env = useTestServer({
  LOG_LEVEL: 'error',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onestop-rooms-docs-')),
});

/** The issued record's PDF: its images (pdfimages -list) and its text. */
async function issuedPdf(c: Client, documentId: string) {
  await runJobs(env);
  const pdf = await download(c, `/api/documents/${documentId}/pdf`);
  expect(pdf.status).toBe(200);
  const file = writeTemp(`room-record-${documentId}.pdf`, pdf.data);
  return { images: pdfimages(file), text: squash(pdftotext(file)).replace(/—\d+—/g, '') };
}
afterAll(() => sms.stop());

describe('online rooms', () => {
  let p: Places;
  let clerk: Client;
  let mediator: Client;
  let n = 0;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    mediator = await signedIn(env, 'zhangmin');
  });

  /** A mediation case with a worker reachable at `phone`, and a video room for both parties. */
  async function roomFor(phone: string) {
    n++;
    const m = await newMatter(clerk, p.zengdu, {
      worker: `视频工${n}`,
      employer: `随州市视频测试${n}有限公司`,
    });
    const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
    const worker = detail.workers[0];
    const employer = detail.employers[0];
    // The worker's phone as registered at the window.
    await env.server.app.ctx.database.db
      .updateTable('party')
      .set({
        phone_enc: env.server.app.ctx.cipher.encrypt(phone),
        phone_hash: phoneHash(env.server.app.ctx.cipher, phone),
      })
      .where('id', '=', worker.id)
      .execute();
    const started = await clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const caseId = started.body.caseId as string;
    const r = await mediator.post(`/api/cases/${caseId}/rooms`, {
      kind: 'mediation',
      format: 'video',
      startsAt: '2026-12-08T09:30:00+08:00',
      invitations: [
        { partyId: worker.id, preference: 'video', adjustments: ['interpreter'], note: '需要手语翻译' },
        { partyId: employer.id, preference: 'video' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return {
      matterId: m.id,
      caseId,
      room: r.body,
      workerId: worker.id as string,
      employerId: employer.id as string,
    };
  }

  function roomCodeFor(phone: string): string {
    const m = [...sms.messages].reverse().find((x) => x.to === phone && x.body.includes('调解室码'));
    const code = m && /调解室码(\d{6})/.exec(m.body)?.[1];
    if (!code) throw new Error(`no room code sent to ${phone}`);
    return code;
  }

  it('schedules from the form with format and adjustments; the party gets the room code by SMS', async () => {
    const { room } = await roomFor('13800000101');
    expect(room.formatLabel).toBe('视频');
    expect(room.kindLabel).toBe('调解');
    expect(room.startsAtText).toBe('2026年12月8日9时30分');
    expect(room.invitations.map((i: any) => i.role)).toEqual(['worker', 'employer']);
    expect(room.invitations[0].adjustments).toEqual(['需要翻译（含少数民族语言、手语）']);
    expect(room.invitations[0].smsState).toBe('sent');
    expect(roomCodeFor('13800000101')).toMatch(/^\d{6}$/);
    const bad = await mediator.post(`/api/cases/${room.caseId}/rooms`, {
      kind: 'mediation',
      format: 'written',
      startsAt: '2026-12-08T09:30:00+08:00',
      invitations: [{ partyId: room.invitations[0].partyId, preference: 'written' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('ROOM_FORMAT_NOT_ALLOWED');
    expect(bad.body.message).toContain('办案规则');
  });

  it('only the invited enter: 403 for an uninvited portal user and a party of another case, on the API and the socket', async () => {
    const a = await roomFor('13800000201');
    await roomFor('13800000202');
    const roomId = a.room.id as string;
    const worker = await signInByPhone(env, sms, '13800000201');
    const other = await signInByPhone(env, sms, '13800000202');
    const stranger = await signInByPhone(env, sms, '13800000203');
    expect((await worker.get(`/api/portal/rooms/${roomId}`)).status).toBe(200);
    for (const c of [other, stranger]) {
      const r = await c.get(`/api/portal/rooms/${roomId}`);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('ROOM_NOT_INVITED');
      expect(await socketStatus(env.url, roomId, c.cookie)).toBe(403);
    }
    // Invited but without the room code: no socket yet.
    expect(await socketStatus(env.url, roomId, worker.cookie)).toBe(403);
    const wrong = await worker.post(`/api/portal/rooms/${roomId}/enter`, { code: '000000' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'ROOM_CODE_WRONG']);
    const ok = await worker.post(`/api/portal/rooms/${roomId}/enter`, { code: roomCodeFor('13800000201') });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.me.entered).toBe(true);
    expect(await socketStatus(env.url, roomId, worker.cookie)).toBe(101);
    // Staff: the mediator by session; a county outside the case's jurisdiction does not see it; anonymous 401.
    expect(await socketStatus(env.url, roomId, mediator.cookie)).toBe(101);
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(`/api/rooms/${roomId}`)).status).toBe(404);
    expect(await socketStatus(env.url, roomId, gs.cookie)).toBe(404);
    expect(await socketStatus(env.url, roomId)).toBe(401);
    expect((await new PortalClient(env.url).get(`/api/portal/rooms/${roomId}`)).status).toBe(401);
  });

  it('the record: written live, signed on the phone (handwriting + SMS code), a refusal recorded, issued with its hash', async () => {
    const a = await roomFor('13800000301');
    const roomId = a.room.id as string;
    const worker = await signInByPhone(env, sms, '13800000301');
    const saved = await mediator.request('PUT', `/api/rooms/${roomId}/record`, {
      version: a.room.version,
      text: '调解员：核对双方身份，告知调解自愿原则。\n劳动者：请求支付工资12,500.00元。',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stale = await mediator.request('PUT', `/api/rooms/${roomId}/record`, {
      version: a.room.version,
      text: '覆盖',
    });
    expect(stale.status).toBe(409);
    // The worker cannot sign before the record is finished.
    expect((await worker.post(`/api/portal/rooms/${roomId}/record/code`, {})).body.code).toBe(
      'RECORD_NOT_SIGNING',
    );
    const finished = await mediator.post(`/api/rooms/${roomId}/record/finish`, {
      version: saved.body.version,
    });
    expect(finished.status).toBe(200);
    expect(finished.body.record.state).toBe('signing');
    expect(finished.body.record.sha256).toMatch(/^[0-9a-f]{64}$/);
    const early = await mediator.post(`/api/rooms/${roomId}/record/issue`, {
      version: finished.body.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RECORD_SIGNATURES_MISSING');

    expect((await worker.post(`/api/portal/rooms/${roomId}/record/code`, {})).status).toBe(200);
    const code = sms.codeFor('13800000301');
    const wrong = await worker.post(`/api/portal/rooms/${roomId}/record/sign`, {
      code: code === '000000' ? '111111' : '000000',
      signature: SIGNATURE,
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'CODE_WRONG']);
    const signed = await worker.post(`/api/portal/rooms/${roomId}/record/sign`, {
      code,
      signature: SIGNATURE,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.invitations[0].signature.outcome).toBe('signed');

    // The employer's representative refuses; the refusal is recorded with the reason.
    const rep = await clerk.post(`/api/portal/staff/matters/${a.matterId}/representative-code`, {
      partyId: a.employerId,
    });
    expect(rep.status, JSON.stringify(rep.body)).toBe(200);
    const employer = await signInByPhone(env, sms, '13900000301');
    expect((await employer.post('/api/portal/representation', { code: rep.body.code })).status).toBe(200);
    const refused = await employer.post(`/api/portal/rooms/${roomId}/record/refuse`, {
      reason: '对加班事实的记录有异议',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.invitations[1].signature).toMatchObject({
      outcome: 'refused',
      reason: '对加班事实的记录有异议',
    });

    const noStaff = await mediator.post(`/api/rooms/${roomId}/record/issue`, {
      version: finished.body.version,
    });
    expect(noStaff.body.code).toBe('RECORD_STAFF_SIGNATURE_MISSING');
    expect((await mediator.post(`/api/rooms/${roomId}/record/sign`, {})).status).toBe(200);
    const issued = await mediator.post(`/api/rooms/${roomId}/record/issue`, {
      version: finished.body.version,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.record.state).toBe('issued');
    expect(issued.body.record.documentNumber).toBe('随联调字〔2026〕第1号');
    const doc = (await mediator.get(`/api/documents/${issued.body.record.documentId}`)).body;
    expect(doc.type).toBe('mediation_record');
    expect(doc.fields.recordHash).toBe(finished.body.record.sha256);
    // The worker's drawn signature goes onto the PDF beside the signature line (the refusal has none).
    expect(doc.fields.signatureImages).toEqual([
      { role: 'worker', png: SIGNATURE.slice('data:image/png;base64,'.length) },
    ]);
    expect(doc.fields.signatures).toEqual([
      expect.stringMatching(
        /^劳动者视频工\d+：已签名（手机手写签名并经短信验证码确认，签名摘要值[0-9a-f]{16}）$/,
      ),
      '工作人员张敏：已签名（工作人员登录确认）',
    ]);
    expect(doc.fields.refusals).toEqual([{ role: 'employer', reason: '对加班事实的记录有异议' }]);
    // On the PDF: the worker's drawn signature (the 1×1 test drawing) and the employer's refusal on its line.
    const pdf = await issuedPdf(mediator, issued.body.record.documentId);
    // (The seal and the verification QR code are the other images.)
    expect(pdf.images.filter((i) => i.type === 'image' && i.width === 1).length).toBe(1);
    expect(pdf.text).toContain(squash('用人单位（签名或者盖章）：拒绝签名（理由：对加班事实的记录有异议）'));
    // The refusal is printed exactly once (on the employer's signature line, not again in 签名情况).
    expect(pdf.text.split(squash('对加班事实的记录有异议')).length - 1).toBe(1);
    expect(pdf.text.split(squash('拒绝签名（理由：')).length - 1).toBe(1);
    const events = await env.server.app.ctx.database.db
      .selectFrom('matter_event')
      .select('kind')
      .where('matter_id', '=', a.matterId)
      .where('kind', 'like', 'room_%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      'room_scheduled',
      'room_record_finished',
      'room_record_signed',
      'room_record_refused',
      'room_record_signed',
      'room_record_issued',
    ]);
  });

  it('signalling: the waiting room, admission, chat on the timeline, a reconnect goes straight back in, removal', async () => {
    const a = await roomFor('13800000401');
    const roomId = a.room.id as string;
    const worker = await signInByPhone(env, sms, '13800000401');
    expect(
      (await worker.post(`/api/portal/rooms/${roomId}/enter`, { code: roomCodeFor('13800000401') })).status,
    ).toBe(200);
    const host = new Signal(env.url, roomId, mediator.cookie!);
    expect((await host.next('welcome')).state).toBe('admitted');
    const party = new Signal(env.url, roomId, worker.cookie!);
    const welcome = await party.next('welcome');
    expect(welcome.state).toBe('waiting');
    // The host sees the waiting party; the party sees only itself. A waiting party cannot chat.
    await host.next('roster', (m) =>
      m.peers.some((p: any) => p.id === welcome.peerId && p.state === 'waiting'),
    );
    party.send({ type: 'chat', text: '等候中的消息' });
    party.send({ type: 'signal', to: (await host.next('welcome')).peerId, data: { kind: 'offer' } });
    host.send({ type: 'admit', peerId: welcome.peerId });
    await party.next('admitted');
    party.send({ type: 'chat', text: '我能听到' });
    const line = await host.next('chat');
    expect([line.name, line.role, line.text]).toEqual([a.room.invitations[0].name, '劳动者', '我能听到']);
    expect(host.messages.filter((m) => m.type === 'signal')).toEqual([]);
    // A dropped connection comes back straight into the room (no second admission).
    await party.close();
    const again = new Signal(env.url, roomId, worker.cookie!);
    expect((await again.next('welcome')).state).toBe('admitted');
    // Removed: the party is put out and cannot come back into this room.
    const back = await again.next('welcome');
    host.send({ type: 'remove', peerId: back.peerId });
    await again.next('removed');
    const third = new Signal(env.url, roomId, worker.cookie!);
    expect((await third.next('refused')).message).toContain('请出');
    await host.close();
    const events = await env.server.app.ctx.database.db
      .selectFrom('matter_event')
      .select(['kind', 'summary'])
      .where('matter_id', '=', a.matterId)
      .where('kind', 'in', ['room_chat', 'room_opened', 'room_entered'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['room_entered', 'room_opened', 'room_chat']);
    expect(events[2]!.summary).toBe(`${a.room.invitations[0].name}（网上）（在线调解室）：我能听到`);
  });

  it('a hearing room: the arbitration clerk writes the record; signed, it is issued as the 庭审笔录', async () => {
    await seedCalendars(env);
    const director = await signedIn(env, 'director');
    const liqiang = await signedIn(env, 'liqiang');
    const arbitrators = [
      await addArbitrator(env, 'arb_room1', '孙仲裁'),
      await addArbitrator(env, 'arb_room2', '周仲裁'),
      await addArbitrator(env, 'arb_room3', '吴仲裁'),
    ];
    const m = await newMatter(clerk, p.zengdu, { worker: '庭审工', employer: '随州市庭审测试有限公司' });
    const app = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = app.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    const clerkId = (
      await env.server.app.ctx.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'liqiang')
        .executeTakeFirstOrThrow()
    ).id;
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: arbitrators,
      presidingId: arbitrators[0],
      clerkId,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
    const workerId = detail.workers[0].id as string;
    await env.server.app.ctx.database.db
      .updateTable('party')
      .set({
        phone_enc: env.server.app.ctx.cipher.encrypt('13800000501'),
        phone_hash: phoneHash(env.server.app.ctx.cipher, '13800000501'),
      })
      .where('id', '=', workerId)
      .execute();
    // The window clerk may not schedule a hearing; the phone is not a hearing format.
    const phone = await liqiang.post(`/api/cases/${caseId}/rooms`, {
      kind: 'hearing',
      format: 'phone',
      startsAt: '2026-12-15T14:30:00+08:00',
      invitations: [{ partyId: workerId, preference: 'video' }],
    });
    expect([phone.status, phone.body.code]).toEqual([422, 'ROOM_FORMAT_NOT_ALLOWED']);
    const byClerk = await clerk.post(`/api/cases/${caseId}/rooms`, {
      kind: 'hearing',
      format: 'video',
      startsAt: '2026-12-15T14:30:00+08:00',
      invitations: [{ partyId: workerId, preference: 'video' }],
    });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'ROOM_NOT_HOST']);
    const r = await liqiang.post(`/api/cases/${caseId}/rooms`, {
      kind: 'hearing',
      format: 'video',
      startsAt: '2026-12-15T14:30:00+08:00',
      invitations: [{ partyId: workerId, preference: 'video', adjustments: ['audioOnly'] }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.record.documentTitle).toBe('庭审笔录');
    const roomId = r.body.id as string;
    const saved = await liqiang.request('PUT', `/api/rooms/${roomId}/record`, {
      version: r.body.version,
      text: '仲裁员：现在开庭，核对当事人身份。\n申请人：请求支付拖欠工资12,500.00元。',
    });
    const finished = await liqiang.post(`/api/rooms/${roomId}/record/finish`, {
      version: saved.body.version,
    });
    expect(finished.status).toBe(200);
    const worker = await signInByPhone(env, sms, '13800000501');
    expect((await worker.post(`/api/portal/rooms/${roomId}/record/code`, {})).status).toBe(200);
    const signed = await worker.post(`/api/portal/rooms/${roomId}/record/sign`, {
      code: sms.codeFor('13800000501'),
      signature: SIGNATURE,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await liqiang.post(`/api/rooms/${roomId}/record/sign`, {})).status).toBe(200);
    const issued = await liqiang.post(`/api/rooms/${roomId}/record/issue`, {
      version: finished.body.version,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.record.documentNumber).toMatch(/^随劳人仲笔字〔2026〕第\d+号$/);
    const doc = (await liqiang.get(`/api/documents/${issued.body.record.documentId}`)).body;
    expect(doc.type).toBe('hearing_record');
    expect(doc.fields.statements.at(-1).text).toContain(
      `笔录摘要值（SHA-256）：${finished.body.record.sha256}`,
    );
    // The worker (申请人) signed by hand: the drawing is on the 庭审笔录 beside the applicant's line.
    expect(doc.fields.signatureImages).toEqual([
      { role: 'worker', png: SIGNATURE.slice('data:image/png;base64,'.length) },
    ]);
    const pdf = await issuedPdf(liqiang, issued.body.record.documentId);
    // The drawing (1×1 px in this test) beside the seal (240 px) and the verification QR code (256 px).
    expect(
      pdf.images
        .filter((i) => i.type === 'image')
        .map((i) => `${i.width}x${i.height}`)
        .sort(),
    ).toEqual(['1x1', '240x240', '256x256']);
    expect(pdf.text).toContain(squash('申请人（签名或者盖章）：'));
  });
});
