import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Presence of the room participants across server instances (issue #20). The roster each instance
 * holds is built from the bus; when an instance dies without a word (SIGKILL, a power cut) nobody
 * publishes the departures of the sockets it held, so they would stay "in the room" forever. So
 * every socket has a row with an expiry, renewed by its instance while the socket answers pings;
 * every live instance sweeps expired rows (the DELETE … RETURNING hands each to exactly one of them)
 * and publishes the departure. The database clock (now()) is the one clock, so instances' clocks
 * do not matter. Others see the participant leave within TTL + one interval (≈ 25 s).
 */
export const PRESENCE_TTL_SECONDS = 20;
export const PRESENCE_INTERVAL_MS = 5_000;

export interface PresenceRow {
  roomId: string;
  peerId: string;
}

export class RoomPresence {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly ttlSeconds = PRESENCE_TTL_SECONDS,
  ) {}

  private expiry() {
    return sql<Date>`now() + make_interval(secs => ${this.ttlSeconds})`;
  }

  /** A socket joined on `instance`. */
  async enter(row: PresenceRow & { identity: string; instance: string }) {
    await this.db
      .insertInto('room_presence')
      .values({
        peer_id: row.peerId,
        room_id: row.roomId,
        identity: row.identity,
        instance: row.instance,
        expires_at: this.expiry(),
      })
      .onConflict((oc) => oc.column('peer_id').doUpdateSet({ expires_at: this.expiry() }))
      .execute();
  }

  /** The socket closed (or was replaced by a reconnect). */
  async exit(peerId: string) {
    await this.db.deleteFrom('room_presence').where('peer_id', '=', peerId).execute();
  }

  /** The sockets of this instance that answered their last ping stay present. */
  async renew(peerIds: string[]) {
    if (!peerIds.length) return;
    await this.db
      .updateTable('room_presence')
      .set({ expires_at: this.expiry() })
      .where('peer_id', 'in', peerIds)
      .execute();
  }

  /** Removes the expired rows (each handed to one sweeping instance only) and returns them. */
  async sweep(): Promise<PresenceRow[]> {
    const rows = await this.db
      .deleteFrom('room_presence')
      .where('expires_at', '<', sql<Date>`now()`)
      .returning(['room_id', 'peer_id'])
      .execute();
    return rows.map((r) => ({ roomId: r.room_id, peerId: r.peer_id }));
  }
}
