import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { readSettings, SETTINGS } from '../../platform/settings';

/**
 * Presence of the room participants across server instances (issue #20). The roster each instance
 * holds is built from the bus; when an instance dies without a word (SIGKILL, a power cut) nobody
 * publishes the departures of the sockets it held, so they would stay "in the room" forever. So
 * every socket has a row with an expiry, renewed by its instance while the socket answers pings;
 * every live instance sweeps expired rows (the DELETE … RETURNING hands each to exactly one of them)
 * and publishes the departure. The database clock (now()) is the one clock, so instances' clocks
 * do not matter. Others see the participant leave within TTL + one interval (≈ 25 s with the
 * defaults); both figures are settings (`rooms.presence.*`, platform/settings.registry.ts), read
 * afresh on every beat so that an administrator's change applies without a restart.
 */
export interface PresenceTimings {
  intervalMs: number;
  ttlSeconds: number;
}

/** The heartbeat interval and the expiry of a presence row, from the settings. */
export async function presenceTimings(exec: Kysely<DB>): Promise<PresenceTimings> {
  const s = await readSettings(exec, ['rooms.presence.interval_seconds', 'rooms.presence.ttl_seconds']);
  const interval = s['rooms.presence.interval_seconds'];
  // A row must outlive at least two beats, or a live socket would flicker out between renewals.
  return { intervalMs: interval * 1000, ttlSeconds: Math.max(s['rooms.presence.ttl_seconds'], 2 * interval) };
}

/** The timings before the settings have been read (the registry's defaults). */
export const DEFAULT_PRESENCE_TIMINGS: PresenceTimings = {
  intervalMs: SETTINGS['rooms.presence.interval_seconds'].default * 1000,
  ttlSeconds: SETTINGS['rooms.presence.ttl_seconds'].default,
};

export interface PresenceRow {
  roomId: string;
  peerId: string;
}

export class RoomPresence {
  /** The expiry given to rows entered or renewed from now on (set by each beat from the settings). */
  ttlSeconds = DEFAULT_PRESENCE_TIMINGS.ttlSeconds;

  constructor(private readonly db: Kysely<DB>) {}

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
