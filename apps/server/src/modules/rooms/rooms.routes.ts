// Over 400 lines: every HTTP route of the online rooms with its schema; to split with the rooms service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errorSchema } from '../../platform/errors';
import { sendInlineFile } from '../../platform/files';
import { withIdempotency } from '../../platform/idempotency';
import type { FastifyRequest } from 'fastify';
import { LocalFileStore } from '../../platform/storage';
import { portalActor, requireAccount, requirePortal } from '../portal';
import {
  acknowledgeRecording,
  appendRecordingChunk,
  exhibitFile,
  finishRecording,
  RECORDING_CHUNK_MAX,
  showExhibit,
  startRecording,
} from './rooms.live';
import {
  caseParam,
  chunkParam,
  enterBody,
  exhibitBody,
  exhibitParam,
  recordingFinishBody,
  recordingParam,
  recordingStartBody,
  recordBody,
  refuseBody,
  roomListSchema,
  roomParam,
  roomSchema,
  scheduleBody,
  signBody,
  versionBody,
} from './rooms.schema';
import {
  enterWithCode,
  finishRecord,
  issueRecord,
  listCaseRooms,
  listMyRooms,
  partyAccess,
  refuseAsParty,
  roomErrors,
  roomView,
  saveRecord,
  scheduleRoom,
  sendSignCode,
  signAsParty,
  signAsStaff,
  type PartyAccess,
  staffAccess,
  wrongCode,
} from './rooms.service';
import type { RoomHub } from './rooms.signal';
import { binaryBody, fileResponse, MEDIA } from '../../platform/openapi-content';

const PERM = 'matter.read' as const;

/** The timeline names a party acting on the portal as "<name>（网上）". */
const partyActor = (req: FastifyRequest, access: PartyAccess) => portalActor(req, `${access.name}（网上）`);

const exhibitFileResponse = fileResponse('证据文件', MEDIA.pdf, MEDIA.jpeg, MEDIA.png);
const responses = { ...errorResponses, 422: errorSchema };

/** Staff side of the online rooms (under /api): schedule from the session/hearing form, the record, signatures. */
export function roomsRoutes(hub: RoomHub): FastifyPluginAsyncZod {
  return async (app) => {
    const { ctx } = app;
    const { db } = ctx.database;
    const tags = ['在线调解与开庭'];

    app.post(
      '/cases/:caseId/rooms',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary:
            '安排调解或开庭：方式（现场/视频/电话/书面）、各方参加方式和便利措施；短信邀请并发送调解室码',
          params: caseParam,
          body: scheduleBody,
          response: { 201: roomSchema, ...responses },
        },
      },
      async (req, reply) => {
        const auth = req.auth!;
        return withIdempotency(db, req, reply, 'room.schedule', async () => {
          const { id } = await scheduleRoom(ctx, auth, actorOf(req), req.params.caseId, req.body);
          // Invitations go out after the commit (the queue would also send them later).
          for (const inv of await db
            .selectFrom('room_invitation')
            .select('id')
            .where('room_id', '=', id)
            .execute())
            await ctx.jobs.runNow(`sms:room_invitation:${inv.id}`);
          return { status: 201, body: await roomView(ctx, db, id, await staffAccess(db, auth, id)) };
        });
      },
    );

    app.get(
      '/cases/:caseId/rooms',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '本案的调解室与开庭安排',
          params: caseParam,
          response: { 200: roomListSchema, ...responses },
        },
      },
      async (req) => ({ items: await listCaseRooms(ctx, req.auth!, req.params.caseId) }),
    );

    app.get(
      '/rooms/:id',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '调解室（工作人员）',
          params: roomParam,
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => roomView(ctx, db, req.params.id, await staffAccess(db, req.auth!, req.params.id)),
    );

    app.put(
      '/rooms/:id/record',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '记录笔录（实时显示给各方；带版本号，防止互相覆盖）',
          params: roomParam,
          body: recordBody,
          response: { 200: z.object({ version: z.number() }), ...responses },
        },
      },
      async (req) => {
        await staffAccess(db, req.auth!, req.params.id);
        const r = await saveRecord(ctx, actorOf(req), req.params.id, req.body);
        await hub.changed(req.params.id, { record: req.body.text, version: r.version });
        return r;
      },
    );

    app.post(
      '/rooms/:id/record/finish',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '笔录记录完毕，交各方阅读签名（固定笔录摘要值）',
          params: roomParam,
          body: versionBody,
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        await finishRecord(ctx, actorOf(req), req.params.id, req.body.version);
        await hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );

    app.post(
      '/rooms/:id/record/sign',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '工作人员签名（以登录身份确认）',
          params: roomParam,
          body: z.strictObject({}),
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        await signAsStaff(ctx, access, req.params.id, actorOf(req));
        await hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );

    app.post(
      '/rooms/:id/record/issue',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '各方签名（或拒签已记明）后出具调解笔录/庭审笔录',
          params: roomParam,
          body: versionBody,
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        await issueRecord(ctx, req.auth!, actorOf(req), req.params.id, req.body.version);
        await hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );

    const storage = new LocalFileStore(ctx.config.storageDir);

    app.post(
      '/rooms/:id/exhibits',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '出示证据：把本案的一件证据展示给调解室内所有人（记入案件记录）',
          params: roomParam,
          body: exhibitBody,
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        const shown = await showExhibit(ctx, actorOf(req), req.params.id, req.body);
        await hub.exhibit(req.params.id, access, shown.exhibit, shown.at);
        return roomView(ctx, db, req.params.id, access);
      },
    );

    app.get(
      '/rooms/:id/exhibits/:exhibitId/file',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '查看调解室中出示的证据（记入审计日志）',
          params: exhibitParam,
          response: { 200: exhibitFileResponse, ...responses },
        },
      },
      async (req, reply) => {
        await staffAccess(db, req.auth!, req.params.id);
        const f = await exhibitFile(ctx, storage, actorOf(req), req.params.id, req.params.exhibitId);
        return sendInlineFile(reply, f);
      },
    );

    // The host's browser uploads the recording in chunks (MediaRecorder), raw bytes.
    app.addContentTypeParser(
      ['application/octet-stream', 'video/webm', 'audio/webm', 'video/mp4', 'audio/mp4'],
      { parseAs: 'buffer', bodyLimit: RECORDING_CHUNK_MAX },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/rooms/:id/recordings',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '开始录音录像（仅安排时选择录制、各方已确认告知的调解室）',
          params: roomParam,
          body: recordingStartBody,
          response: { 201: z.object({ id: z.string() }), ...responses },
        },
      },
      async (req, reply) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        const r = await startRecording(ctx, access, actorOf(req), req.params.id, req.body.contentType);
        await hub.recording(req.params.id, true);
        return reply.status(201).send(r);
      },
    );

    app.put(
      '/rooms/:id/recordings/:recordingId/chunks/:seq',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '上传录音录像的一段（按顺序；重复上传同一段不会重复保存）',
          params: chunkParam,
          ...binaryBody(
            '录音录像片段的原始字节（MediaRecorder 的一段）',
            MEDIA.octet,
            MEDIA.webm,
            MEDIA.videoWebm,
            MEDIA.mp4,
            MEDIA.videoMp4,
          ),
          response: { 200: z.object({ chunks: z.number() }), ...responses },
        },
      },
      async (req) => {
        await staffAccess(db, req.auth!, req.params.id);
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError(400, 'RECORDING_CHUNK_EMPTY', '录音录像片段为空');
        }
        return appendRecordingChunk(
          ctx,
          storage,
          req.params.id,
          req.params.recordingId,
          req.params.seq,
          req.body,
        );
      },
    );

    app.post(
      '/rooms/:id/recordings/:recordingId/finish',
      {
        config: { auth: PERM },
        schema: {
          tags,
          summary: '结束录音录像：文件存入文件库并记下摘要值，列入案件记录',
          params: recordingParam,
          body: recordingFinishBody,
          response: { 200: roomSchema, ...responses },
        },
      },
      async (req) => {
        const access = await staffAccess(db, req.auth!, req.params.id);
        await finishRecording(
          ctx,
          storage,
          actorOf(req),
          req.params.id,
          req.params.recordingId,
          req.body.chunks,
        );
        await hub.recording(req.params.id, false);
        return roomView(ctx, db, req.params.id, access);
      },
    );
  };
}

/** The parties' side (under /api/portal/rooms): only the invited party, signed in, with the room code. */
export function portalRoomsRoutes(hub: RoomHub): FastifyPluginAsyncZod {
  return async (app) => {
    const { ctx } = app;
    const { db } = ctx.database;
    const tags = ['当事人门户'];
    const portalResponses = { ...responses, 429: errorSchema, 502: errorSchema };
    const storage = new LocalFileStore(ctx.config.storageDir);

    app.get(
      '/portal/rooms',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '我受邀参加的调解与开庭',
          response: { 200: roomListSchema, ...portalResponses },
        },
      },
      async (req) => ({ items: await listMyRooms(ctx, requirePortal(req)) }),
    );

    app.get(
      '/portal/rooms/:id',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '调解室（受邀当事人；未受邀的 403）',
          params: roomParam,
          response: { 200: roomSchema, ...portalResponses },
        },
      },
      async (req) => {
        const access = await partyAccess(db, requirePortal(req), req.params.id);
        return roomView(ctx, db, req.params.id, access);
      },
    );

    app.post(
      '/portal/rooms/:id/enter',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '输入短信中的调解室码（错5次锁定）',
          params: roomParam,
          body: enterBody,
          response: { 200: roomSchema, ...portalResponses },
        },
      },
      async (req) => {
        const p = requirePortal(req);
        const access = await partyAccess(db, p, req.params.id);
        const r = await enterWithCode(ctx, p, req.params.id, req.body.code, partyActor(req, access));
        if (!r.ok) {
          throw wrongCode(
            r.left,
            '调解室码',
            ['ROOM_CODE_WRONG', 'ROOM_CODE_LOCKED'],
            '调解室码输错次数过多，请联系调解员重新发送',
          );
        }
        return roomView(ctx, db, req.params.id, { ...access, entered: true });
      },
    );

    app.post(
      '/portal/rooms/:id/recording-notice',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '确认已阅读录音录像告知（录制的调解室进入前须确认）',
          params: roomParam,
          body: z.strictObject({}),
          response: { 200: roomSchema, ...portalResponses },
        },
      },
      async (req) => {
        const access = await partyAccess(db, requirePortal(req), req.params.id);
        await acknowledgeRecording(ctx, access, req.params.id, partyActor(req, access));
        return roomView(ctx, db, req.params.id, { ...access, recordingAcknowledged: true });
      },
    );

    app.get(
      '/portal/rooms/:id/exhibits/:exhibitId/file',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '查看调解室中出示的证据（仅已进入调解室的受邀当事人）',
          params: exhibitParam,
          response: { 200: exhibitFileResponse, ...portalResponses },
        },
      },
      async (req, reply) => {
        const access = await partyAccess(db, requirePortal(req), req.params.id);
        if (!access.entered) throw roomErrors.codeRequired();
        const f = await exhibitFile(
          ctx,
          storage,
          partyActor(req, access),
          req.params.id,
          req.params.exhibitId,
        );
        return sendInlineFile(reply, f);
      },
    );

    app.post(
      '/portal/rooms/:id/record/code',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '签署笔录：向登录手机号发送一次性验证码',
          params: roomParam,
          body: z.strictObject({}),
          response: { 200: z.object({ expiresInSec: z.number() }), ...portalResponses },
        },
      },
      async (req) => {
        const access = await partyAccess(db, requireAccount(req), req.params.id);
        return sendSignCode(ctx, access, req.params.id, req.ip);
      },
    );

    app.post(
      '/portal/rooms/:id/record/sign',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '在手机上手写签名并输入验证码，确认笔录',
          params: roomParam,
          body: signBody,
          response: { 200: roomSchema, ...portalResponses },
        },
      },
      async (req) => {
        const access = await partyAccess(db, requireAccount(req), req.params.id);
        await signAsParty(ctx, access, req.params.id, req.body, partyActor(req, access));
        await hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );

    app.post(
      '/portal/rooms/:id/record/refuse',
      {
        config: { auth: 'public', portal: 'account' },
        schema: {
          tags,
          summary: '拒绝在笔录上签名（写明理由，记入笔录）',
          params: roomParam,
          body: refuseBody,
          response: { 200: roomSchema, ...portalResponses },
        },
      },
      async (req) => {
        const access = await partyAccess(db, requireAccount(req), req.params.id);
        await refuseAsParty(ctx, access, req.params.id, req.body, partyActor(req, access));
        await hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );
  };
}
