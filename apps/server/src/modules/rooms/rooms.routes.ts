import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errorSchema } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import { portalActor, requireAccount, requirePortal } from '../portal';
import {
  caseParam,
  enterBody,
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
  roomView,
  saveRecord,
  scheduleRoom,
  sendSignCode,
  signAsParty,
  signAsStaff,
  staffAccess,
} from './rooms.service';
import type { RoomHub } from './rooms.signal';

const PERM = 'matter.read' as const;
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
        hub.changed(req.params.id, { record: req.body.text, version: r.version });
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
        hub.changed(req.params.id, { reload: true });
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
        hub.changed(req.params.id, { reload: true });
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
        hub.changed(req.params.id, { reload: true });
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
        const r = await enterWithCode(
          ctx,
          p,
          req.params.id,
          req.body.code,
          portalActor(req, `${access.name}（网上）`),
        );
        if (!r.ok) {
          throw new AppError(
            400,
            r.left > 0 ? 'ROOM_CODE_WRONG' : 'ROOM_CODE_LOCKED',
            r.left > 0
              ? `调解室码不正确，还可以再试${r.left}次`
              : '调解室码输错次数过多，请联系调解员重新发送',
          );
        }
        return roomView(ctx, db, req.params.id, { ...access, entered: true });
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
        await signAsParty(ctx, access, req.params.id, req.body, portalActor(req, `${access.name}（网上）`));
        hub.changed(req.params.id, { reload: true });
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
        await refuseAsParty(ctx, access, req.params.id, req.body, portalActor(req, `${access.name}（网上）`));
        hub.changed(req.params.id, { reload: true });
        return roomView(ctx, db, req.params.id, access);
      },
    );
  };
}
