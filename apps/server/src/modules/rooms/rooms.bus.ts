import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../../db/schema';
import type { CaucusSide, ExhibitShown, PeerInfo } from './rooms.signal';

/** One change of a room, applied by every instance in the bus's order. */
export type BusOp =
  | { op: 'join'; room: string; peer: PeerInfo }
  | { op: 'present'; room: string; peers: PeerInfo[]; caucus: CaucusSide | null; recording: boolean }
  | { op: 'leave'; room: string; peerId: string }
  | { op: 'signal'; room: string; from: string; to: string; data: unknown }
  | { op: 'admit'; room: string; peerId: string }
  | { op: 'mute'; room: string; peerId: string; by: string }
  | { op: 'remove'; room: string; peerId: string }
  | { op: 'media'; room: string; peerId: string; audioOnly: boolean; muted: boolean }
  | { op: 'caucus'; room: string; side: CaucusSide | null; by: string }
  | {
      op: 'chat';
      room: string;
      from: string;
      name: string;
      role: string;
      text: string;
      exhibit: ExhibitShown | null;
      at: string;
    }
  | { op: 'changed'; room: string; what: Record<string, unknown> }
  | { op: 'recording'; room: string; on: boolean };

export interface RoomBus {
  /** This process's instance id (the owner of the sockets it holds). */
  readonly instance: string;
  /** Delivers `op` to every instance, this one included; ops of one instance keep their order. */
  publish(op: BusOp): Promise<void>;
  subscribe(handler: (op: BusOp) => void): void;
  /** Resolves once the bus delivers (PostgreSQL: the LISTEN connection is up). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One process (the embedded PGlite database serves one process only): delivery in process. */
export class LocalRoomBus implements RoomBus {
  readonly instance = randomUUID();
  private handler: (op: BusOp) => void = () => undefined;
  async publish(op: BusOp) {
    this.handler(op);
  }
  subscribe(handler: (op: BusOp) => void) {
    this.handler = handler;
  }
  async ready() {}
  async close() {}
}

export const ROOM_CHANNEL = 'onestop_room';
/** NOTIFY payloads must stay under 8000 bytes; larger messages (SDP offers) travel through room_relay. */
const NOTIFY_MAX = 7000;

/**
 * Several instances on one PostgreSQL database: ops go out with NOTIFY on `onestop_room` (from the
 * pool) and come back to every instance — the sender included — on a LISTEN connection of its own, in
 * commit order, so every instance applies the same sequence. An op over the payload limit is written
 * to `room_relay` and only its id is notified; the receiver reads it (received ops are processed one
 * after another, so the order holds). The listener reconnects with back-off (1 s doubling to 30 s);
 * while it is down this instance neither sends nor receives (its sockets' pages show "reconnecting"
 * only if they drop — the rooms resume when the connection is back).
 */
export class PgRoomBus implements RoomBus {
  readonly instance = randomUUID();
  private handler: (op: BusOp) => void = () => undefined;
  private client: pg.Client | null = null;
  private closed = false;
  private delay = 1000;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();
  private receiving: Promise<void> = Promise.resolve();
  private up: Promise<void>;
  private markUp: () => void = () => undefined;
  private relayed = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly connection: pg.ClientConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.up = new Promise((r) => {
      this.markUp = r;
    });
    void this.connect();
  }

  subscribe(handler: (op: BusOp) => void) {
    this.handler = handler;
  }

  ready() {
    return this.up;
  }

  publish(op: BusOp): Promise<void> {
    const run = this.sending.then(() => this.send(op));
    this.sending = run.catch(() => undefined);
    return run;
  }

  private async send(op: BusOp) {
    const payload = JSON.stringify(op);
    if (Buffer.byteLength(payload) <= NOTIFY_MAX) {
      await sql`SELECT pg_notify(${ROOM_CHANNEL}, ${payload})`.execute(this.db);
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('room_relay')
        .values({ payload })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`SELECT pg_notify(${ROOM_CHANNEL}, ${`@${row.id}`})`.execute(trx);
    });
    // Relayed rows are read within moments; old ones are removed now and then.
    if (++this.relayed % 50 === 0) {
      await this.db
        .deleteFrom('room_relay')
        .where('created_at', '<', new Date(Date.now() - 60_000))
        .execute();
    }
  }

  private receive(payload: string) {
    this.receiving = this.receiving.then(async () => {
      try {
        let text = payload;
        if (payload.startsWith('@')) {
          const row = await this.db
            .selectFrom('room_relay')
            .select('payload')
            .where('id', '=', payload.slice(1))
            .executeTakeFirst();
          if (!row) return;
          text = row.payload;
        }
        this.handler(JSON.parse(text) as BusOp);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'room bus message not applied');
      }
    });
  }

  private retry() {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, 30_000);
  }

  private async connect() {
    const c = new pg.Client({ ...this.connection, application_name: 'onestop_room_bus' });
    this.client = c;
    const lost = () => {
      void c.end().catch(() => undefined);
      if (this.client === c) {
        this.client = null;
        this.retry();
      }
    };
    c.on('error', (err) => {
      this.log.warn({ err: err.message }, 'room bus listener lost; reconnecting');
      lost();
    });
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === ROOM_CHANNEL && n.payload) this.receive(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${ROOM_CHANNEL}`);
      if (this.closed) {
        await c.end();
        return;
      }
      this.delay = 1000;
      this.markUp();
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'room bus listener could not start');
      lost();
    }
  }

  async close() {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
