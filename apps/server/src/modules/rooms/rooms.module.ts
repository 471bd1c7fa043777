import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { providerFromConfig } from '../notifications';
import { portalActor, registerPortalSession } from '../portal';
import { portalRoomsRoutes, roomsRoutes } from './rooms.routes';
import {
  deliverInvitation,
  partyAccess,
  recordChat,
  ROOM_INVITE_SMS_JOB,
  type RoomAccess,
  roomErrors,
  staffAccess,
} from './rooms.service';
import { type ClientMessage, RoomHub } from './rooms.signal';

declare module 'fastify' {
  interface FastifyRequest {
    roomAccess: RoomAccess | null;
  }
}

/** The origin of a browser's WebSocket must be this server (cookies alone are not enough). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser (tests, tools): the cookie still decides
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Online rooms (issue #20), registered under /api in app.ts: scheduling, the parties' entry, the
 * record and its signatures over HTTP; WebRTC signalling over one WebSocket per participant
 * (`GET /api/rooms/:id/signal`), authorised like the HTTP routes before the upgrade.
 */
export const roomsModule: FastifyPluginAsync = async (app) => {
  const { ctx } = app;
  const { db } = ctx.database;
  const hub = new RoomHub(app.log);
  const provider = providerFromConfig(ctx.config, app.log);
  ctx.jobs.register(ROOM_INVITE_SMS_JOB, (payload, attempt) =>
    deliverInvitation(ctx, provider, String(payload.id), attempt),
  );
  registerPortalSession(app, db);
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  await app.register(roomsRoutes(hub));
  await app.register(portalRoomsRoutes(hub));

  app.decorateRequest('roomAccess', null);
  app.get<{ Params: { id: string } }>(
    '/rooms/:id/signal',
    {
      websocket: true,
      config: { auth: 'public' },
      schema: { hide: true },
      preValidation: async (req) => {
        if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) throw errors.notFound('调解室');
        if (!sameOrigin(req)) throw new AppError(403, 'ROOM_ORIGIN', '请从本系统页面进入调解室');
        if (req.auth) {
          req.roomAccess = await staffAccess(db, req.auth, req.params.id);
        } else if (req.portal) {
          const access = await partyAccess(db, req.portal, req.params.id);
          if (!access.entered) throw roomErrors.codeRequired();
          req.roomAccess = access;
        } else {
          throw errors.unauthenticated();
        }
      },
    },
    async (socket, req) => {
      const access = req.roomAccess!;
      const roomId = req.params.id;
      const audioOnly = new URL(req.url, 'http://x').searchParams.get('audio') === '1';
      const actor = access.kind === 'staff' ? actorOf(req) : portalActor(req, `${access.name}（网上）`);
      const joined = hub.join(roomId, {
        id: randomUUID(),
        identity: access.kind === 'staff' ? `staff:${access.userId}` : `party:${access.invitationId}`,
        name: access.name,
        role: access.role,
        host: access.kind === 'staff' && access.host,
        audioOnly,
        ws: socket,
      });
      if ('refused' in joined) {
        socket.send(JSON.stringify({ type: 'refused', message: joined.refused }));
        socket.close(4003, 'refused');
        return;
      }
      const peer = joined;
      if (peer.host) {
        // The host's arrival opens the room (once), on the case timeline.
        await db.transaction().execute(async (trx) => {
          const opened = await trx
            .updateTable('room')
            .set({ state: 'open', updated_at: new Date() })
            .where('id', '=', roomId)
            .where('state', '=', 'scheduled')
            .returning('matter_id')
            .executeTakeFirst();
          if (opened)
            await appendEvent(trx, actor, opened.matter_id, 'room_opened', `${access.name}开启在线调解室`, {
              roomId,
            });
        });
        hub.changed(roomId, { reload: true });
      }
      socket.on('message', (raw) => {
        let msg: ClientMessage;
        try {
          msg = JSON.parse(String(raw)) as ClientMessage;
        } catch {
          return;
        }
        const said = hub.handle(roomId, peer, msg);
        if (!said) return;
        recordChat(ctx, roomId, actor, said.text, said.exhibit ? { name: said.exhibit } : null)
          .then((r) => hub.chat(roomId, peer, said.text, said.exhibit, r.at))
          .catch((err: Error) => app.log.warn({ err: err.message, roomId }, 'room chat not kept'));
      });
      socket.on('close', () => hub.leave(roomId, peer.id));
    },
  );
};
