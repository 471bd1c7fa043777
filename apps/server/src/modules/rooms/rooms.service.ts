// Over 400 lines on purpose: online rooms (issue #20) are being built in it by another change; to be split (invitations, sessions, records) once that lands.
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  chineseDateTime,
  claimTypeLabel,
  RECORD_STATE_LABELS,
  ROOM_ADJUSTMENTS,
  ROOM_FORMAT_RULES,
  ROOM_KIND_LABELS,
  ROOM_RECORD_DOCUMENTS,
  ROOM_STATE_LABELS,
  type RoomRole,
  SIGN_CODE_TTL_SEC,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { sha256Hex } from '../../platform/crypto';
import { AppError, errors } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import { appendEvent, assertCaseVisible } from '../../platform/scope';
import { hearingRecordDocument } from '../arbitration';
import { getDocumentsService } from '../documents';
import { mediationIssuer } from '../mediation';
import { myMemberships } from '../portal';
import type { PortalContext } from '../portal';
import { PORTAL_CODE_SMS_JOB } from '../portal';
import { caseEvidence, roomExhibits, roomRecordings } from './rooms.live';
import type { recordBody, refuseBody, RoomView, scheduleBody, signBody } from './rooms.schema';
import { dateTimeOf } from '../../platform/time';

type Trx = Transaction<DB>;
type Exec = Kysely<DB> | Trx;

/** The job that sends a room invitation (link + per-room code) by SMS. */
export const ROOM_INVITE_SMS_JOB = 'sms.room_invitation';

export const roomErrors = {
  notInvited: () => new AppError(403, 'ROOM_NOT_INVITED', '您不是本次调解（开庭）的受邀当事人，不能进入'),
  codeRequired: () => new AppError(403, 'ROOM_CODE_REQUIRED', '请先输入短信中的调解室码'),
  recordingNotice: () =>
    new AppError(403, 'ROOM_RECORDING_NOTICE', '本次调解（开庭）将录音录像，请先阅读并确认录音录像告知'),
  notHost: () => new AppError(403, 'ROOM_NOT_HOST', '只有主持调解（开庭）的工作人员可以操作'),
};

/** The work permission a staff member needs to host (and write the record of) a room of this kind. */
const HOST_PERMISSIONS = {
  mediation: ['mediation.work'],
  hearing: ['arbitration.work', 'arbitration.clerk'],
} as const;

export interface StaffAccess {
  kind: 'staff';
  userId: string;
  name: string;
  role: RoomRole;
  host: boolean;
}
export interface PartyAccess {
  kind: 'party';
  invitationId: string;
  partyId: string;
  name: string;
  role: 'worker' | 'employer';
  entered: boolean;
  /** True when the room is not recorded, or the party acknowledged the recording notice. */
  recordingAcknowledged: boolean;
  accountId: string | null;
}
export type RoomAccess = StaffAccess | PartyAccess;

export const codeHashOf = (ctx: AppContext, invitationId: string, code: string) =>
  ctx.cipher.lookupHash(`room-code:${invitationId}:${code}`);

async function loadRoom(exec: Exec, id: string) {
  const room = await exec.selectFrom('room').selectAll().where('id', '=', id).executeTakeFirst();
  if (!room) throw errors.notFound('调解室');
  return room;
}

/** The room while its record waits for signatures (the record's hash is fixed), else 409. */
async function loadSigningRoom(exec: Exec, id: string) {
  const room = await loadRoom(exec, id);
  if (room.record_state !== 'signing' || !room.record_sha256) {
    throw new AppError(409, 'RECORD_NOT_SIGNING', '笔录尚未交签名或已出具');
  }
  return { ...room, record_sha256: room.record_sha256 };
}

/** The record's title of this kind of room (调解笔录 / 庭审笔录). */
const recordTitle = (room: { kind: keyof typeof ROOM_RECORD_DOCUMENTS }) =>
  ROOM_RECORD_DOCUMENTS[room.kind].title;

/** One signature row (signed or refused); a retried submission inserts nothing and returns false. */
async function insertSignature(
  trx: Trx,
  room: { id: string; record_sha256: string },
  who: { invitationId: string | null; userId: string | null; name: string; role: RoomRole },
  outcome: { kind: 'signed'; png?: Buffer } | { kind: 'refused'; reason: string },
  ip: string | null,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('room_signature')
    .values({
      room_id: room.id,
      invitation_id: who.invitationId,
      user_id: who.userId,
      signer_name: who.name,
      signer_role: who.role,
      outcome: outcome.kind,
      record_sha256: room.record_sha256,
      signature_png: outcome.kind === 'signed' && outcome.png ? outcome.png.toString('base64') : null,
      signature_sha256: outcome.kind === 'signed' && outcome.png ? sha256Hex(outcome.png) : null,
      refusal_reason: outcome.kind === 'refused' ? outcome.reason : null,
      ip,
    })
    .onConflict((oc) =>
      who.userId
        ? oc.columns(['room_id', 'user_id']).where('user_id', 'is not', null).doNothing()
        : oc.columns(['room_id', 'invitation_id']).where('invitation_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

const accountRequired = () => new AppError(403, 'PORTAL_ACCOUNT_REQUIRED', '签名须用手机号登录后进行');

/** A wrong one-time code: 400 with the tries left, or locked when none are left. */
export function wrongCode(
  left: number,
  what: '验证码' | '调解室码',
  codes: readonly [wrong: string, locked: string],
  lockedMessage: string,
) {
  return new AppError(
    400,
    left > 0 ? codes[0] : codes[1],
    left > 0 ? `${what}不正确，还可以再试${left}次` : lockedMessage,
  );
}

/** Staff: the case must be visible (404 outside the jurisdiction); hosting needs the track's work permission. */
export async function staffAccess(exec: Exec, auth: AuthContext, roomId: string): Promise<StaffAccess> {
  const room = await loadRoom(exec, roomId);
  await assertCaseVisible(exec, auth, room.case_id);
  const host = HOST_PERMISSIONS[room.kind].some((p) => auth.permissions.has(p));
  if (!host) throw roomErrors.notHost();
  const role: RoomRole =
    room.kind === 'hearing' &&
    auth.permissions.has('arbitration.clerk') &&
    !auth.permissions.has('arbitration.work')
      ? 'clerk'
      : 'presiding';
  return { kind: 'staff', userId: auth.userId, name: auth.displayName, role, host: true };
}

/** A portal user: only a party invited to this room, acting for that party (403 otherwise). */
export async function partyAccess(db: Kysely<DB>, p: PortalContext, roomId: string): Promise<PartyAccess> {
  const room = await db
    .selectFrom('room')
    .select(['id', 'matter_id', 'recording_opt_in'])
    .where('id', '=', roomId)
    .executeTakeFirst();
  if (!room) throw roomErrors.notInvited();
  const memberships = await myMemberships(db, p, room.matter_id);
  const partyIds = memberships.map((m) => m.partyId);
  if (!partyIds.length) throw roomErrors.notInvited();
  const inv = await db
    .selectFrom('room_invitation')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('party_id', 'in', partyIds)
    .executeTakeFirst();
  if (!inv) throw roomErrors.notInvited();
  return {
    kind: 'party',
    invitationId: inv.id,
    partyId: inv.party_id,
    name: inv.name,
    role: inv.role,
    entered: inv.entered_session === p.sessionId,
    recordingAcknowledged: !room.recording_opt_in || inv.recording_ack_at !== null,
    accountId: p.accountId,
  };
}

/** Schedules a room from the session/hearing form: format, each party's preference and adjustments, SMS invitations. */
export async function scheduleRoom(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof scheduleBody>,
): Promise<{ id: string }> {
  const rule = ROOM_FORMAT_RULES[body.format];
  if (!rule.kinds.includes(body.kind)) {
    throw new AppError(
      422,
      'ROOM_FORMAT_NOT_ALLOWED',
      `${ROOM_KIND_LABELS[body.kind]}不能采用${rule.label}方式（${rule.basis}）`,
    );
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const c = await assertCaseVisible(trx, auth, caseId);
    if (!HOST_PERMISSIONS[body.kind].some((p) => auth.permissions.has(p))) throw roomErrors.notHost();
    const expectedTrack = body.kind === 'mediation' ? 'mediation' : 'arbitration';
    if (c.track !== expectedTrack) {
      throw new AppError(
        422,
        'ROOM_KIND_MISMATCH',
        body.kind === 'mediation' ? '只有调解案件可以安排调解室' : '只有仲裁案件可以安排开庭',
      );
    }
    const parties = await trx
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .select(['p.id', 'p.name', 'p.phone_enc', 'mp.role'])
      .where('mp.matter_id', '=', c.matter_id)
      .execute();
    // A party without a phone on file (often the employer) is reached at the phone of the portal
    // account that represents it on this matter (单位代表码 redeemed).
    const reps = await trx
      .selectFrom('portal_representation as r')
      .innerJoin('portal_account as a', 'a.id', 'r.account_id')
      .select(['r.party_id', 'a.phone_enc'])
      .where('r.matter_id', '=', c.matter_id)
      .execute();
    for (const party of parties) {
      if (!party.phone_enc) party.phone_enc = reps.find((r) => r.party_id === party.id)?.phone_enc ?? null;
    }
    const seen = new Set<string>();
    for (const i of body.invitations) {
      const party = parties.find((p) => p.id === i.partyId);
      if (!party || (party.role !== 'worker' && party.role !== 'employer')) {
        throw new AppError(400, 'ROOM_PARTY_UNKNOWN', '被邀请人不是本案当事人，请重新选择');
      }
      if (seen.has(i.partyId)) throw new AppError(400, 'ROOM_PARTY_TWICE', '同一当事人只能邀请一次');
      seen.add(i.partyId);
    }
    const startsAt = new Date(body.startsAt);
    const room = await trx
      .insertInto('room')
      .values({
        case_id: caseId,
        matter_id: c.matter_id,
        jurisdiction_id: c.jurisdiction_id,
        kind: body.kind,
        format: body.format,
        starts_at: startsAt,
        place: body.place ?? null,
        recording_opt_in: body.recordingOptIn,
        created_by: actor.id,
        created_by_name: actor.name,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const when = chineseDateTime(localIso(ctx, startsAt));
    for (const i of body.invitations) {
      const party = parties.find((p) => p.id === i.partyId)!;
      const id = randomUUID();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const online = ROOM_FORMAT_RULES[body.format].online;
      const text = online
        ? `【随州劳动维权】${party.name}：您的案件${c.number}定于${when}进行${rule.label}${ROOM_KIND_LABELS[body.kind]}。请在手机端“我的事项”中进入调解室，调解室码${code}，请勿告诉他人。无法上网的可来电改为电话参加。`
        : `【随州劳动维权】${party.name}：您的案件${c.number}定于${when}进行${rule.label}${ROOM_KIND_LABELS[body.kind]}${body.place ? `，地点：${body.place}` : ''}。`;
      await trx
        .insertInto('room_invitation')
        .values({
          id,
          room_id: room.id,
          party_id: party.id,
          role: party.role as 'worker' | 'employer',
          name: party.name,
          preference: i.preference,
          adjustments: JSON.stringify(i.adjustments),
          adjustment_note: i.note ?? null,
          code_hash: codeHashOf(ctx, id, code),
          sms_phone_enc: party.phone_enc,
          sms_body_enc: party.phone_enc ? ctx.cipher.encrypt(text) : null,
          sms_state: party.phone_enc ? 'pending' : 'no_phone',
        })
        .execute();
      if (party.phone_enc) {
        await enqueueJob(trx, ROOM_INVITE_SMS_JOB, { id }, { dedupeKey: `sms:room_invitation:${id}` });
      }
    }
    const summary = `${c.number}：安排${rule.label}${ROOM_KIND_LABELS[body.kind]}（${when}），邀请${body.invitations.length}方当事人`;
    await appendEvent(trx, actor, c.matter_id, 'room_scheduled', summary, {
      caseId,
      roomId: room.id,
      format: body.format,
      invitations: body.invitations.map((i) => ({
        partyId: i.partyId,
        preference: i.preference,
        adjustments: i.adjustments,
      })),
    });
    await appendAudit(trx, actor, {
      action: 'room.schedule',
      entityType: 'case',
      entityId: caseId,
      summary,
      after: { roomId: room.id, kind: body.kind, format: body.format, startsAt: body.startsAt },
    });
    return { id: room.id };
  });
}

function localIso(ctx: AppContext, at: Date): string {
  return dateTimeOf(ctx.config, at);
}

/** The room as the caller sees it (staff or an invited party). */
export async function roomView(
  ctx: AppContext,
  exec: Exec,
  roomId: string,
  access: RoomAccess,
): Promise<RoomView> {
  const room = await loadRoom(exec, roomId);
  const c = await exec
    .selectFrom('track_case')
    .select(['number'])
    .where('id', '=', room.case_id)
    .executeTakeFirstOrThrow();
  const invitations = await exec
    .selectFrom('room_invitation')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('role', 'desc')
    .execute();
  const signatures = await exec
    .selectFrom('room_signature')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('signed_at')
    .execute();
  const doc = room.document_id
    ? await exec
        .selectFrom('document')
        .select(['number', 'sha256'])
        .where('id', '=', room.document_id)
        .executeTakeFirst()
    : undefined;
  const rule = ROOM_FORMAT_RULES[room.format];
  const { config } = ctx;
  const org = room.created_by
    ? await exec
        .selectFrom('app_user as u')
        .innerJoin('organization as o', 'o.id', 'u.organization_id')
        .select(['o.phone'])
        .where('u.id', '=', room.created_by)
        .executeTakeFirst()
    : undefined;
  const dialPhone = org?.phone ?? null;
  return {
    id: room.id,
    caseId: room.case_id,
    caseNumber: c.number,
    matterId: room.matter_id,
    kind: room.kind,
    kindLabel: ROOM_KIND_LABELS[room.kind],
    format: room.format,
    formatLabel: rule.label,
    formatBasis: rule.basis,
    startsAt: new Date(room.starts_at).toISOString(),
    startsAtText: chineseDateTime(localIso(ctx, new Date(room.starts_at))),
    place: room.place,
    state: room.state,
    stateLabel: ROOM_STATE_LABELS[room.state],
    recordingOptIn: room.recording_opt_in,
    record: {
      text: room.record_text,
      state: room.record_state,
      stateLabel: RECORD_STATE_LABELS[room.record_state],
      sha256: room.record_sha256,
      documentId: room.document_id,
      documentNumber: doc?.number ?? null,
      documentSha256: doc?.sha256 ?? null,
      documentTitle: recordTitle(room),
    },
    staffSignatures: signatures
      .filter((s) => s.user_id)
      .map((s) => ({ name: s.signer_name, role: s.signer_role, at: new Date(s.signed_at).toISOString() })),
    invitations: invitations
      // A party sees the other side's name and signature state, not their adjustments or SMS state.
      .map((i) => {
        const s = signatures.find((x) => x.invitation_id === i.id);
        const own = access.kind === 'staff' || access.invitationId === i.id;
        return {
          id: i.id,
          partyId: i.party_id,
          role: i.role,
          name: i.name,
          preference: i.preference,
          preferenceLabel: ROOM_FORMAT_RULES[i.preference].label,
          adjustments: own
            ? (i.adjustments as string[]).map(
                (a) => ROOM_ADJUSTMENTS[a as keyof typeof ROOM_ADJUSTMENTS]?.label ?? a,
              )
            : [],
          note: own ? i.adjustment_note : null,
          smsState: access.kind === 'staff' ? i.sms_state : '',
          entered: i.entered_at !== null,
          recordingAcknowledged: !room.recording_opt_in || i.recording_ack_at !== null,
          signature: s
            ? { outcome: s.outcome, at: new Date(s.signed_at).toISOString(), reason: s.refusal_reason }
            : null,
        };
      }),
    me: {
      role: access.role,
      name: access.name,
      host: access.kind === 'staff' && access.host,
      entered: access.kind === 'staff' || access.entered,
      recordingAcknowledged: access.kind === 'staff' || access.recordingAcknowledged,
    },
    exhibits: await roomExhibits(exec, roomId),
    evidence: access.kind === 'staff' ? await caseEvidence(exec, room.matter_id) : [],
    recordings: await roomRecordings(exec, roomId),
    dialIn: {
      phone: dialPhone,
      text: dialPhone
        ? `网络不好、视频断断续续时，可以拨打${dialPhone}改为电话参加，工作人员会把您接入（电话中的陈述同样记入笔录）。`
        : '网络不好、视频断断续续时，可以点“网络不好，仅语音”；仍不行的，请告诉工作人员改为电话参加，工作人员会按约定时间拨打您登记的电话。',
    },
    iceServers: config.iceUrls.length
      ? [
          {
            urls: config.iceUrls,
            ...(config.turnUsername && { username: config.turnUsername }),
            ...(config.turnCredential && { credential: config.turnCredential }),
          },
        ]
      : [],
    version: room.version,
  };
}

/** A party types the per-room code from the SMS: this portal session may then enter (5 wrong codes lock it). */
export async function enterWithCode(
  ctx: AppContext,
  p: PortalContext,
  roomId: string,
  code: string,
  actor: Actor,
) {
  const { db } = ctx.database;
  const access = await partyAccess(db, p, roomId);
  return db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('room_invitation')
      .selectAll()
      .where('id', '=', access.invitationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (inv.code_attempts >= 5) {
      throw new AppError(403, 'ROOM_CODE_LOCKED', '调解室码输错次数过多，请联系调解员重新发送');
    }
    const expected = Buffer.from(inv.code_hash);
    const given = Buffer.from(codeHashOf(ctx, inv.id, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await trx
        .updateTable('room_invitation')
        .set({ code_attempts: sql`code_attempts + 1` })
        .where('id', '=', inv.id)
        .execute();
      return { ok: false as const, left: 4 - inv.code_attempts };
    }
    await trx
      .updateTable('room_invitation')
      .set({ entered_session: p.sessionId, entered_at: new Date(), code_attempts: 0 })
      .where('id', '=', inv.id)
      .execute();
    const room = await loadRoom(trx, roomId);
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_entered',
      `${inv.name}凭调解室码进入在线${ROOM_KIND_LABELS[room.kind]}室`,
      {
        roomId,
        invitationId: inv.id,
      },
    );
    return { ok: true as const, left: 5 };
  });
}

/** The clerk's record, written live (version-checked: two writers never overwrite each other silently). */
export async function saveRecord(
  ctx: AppContext,
  actor: Actor,
  roomId: string,
  body: z.infer<typeof recordBody>,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadRoom(trx, roomId);
    if (room.record_state !== 'drafting') {
      throw new AppError(409, 'RECORD_NOT_DRAFTING', '笔录已提交签名，不能再修改');
    }
    const row = await trx
      .updateTable('room')
      .set((eb) => ({ record_text: body.text, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', roomId)
      .where('version', '=', body.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!row) throw errors.conflict({ version: room.version, text: room.record_text });
    await appendAudit(trx, actor, {
      action: 'room.record',
      entityType: 'room',
      entityId: roomId,
      summary: `记录笔录（${body.text.length}字）`,
      after: { length: body.text.length, sha256: sha256Hex(body.text) },
    });
    return { version: row.version };
  });
}

/** The clerk finishes the record: its text is fixed (hash) and each party is asked to read and sign it. */
export async function finishRecord(ctx: AppContext, actor: Actor, roomId: string, version: number) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadRoom(trx, roomId);
    if (room.record_state !== 'drafting') throw new AppError(409, 'RECORD_NOT_DRAFTING', '笔录已提交签名');
    if (room.record_text.trim().length < 2) throw new AppError(422, 'RECORD_EMPTY', '请先填写笔录内容');
    const hash = sha256Hex(room.record_text);
    const row = await trx
      .updateTable('room')
      .set((eb) => ({
        record_state: 'signing' as const,
        record_sha256: hash,
        state: 'closed' as const,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', roomId)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
    if (!row) throw errors.conflict({ version: room.version });
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_record_finished',
      `${recordTitle(room)}记录完毕，交各方阅读签名（摘要值${hash.slice(0, 12)}）`,
      { roomId, sha256: hash },
    );
    return { version: row.version, sha256: hash };
  });
}

/** One-time SMS code to the signed-in phone, through the portal's code queue (same table, job and limits). */
export async function sendSignCode(ctx: AppContext, access: PartyAccess, roomId: string, ip: string) {
  const { db } = ctx.database;
  if (!access.accountId) throw accountRequired();
  const room = await loadRoom(db, roomId);
  if (room.record_state !== 'signing') throw new AppError(409, 'RECORD_NOT_SIGNING', '笔录尚未交签名');
  const account = await db
    .selectFrom('portal_account')
    .select(['phone_hash', 'phone_enc'])
    .where('id', '=', access.accountId)
    .executeTakeFirstOrThrow();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = randomUUID();
  const body = `【随州劳动维权】您正在签署${recordTitle(room)}，验证码${code}，5分钟内有效。请勿告诉他人。`;
  const key = `sms:portal_code:${id}`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('portal_code')
      .values({
        id,
        phone_hash: account.phone_hash,
        code_hash: ctx.cipher.lookupHash(`portal-code:${id}:${code}`),
        expires_at: new Date(Date.now() + SIGN_CODE_TTL_SEC * 1000),
        ip,
        phone_enc: account.phone_enc,
        body_enc: ctx.cipher.encrypt(body),
        state: 'pending',
      })
      .execute();
    await enqueueJob(trx, PORTAL_CODE_SMS_JOB, { id }, { dedupeKey: key, maxAttempts: 1 });
  });
  const ran = await ctx.jobs.runNow(key);
  if (ran !== 'done') throw new AppError(502, 'SMS_FAILED', '短信发送失败，请稍后再试');
  return { expiresInSec: SIGN_CODE_TTL_SEC };
}

/** Checks and consumes the newest sign code of the account's phone (5 tries, as at sign-in). */
async function consumeSignCode(ctx: AppContext, trx: Trx, accountId: string, code: string) {
  const account = await trx
    .selectFrom('portal_account')
    .select('phone_hash')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const row = await trx
    .selectFrom('portal_code')
    .selectAll()
    .where('phone_hash', '=', account.phone_hash)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now() || row.attempts >= 5) {
    throw new AppError(400, 'CODE_EXPIRED', '验证码已过期，请重新获取');
  }
  const expected = Buffer.from(row.code_hash);
  const given = Buffer.from(ctx.cipher.lookupHash(`portal-code:${row.id}:${code}`));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false as const, codeId: row.id, left: 4 - row.attempts };
  }
  await trx.updateTable('portal_code').set({ consumed_at: new Date() }).where('id', '=', row.id).execute();
  return { ok: true as const };
}

/** A party signs the record on the phone: handwritten signature (PNG) + SMS code; the record hash is kept. */
export async function signAsParty(
  ctx: AppContext,
  access: PartyAccess,
  roomId: string,
  body: z.infer<typeof signBody>,
  actor: Actor,
) {
  const { db } = ctx.database;
  if (!access.accountId) throw accountRequired();
  const png = Buffer.from(body.signature.slice('data:image/png;base64,'.length), 'base64');
  if (png.length < 100 || png.subarray(1, 4).toString('latin1') !== 'PNG') {
    throw new AppError(400, 'SIGNATURE_EMPTY', '请在签名框内手写签名');
  }
  const wrong = await db.transaction().execute(async (trx) => {
    const room = await loadSigningRoom(trx, roomId);
    const done = await trx
      .selectFrom('room_signature')
      .select('outcome')
      .where('room_id', '=', roomId)
      .where('invitation_id', '=', access.invitationId)
      .executeTakeFirst();
    if (done) return null; // a retried submission: already signed (or refused), nothing more to do
    const check = await consumeSignCode(ctx, trx, access.accountId!, body.code);
    if (!check.ok) return check;
    await insertSignature(
      trx,
      room,
      { invitationId: access.invitationId, userId: null, name: access.name, role: access.role },
      { kind: 'signed', png },
      actor.ip,
    );
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_record_signed',
      `${access.name}在手机上阅读并签名确认${recordTitle(room)}`,
      {
        roomId,
        recordSha256: room.record_sha256,
        signatureSha256: sha256Hex(png),
      },
    );
    return null;
  });
  if (wrong) {
    // Counted outside the rolled-back path: a wrong code is remembered.
    await db
      .updateTable('portal_code')
      .set({ attempts: sql`attempts + 1` })
      .where('id', '=', wrong.codeId)
      .execute();
    throw wrongCode(
      wrong.left,
      '验证码',
      ['CODE_WRONG', 'CODE_LOCKED'],
      '验证码输错次数过多，已作废，请重新获取',
    );
  }
}

/** A party refuses to sign: recorded with the reason (the record is issued with the refusal noted). */
export async function refuseAsParty(
  ctx: AppContext,
  access: PartyAccess,
  roomId: string,
  body: z.infer<typeof refuseBody>,
  actor: Actor,
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadSigningRoom(trx, roomId);
    const inserted = await insertSignature(
      trx,
      room,
      { invitationId: access.invitationId, userId: null, name: access.name, role: access.role },
      { kind: 'refused', reason: body.reason },
      actor.ip,
    );
    if (!inserted) return;
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_record_refused',
      `${access.name}拒绝在${recordTitle(room)}上签名：${body.reason}`,
      {
        roomId,
        recordSha256: room.record_sha256,
      },
    );
  });
}

/** Staff sign by their session (no handwriting: the signed-in user is the signature). */
export async function signAsStaff(ctx: AppContext, access: StaffAccess, roomId: string, actor: Actor) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadSigningRoom(trx, roomId);
    const inserted = await insertSignature(
      trx,
      room,
      { invitationId: null, userId: access.userId, name: access.name, role: access.role },
      { kind: 'signed' },
      actor.ip,
    );
    if (!inserted) return;
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_record_signed',
      `${access.name}（工作人员）签名确认${recordTitle(room)}`,
      {
        roomId,
        recordSha256: room.record_sha256,
      },
    );
  });
}

/**
 * Issues the signed record as a document (调解笔录 / 庭审笔录): every invited party has signed or
 * refused (the refusal is printed), and at least one member of staff signed.
 */
export async function issueRecord(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  roomId: string,
  version: number,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadSigningRoom(trx, roomId);
    if (room.version !== version) throw errors.conflict({ version: room.version });
    const invitations = await trx
      .selectFrom('room_invitation')
      .selectAll()
      .where('room_id', '=', roomId)
      .execute();
    const signatures = await trx
      .selectFrom('room_signature')
      .selectAll()
      .where('room_id', '=', roomId)
      .execute();
    const pending = invitations.filter((i) => !signatures.some((s) => s.invitation_id === i.id));
    if (pending.length) {
      throw new AppError(
        422,
        'RECORD_SIGNATURES_MISSING',
        `${pending.map((i) => i.name).join('、')}尚未签名或表示拒绝签名（${ROOM_RECORD_DOCUMENTS[room.kind].basis}）`,
      );
    }
    const staff = signatures.filter((s) => s.user_id);
    if (!staff.length) {
      throw new AppError(
        422,
        'RECORD_STAFF_SIGNATURE_MISSING',
        `请工作人员先签名（${ROOM_RECORD_DOCUMENTS[room.kind].basis}）`,
      );
    }
    // The parties' drawn signatures go beside their lines on the PDF; a refusal is printed on the line.
    const isParty = (role: string): role is 'worker' | 'employer' => role === 'worker' || role === 'employer';
    const signatureImages = signatures.flatMap((s) =>
      s.outcome === 'signed' && s.signature_png && !s.user_id && isParty(s.signer_role)
        ? [{ role: s.signer_role, png: s.signature_png }]
        : [],
    );
    const onItsLine = (s: (typeof signatures)[number]) =>
      s.outcome === 'refused' && !s.user_id && isParty(s.signer_role);
    const refusals = signatures.flatMap((s) =>
      onItsLine(s) && isParty(s.signer_role) ? [{ role: s.signer_role, reason: s.refusal_reason ?? '' }] : [],
    );
    // A party's refusal is printed once, on its own signature line (partySignLabel): the list of
    // signatures names who signed and how, and only a refusal no line carries.
    const signLines = signatures
      .filter((s) => !onItsLine(s))
      .map((s) => {
        const who = `${s.user_id ? '工作人员' : s.signer_role === 'worker' ? '劳动者' : '用人单位'}${s.signer_name}`;
        if (s.outcome === 'refused') return `${who}：拒绝签名，理由：${s.refusal_reason}`;
        return s.user_id
          ? `${who}：已签名（工作人员登录确认）`
          : `${who}：已签名（手机手写签名并经短信验证码确认，签名摘要值${s.signature_sha256?.slice(0, 16)}）`;
      });
    const lines = room.record_text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let doc: { id: string; number: string | null };
    if (room.kind === 'mediation') {
      const worker = invitations.find((i) => i.role === 'worker')?.name;
      const employer = invitations.find((i) => i.role === 'employer')?.name;
      const parties = await trx
        .selectFrom('matter_party as mp')
        .innerJoin('party as p', 'p.id', 'mp.party_id')
        .select(['p.name', 'mp.role'])
        .where('mp.matter_id', '=', room.matter_id)
        .execute();
      const issuer = await mediationIssuer(ctx, trx, actor, room.case_id);
      const claims = await trx
        .selectFrom('matter_claim')
        .select('type')
        .where('matter_id', '=', room.matter_id)
        .execute();
      const r = await getDocumentsService(ctx).createAndIssue(trx, actor, {
        subjectType: 'case',
        subjectId: room.case_id,
        type: 'mediation_record',
        issuerOrgId: issuer.id,
        fields: {
          workerName: worker ?? parties.find((p) => p.role === 'worker')?.name ?? '劳动者',
          employerName: employer ?? parties.find((p) => p.role === 'employer')?.name ?? '用人单位',
          caseCause: caseCauseOf(claims.map((x) => x.type)),
          sessionAt: localIso(ctx, new Date(room.starts_at)),
          sessionPlace: `${ROOM_FORMAT_RULES[room.format].label}调解${room.place ? `（${room.place}）` : '（线上调解室）'}`,
          mediators: staff.map((s) => s.signer_name),
          attendees: invitations.map(
            (i) =>
              `${i.role === 'worker' ? '劳动者' : '用人单位'}${i.name}（${i.entered_at ? '在线参加' : '未在线进入'}）`,
          ),
          lines: lines.length ? lines : [room.record_text],
          signatures: signLines,
          recordHash: room.record_sha256,
          organizationName: issuer.name,
          // The drawn signatures are printed beside the parties' signature lines.
          signatureImages,
          refusals,
        },
      });
      doc = r;
    } else {
      const r = await hearingRecordDocument(ctx, trx, actor, room.case_id, {
        summary: room.record_text,
        statements: [
          ...lines.map((text) => ({ speaker: '庭审记录', text })),
          {
            speaker: '签名情况',
            text: `${signLines.join('；')}。笔录摘要值（SHA-256）：${room.record_sha256}`,
          },
        ],
        signatureImages,
        refusals,
      });
      doc = r;
    }
    await trx
      .updateTable('room')
      .set((eb) => ({
        record_state: 'issued' as const,
        document_id: doc.id,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', roomId)
      .execute();
    const title = recordTitle(room);
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_record_issued',
      `出具${title}${doc.number ?? ''}（笔录摘要值${room.record_sha256.slice(0, 12)}）`,
      {
        roomId,
        documentId: doc.id,
        recordSha256: room.record_sha256,
      },
    );
    await appendAudit(trx, actor, {
      action: 'room.record.issue',
      entityType: 'room',
      entityId: roomId,
      summary: `出具${title}${doc.number ?? ''}`,
      after: { documentId: doc.id, recordSha256: room.record_sha256 },
    });
    void auth;
    return { documentId: doc.id, number: doc.number };
  });
}

/** 案由 from the matter's claims (catalogue names), as the mediation documents print it. */
function caseCauseOf(types: string[]): string {
  const labels = [...new Set(types.map((t) => claimTypeLabel(t)))];
  return labels.length ? labels.slice(0, 3).join('、') : '劳动';
}

/** A chat line stays on the case timeline (matter events), in its own transaction. */
export async function recordChat(ctx: AppContext, roomId: string, actor: Actor, text: string) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await loadRoom(trx, roomId);
    const summary = `${actor.name}（在线${ROOM_KIND_LABELS[room.kind]}室）：${text}`;
    await appendEvent(trx, actor, room.matter_id, 'room_chat', summary.slice(0, 2000), { roomId });
    return { at: new Date().toISOString() };
  });
}

/** Rooms of one case (staff), newest first. */
export async function listCaseRooms(ctx: AppContext, auth: AuthContext, caseId: string) {
  const { db } = ctx.database;
  const c = await assertCaseVisible(db, auth, caseId);
  const rows = await db
    .selectFrom('room')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_at', 'desc')
    .execute();
  return rows.map((r) => listItem(ctx, r, c.number));
}

function listItem(
  ctx: AppContext,
  r: {
    id: string;
    kind: 'mediation' | 'hearing';
    format: keyof typeof ROOM_FORMAT_RULES;
    starts_at: Date;
    state: keyof typeof ROOM_STATE_LABELS;
  },
  caseNumber: string,
) {
  return {
    id: r.id,
    caseNumber,
    kindLabel: ROOM_KIND_LABELS[r.kind],
    formatLabel: ROOM_FORMAT_RULES[r.format].label,
    startsAtText: chineseDateTime(localIso(ctx, new Date(r.starts_at))),
    stateLabel: ROOM_STATE_LABELS[r.state],
    online: ROOM_FORMAT_RULES[r.format].online,
  };
}

/** The rooms a portal user is invited to. */
export async function listMyRooms(ctx: AppContext, p: PortalContext) {
  const { db } = ctx.database;
  const memberships = await myMemberships(db, p);
  if (!memberships.length) return [];
  const rows = await db
    .selectFrom('room as r')
    .innerJoin('room_invitation as i', 'i.room_id', 'r.id')
    .innerJoin('track_case as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.kind', 'r.format', 'r.starts_at', 'r.state', 'c.number', 'r.matter_id', 'i.party_id'])
    .where(
      'r.matter_id',
      'in',
      memberships.map((m) => m.matterId),
    )
    .orderBy('r.starts_at', 'desc')
    .execute();
  return rows
    .filter((r) => memberships.some((m) => m.matterId === r.matter_id && m.partyId === r.party_id))
    .map((r) => listItem(ctx, r, r.number));
}

/** Sends one invitation SMS (job handler; idempotent; the text holding the room code is cleared once sent). */
export async function deliverInvitation(
  ctx: AppContext,
  provider: {
    send(m: { id: string; to: string; body: string; template: string }): Promise<{ delivered?: boolean }>;
  },
  id: string,
  attempt: { attempt: number; maxAttempts: number },
) {
  const { db } = ctx.database;
  const row = await db
    .selectFrom('room_invitation')
    .select(['id', 'sms_state', 'sms_phone_enc', 'sms_body_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.sms_state !== 'pending' || !row.sms_phone_enc || !row.sms_body_enc) return;
  const done = (state: 'sent' | 'logged' | 'failed', error: string | null) =>
    db
      .updateTable('room_invitation')
      .set({ sms_state: state, sms_error: error, sms_body_enc: null, sms_phone_enc: null })
      .where('id', '=', id)
      .where('sms_state', '=', 'pending')
      .execute();
  try {
    const r = await provider.send({
      id,
      to: ctx.cipher.decrypt(row.sms_phone_enc),
      body: ctx.cipher.decrypt(row.sms_body_enc),
      template: 'room.invitation',
    });
    await done(
      r.delivered === false ? 'logged' : 'sent',
      r.delivered === false ? '未配置短信服务，短信仅写入日志' : null,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (attempt.attempt >= attempt.maxAttempts) await done('failed', message.slice(0, 500));
    throw err;
  }
}
