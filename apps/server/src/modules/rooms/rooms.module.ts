import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { providerFromConfig } from '../notifications';
import { portalActor, registerPortalSession } from '../portal';
import { LocalRoomBus, PgRoomBus, type RoomBus } from './rooms.bus';
import { decisionsFor, keepCaucus, keepDecision } from './rooms.live';
import { portalRoomsRoutes, roomsRoutes } from './rooms.routes';
import { portalWrittenRoutes } from './rooms.written.routes';
import {
  deliverInvitation,
  partyAccess,
  recordChat,
  ROOM_INVITE_SMS_JOB,
  type RoomAccess,
  roomErrors,
  staffAccess,
} from './rooms.service';
import { DEFAULT_PRESENCE_TIMINGS, presenceTimings, RoomPresence } from './rooms.presence';
import { type ClientMessage, type PeerInfo, RoomHub } from './rooms.signal';

declare module 'fastify' {
  interface FastifyRequest {
    roomAccess: RoomAccess | null;
  }
}

const runtimes = new WeakMap<AppContext, { hub: RoomHub; bus: RoomBus; beat: () => Promise<void> }>();

/** The signalling hub and bus of an app instance (tests compare instances' rosters, wait for the bus). */
export function roomRuntime(ctx: AppContext) {
  const r = runtimes.get(ctx);
  if (!r) throw new Error('rooms module not registered');
  return r;
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
  // Several instances on one PostgreSQL relay signals by LISTEN/NOTIFY; PGlite serves one process.
  const bus: RoomBus =
    ctx.database.backend === 'postgres'
      ? new PgRoomBus(db, ctx.database.connection, app.log)
      : new LocalRoomBus();
  app.addHook('onClose', () => bus.close());
  const hub = new RoomHub(app.log, bus, {
    admitted: (_roomId, identity) => keepDecision(db, identity, 'admitted'),
    removed: (_roomId, identity) => keepDecision(db, identity, 'removed'),
    chat: async (roomId, peer, text) => (await recordChat(ctx, roomId, actorOfPeer(peer), text)).at,
    caucus: (roomId, peer, side) => keepCaucus(ctx, roomId, actorOfPeer(peer), side),
  });
  /** The actor of each socket of this instance (events name who did what). */
  const actors = new Map<string, Actor>();
  const actorOfPeer = (peer: PeerInfo): Actor =>
    actors.get(peer.id) ?? { id: null, name: peer.name, role: peer.host ? 'staff' : 'portal', ip: null };
  // Presence with an expiry (rooms.presence.ts): this instance renews its sockets' rows while they
  // answer pings and sweeps rows nobody renews any more (an instance killed with its sockets).
  // The interval and the expiry are settings, read on every beat (an edit applies at the next one).
  const presence = new RoomPresence(db);
  let intervalMs = DEFAULT_PRESENCE_TIMINGS.intervalMs;
  const beat = async () => {
    const timings = await presenceTimings(db);
    intervalMs = timings.intervalMs;
    presence.ttlSeconds = timings.ttlSeconds;
    const live = hub.heartbeat();
    await presence.renew(live.map((x) => x.peerId));
    for (const gone of await presence.sweep()) await hub.expire(gone.roomId, gone.peerId);
  };
  let beating: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = () => {
    timer = setTimeout(() => {
      beating = beating
        .then(beat)
        .catch((err: Error) => app.log.warn({ err: err.message }, 'room presence heartbeat failed'))
        .then(() => {
          if (!closed) schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  app.addHook('onClose', async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    await beating;
  });
  runtimes.set(ctx, { hub, bus, beat });
  const provider = providerFromConfig(ctx.config, app.log);
  ctx.jobs.register(ROOM_INVITE_SMS_JOB, (payload, attempt) =>
    deliverInvitation(ctx, provider, String(payload.id), attempt),
  );
  registerPortalSession(app, db);
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  await app.register(roomsRoutes(hub));
  await app.register(portalRoomsRoutes(hub));
  await app.register(portalWrittenRoutes);

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
          if (!access.recordingAcknowledged) throw roomErrors.recordingNotice();
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
      const peerId = randomUUID();
      actors.set(peerId, actor);
      // Messages that arrive while the join is still being published wait for it.
      const queue: ClientMessage[] = [];
      let joinedId: string | null = null;
      socket.on('message', (raw) => {
        let msg: ClientMessage;
        try {
          msg = JSON.parse(String(raw)) as ClientMessage;
        } catch {
          return;
        }
        if (!joinedId) queue.push(msg);
        else handle(msg);
      });
      const handle = (msg: ClientMessage) =>
        void hub
          .handle(roomId, joinedId!, msg)
          .catch((err: Error) => app.log.warn({ err: err.message, roomId }, 'room message not handled'));
      socket.on('close', () => {
        actors.delete(peerId);
        void hub.leave(roomId, peerId).catch(() => undefined);
        void presence.exit(peerId).catch(() => undefined);
      });
      const joined = await hub.join(
        roomId,
        {
          id: peerId,
          identity: access.kind === 'staff' ? `staff:${access.userId}` : `party:${access.invitationId}`,
          name: access.name,
          role: access.role,
          host: access.kind === 'staff' && access.host,
          audioOnly,
        },
        socket,
        await decisionsFor(db, access),
      );
      if ('refused' in joined) {
        socket.send(JSON.stringify({ type: 'refused', message: joined.refused }));
        socket.close(4003, 'refused');
        return;
      }
      const peer = joined;
      joinedId = peer.id;
      await presence.enter({ roomId, peerId: peer.id, identity: peer.identity, instance: hub.instance });
      // Closed while joining: the close handler found nothing to leave yet.
      if (socket.readyState !== 1) {
        await hub.leave(roomId, peer.id);
        return;
      }
      for (const msg of queue.splice(0)) handle(msg);
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
        await hub.changed(roomId, { reload: true });
      }
    },
  );
};
