// Over 400 lines: the live part of a room (chat, exhibits, recordings, presence) shares its locks and checks; to split by feature with the rooms service.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { ROOM_KIND_LABELS } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { serveAuditedFile } from '../../platform/files';
import { appendEvent } from '../../platform/scope';
import { contentKey, type FileStore } from '../../platform/storage';
import type { PartyAccess, RoomAccess, StaffAccess } from './rooms.service';
import type { CaucusSide, ExhibitShown } from './rooms.signal';

/**
 * The live parts of an online room (issue #20) kept in the database: the host's waiting-room
 * decisions, the caucus on the timeline, exhibits (a piece of the case's evidence shown to all), the
 * recording notice each party acknowledged, and the recording itself (chunks from the host's browser,
 * stored in the file store by SHA-256).
 */

async function roomRow(exec: Kysely<DB> | Transaction<DB>, roomId: string) {
  const room = await exec.selectFrom('room').selectAll().where('id', '=', roomId).executeTakeFirst();
  if (!room) throw errors.notFound('调解室');
  return room;
}

/** The host's earlier decisions about this person (a reconnect, on any instance, keeps them). */
export async function decisionsFor(db: Kysely<DB>, access: RoomAccess) {
  if (access.kind === 'staff') return { admitted: true, removed: false };
  const inv = await db
    .selectFrom('room_invitation')
    .select(['admitted_at', 'removed_at'])
    .where('id', '=', access.invitationId)
    .executeTakeFirstOrThrow();
  return { admitted: inv.admitted_at !== null, removed: inv.removed_at !== null };
}

/** Keeps the host's admission or removal of a party (identity `party:<invitationId>`). */
export async function keepDecision(db: Kysely<DB>, identity: string, decision: 'admitted' | 'removed') {
  if (!identity.startsWith('party:')) return;
  const id = identity.slice('party:'.length);
  await db
    .updateTable('room_invitation')
    .set(
      decision === 'admitted' ? { admitted_at: new Date() } : { removed_at: new Date(), admitted_at: null },
    )
    .where('id', '=', id)
    .execute();
}

const SIDE_LABELS: Record<CaucusSide, string> = { worker: '劳动者', employer: '用人单位' };

/** The caucus (背对背调解) begins or ends: on the case timeline. */
export async function keepCaucus(ctx: AppContext, roomId: string, actor: Actor, side: CaucusSide | null) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const room = await trx
      .selectFrom('room')
      .select(['matter_id', 'kind'])
      .where('id', '=', roomId)
      .executeTakeFirstOrThrow();
    const summary = side
      ? `${actor.name}在在线${ROOM_KIND_LABELS[room.kind]}室与${SIDE_LABELS[side]}单独沟通（背对背调解），对方暂时听不到、看不到`
      : `${actor.name}结束单独沟通，双方回到共同${ROOM_KIND_LABELS[room.kind]}室`;
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      side ? 'room_caucus_started' : 'room_caucus_ended',
      summary,
      {
        roomId,
        side,
      },
    );
  });
}

/** The case's evidence the host may show (name and type only). */
export async function caseEvidence(db: Kysely<DB> | Transaction<DB>, matterId: string) {
  const rows = await db
    .selectFrom('matter_evidence')
    .select(['id', 'file_name', 'content_type', 'description'])
    .where('matter_id', '=', matterId)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.file_name,
    contentType: r.content_type,
    description: r.description,
  }));
}

/** The exhibits shown in a room, oldest first. */
export async function roomExhibits(db: Kysely<DB> | Transaction<DB>, roomId: string) {
  const rows = await db
    .selectFrom('room_exhibit as x')
    .innerJoin('matter_evidence as e', 'e.id', 'x.evidence_id')
    .select(['x.id', 'e.file_name', 'e.content_type', 'x.note', 'x.shown_by_name', 'x.shown_at'])
    .where('x.room_id', '=', roomId)
    .orderBy('x.shown_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.file_name,
    contentType: r.content_type,
    note: r.note,
    shownBy: r.shown_by_name,
    shownAt: new Date(r.shown_at).toISOString(),
  }));
}

/** The host shows a piece of the case's evidence to everyone in the room; kept on the case timeline. */
export async function showExhibit(
  ctx: AppContext,
  actor: Actor,
  roomId: string,
  body: { evidenceId: string; note?: string | undefined },
): Promise<{ exhibit: ExhibitShown; at: string }> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await trx.selectFrom('room').selectAll().where('id', '=', roomId).executeTakeFirstOrThrow();
    if (room.record_state !== 'drafting') {
      throw new AppError(409, 'ROOM_CLOSED', '调解（开庭）已结束，不能再出示证据');
    }
    const e = await trx
      .selectFrom('matter_evidence')
      .select(['id', 'file_name', 'content_type'])
      .where('id', '=', body.evidenceId)
      .where('matter_id', '=', room.matter_id)
      .executeTakeFirst();
    if (!e) throw new AppError(400, 'EXHIBIT_NOT_IN_CASE', '只能出示本案已提交的证据');
    const note = body.note?.trim() || null;
    const row = await trx
      .insertInto('room_exhibit')
      .values({ room_id: roomId, evidence_id: e.id, note, shown_by_name: actor.name })
      .returning(['id', 'shown_at'])
      .executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_exhibit',
      `${actor.name}在在线${ROOM_KIND_LABELS[room.kind]}室出示证据：${e.file_name}${note ? `（${note}）` : ''}`,
      { roomId, exhibitId: row.id, evidenceId: e.id },
    );
    return {
      exhibit: { id: row.id, name: e.file_name, contentType: e.content_type, note },
      at: new Date(row.shown_at).toISOString(),
    };
  });
}

/** The file of an exhibit shown in this room (staff of the case or an invited party who entered); audited. */
export async function exhibitFile(
  ctx: AppContext,
  storage: FileStore,
  actor: Actor,
  roomId: string,
  exhibitId: string,
) {
  const { db } = ctx.database;
  const x = await db
    .selectFrom('room_exhibit as x')
    .innerJoin('matter_evidence as e', 'e.id', 'x.evidence_id')
    .select(['x.id', 'e.id as evidence_id', 'e.file_name', 'e.content_type', 'e.storage_key'])
    .where('x.id', '=', exhibitId)
    .where('x.room_id', '=', roomId)
    .executeTakeFirst();
  if (!x) throw errors.notFound('出示的证据');
  return serveAuditedFile(
    db,
    storage,
    actor,
    { sha256: x.storage_key, contentType: x.content_type, fileName: x.file_name, missing: '证据文件' },
    {
      action: 'room.exhibit.view',
      entityType: 'matter_evidence',
      entityId: x.evidence_id,
      summary: `在线调解室中查看出示的证据“${x.file_name}”`,
    },
  );
}

/** A party acknowledges that the room is recorded (audio and video); needed before entering such a room. */
export async function acknowledgeRecording(
  ctx: AppContext,
  access: PartyAccess,
  roomId: string,
  actor: Actor,
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('room_invitation')
      .set({ recording_ack_at: new Date() })
      .where('id', '=', access.invitationId)
      .where('recording_ack_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) return;
    const room = await trx
      .selectFrom('room')
      .select(['matter_id'])
      .where('id', '=', roomId)
      .executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_recording_notice',
      `${access.name}已阅读并确认录音录像告知`,
      {
        roomId,
        invitationId: access.invitationId,
      },
    );
  });
}

/** A recording's chunk must be small (the browser sends one every few seconds). */
export const RECORDING_CHUNK_MAX = 8 * 1024 * 1024;
const RECORDING_TYPES = ['video/webm', 'audio/webm', 'video/mp4', 'audio/mp4'];

function partPath(storage: FileStore, id: string) {
  return path.join(storage.tempDir, `room-recording-${id}.part`);
}

/** The host's browser starts recording: only in a room recorded by opt-in, every party having acknowledged. */
export async function startRecording(
  ctx: AppContext,
  access: StaffAccess,
  actor: Actor,
  roomId: string,
  contentType: string,
) {
  const base = contentType.split(';')[0]!.trim();
  if (!RECORDING_TYPES.includes(base)) {
    throw new AppError(400, 'RECORDING_TYPE', '录音录像格式不受支持，请使用新版浏览器');
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const room = await trx
      .selectFrom('room')
      .selectAll()
      .where('id', '=', roomId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!room.recording_opt_in) {
      throw new AppError(422, 'RECORDING_NOT_AGREED', '安排本次调解（开庭）时未选择录音录像，不能录制');
    }
    if (room.record_state !== 'drafting') throw new AppError(409, 'ROOM_CLOSED', '调解（开庭）已结束');
    const untold = await trx
      .selectFrom('room_invitation')
      .select('name')
      .where('room_id', '=', roomId)
      .where('entered_at', 'is not', null)
      .where('recording_ack_at', 'is', null)
      .execute();
    if (untold.length) {
      throw new AppError(
        422,
        'RECORDING_NOT_ACKNOWLEDGED',
        `${untold.map((u) => u.name).join('、')}尚未确认录音录像告知，不能开始录制`,
      );
    }
    const row = await trx
      .insertInto('room_recording')
      .values({
        room_id: roomId,
        content_type: base,
        started_by: access.userId,
        started_by_name: access.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_recording_started',
      `${access.name}开始录音录像（已告知各方当事人）`,
      {
        roomId,
        recordingId: row.id,
      },
    );
    return { id: row.id };
  });
}

/** A recording of this room, locked for the rest of the transaction (chunks arrive one after another). */
async function lockedRecording(trx: Transaction<DB>, roomId: string, recordingId: string) {
  const r = await trx
    .selectFrom('room_recording')
    .selectAll()
    .where('id', '=', recordingId)
    .where('room_id', '=', roomId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw errors.notFound('录音录像');
  return r;
}

/**
 * Appends chunk `seq` (0, 1, 2 …) of a recording. A chunk already received (a retried upload) is
 * accepted without being written again; a gap is refused (409 with the next expected number).
 */
export async function appendRecordingChunk(
  ctx: AppContext,
  storage: FileStore,
  roomId: string,
  recordingId: string,
  seq: number,
  data: Buffer,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const r = await lockedRecording(trx, roomId, recordingId);
    if (r.state !== 'recording') throw new AppError(409, 'RECORDING_STORED', '录音录像已保存，不能再追加');
    if (seq < r.chunks) return { chunks: r.chunks };
    if (seq > r.chunks) {
      throw new AppError(409, 'RECORDING_CHUNK_GAP', `录音录像片段不连续，应上传第${r.chunks}段`, {
        next: r.chunks,
      });
    }
    if (!data.length) throw new AppError(400, 'RECORDING_CHUNK_EMPTY', '录音录像片段为空');
    await mkdir(storage.tempDir, { recursive: true, mode: 0o700 });
    // A write whose transaction then failed left bytes behind: cut back to what was counted.
    if (r.chunks) await truncate(partPath(storage, r.id), Number(r.size_bytes));
    await appendFile(partPath(storage, r.id), data, { mode: 0o600 });
    await trx
      .updateTable('room_recording')
      .set({ chunks: r.chunks + 1, size_bytes: Number(r.size_bytes) + data.length })
      .where('id', '=', r.id)
      .execute();
    return { chunks: r.chunks + 1 };
  });
}

/** The recording ends: the file is stored by its SHA-256 and listed on the case timeline with the hash. */
export async function finishRecording(
  ctx: AppContext,
  storage: FileStore,
  actor: Actor,
  roomId: string,
  recordingId: string,
  chunks: number,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const r = await lockedRecording(trx, roomId, recordingId);
    if (r.state === 'stored') return { sha256: r.sha256!, sizeBytes: Number(r.size_bytes) };
    if (chunks !== r.chunks || !r.chunks) {
      throw new AppError(409, 'RECORDING_INCOMPLETE', `录音录像尚有片段未上传（已收到${r.chunks}段）`, {
        next: r.chunks,
      });
    }
    const part = partPath(storage, r.id);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer);
    const sha256 = hash.digest('hex');
    const size = (await stat(part)).size;
    await storage.putFile(contentKey(sha256), part);
    await rm(part, { force: true });
    await trx
      .updateTable('room_recording')
      .set({ state: 'stored', sha256, storage_key: sha256, size_bytes: size, finished_at: new Date() })
      .where('id', '=', r.id)
      .execute();
    const room = await roomRow(trx, roomId);
    await appendEvent(
      trx,
      actor,
      room.matter_id,
      'room_recording_stored',
      `在线${ROOM_KIND_LABELS[room.kind]}室录音录像已保存（${(size / 1024 / 1024).toFixed(1)}兆字节，摘要值${sha256.slice(0, 16)}）`,
      { roomId, recordingId: r.id, sha256, sizeBytes: size },
    );
    await appendAudit(trx, actor, {
      action: 'room.recording.store',
      entityType: 'room',
      entityId: roomId,
      summary: '保存在线调解室录音录像',
      after: { recordingId: r.id, sha256, sizeBytes: size },
    });
    return { sha256, sizeBytes: size };
  });
}

/** The room's recordings (staff see them on the room page; the case timeline lists them too). */
export async function roomRecordings(db: Kysely<DB> | Transaction<DB>, roomId: string) {
  const rows = await db
    .selectFrom('room_recording')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('started_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    startedBy: r.started_by_name,
    startedAt: new Date(r.started_at).toISOString(),
  }));
}
