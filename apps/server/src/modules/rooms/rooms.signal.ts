import { ROOM_MAX_PARTICIPANTS, ROOM_ROLE_LABELS, type RoomRole } from '@onestop/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * The signalling hub of the online rooms: the server never touches audio or video. Browsers send each
 * other their WebRTC offers, answers and ICE candidates through here (a full mesh, at most six), and
 * the hub enforces the waiting room (a party's messages reach no one until the host admits them),
 * mute and removal. One hub per process: rooms live on the instance the host joined (see README).
 */
export interface Peer {
  id: string;
  /** The same person on a reconnect: `staff:<userId>` or `party:<invitationId>` */
  identity: string;
  name: string;
  role: RoomRole;
  host: boolean;
  state: 'waiting' | 'admitted';
  muted: boolean;
  audioOnly: boolean;
  ws: WebSocket;
}

interface Live {
  peers: Map<string, Peer>;
  /** Identities the host admitted: a dropped connection comes back straight into the room. */
  admitted: Set<string>;
  removed: Set<string>;
}

export type ClientMessage =
  | { type: 'signal'; to: string; data: unknown }
  | { type: 'admit'; peerId: string }
  | { type: 'mute'; peerId: string }
  | { type: 'remove'; peerId: string }
  | { type: 'media'; audioOnly: boolean; muted: boolean }
  | { type: 'chat'; text: string }
  | { type: 'exhibit'; name: string; text?: string };

export class RoomHub {
  private readonly rooms = new Map<string, Live>();

  constructor(private readonly log: FastifyBaseLogger) {}

  private live(roomId: string): Live {
    let l = this.rooms.get(roomId);
    if (!l) {
      l = { peers: new Map(), admitted: new Set(), removed: new Set() };
      this.rooms.set(roomId, l);
    }
    return l;
  }

  /** Adds a connection; an earlier connection of the same person is closed (a reconnect replaces it). */
  join(roomId: string, p: Omit<Peer, 'state' | 'muted'>): Peer | { refused: string } {
    const l = this.live(roomId);
    if (l.removed.has(p.identity))
      return { refused: '您已被主持人请出本次调解（开庭），如有疑问请联系工作人员' };
    for (const other of l.peers.values()) {
      if (other.identity === p.identity) {
        l.peers.delete(other.id);
        other.ws.close(4000, 'replaced');
      }
    }
    if (l.peers.size >= ROOM_MAX_PARTICIPANTS) return { refused: '调解室人数已满（最多6人）' };
    const state = p.host || l.admitted.has(p.identity) ? 'admitted' : 'waiting';
    if (state === 'admitted') l.admitted.add(p.identity);
    const peer: Peer = { ...p, state, muted: false };
    l.peers.set(peer.id, peer);
    this.send(peer, { type: 'welcome', peerId: peer.id, state, role: peer.role });
    this.roster(roomId);
    return peer;
  }

  leave(roomId: string, peerId: string) {
    const l = this.rooms.get(roomId);
    if (!l?.peers.delete(peerId)) return;
    this.broadcast(roomId, { type: 'peer-left', peerId });
    this.roster(roomId);
    if (!l.peers.size && !l.admitted.size) this.rooms.delete(roomId);
  }

  /** Handles one message; returns a chat/exhibit for the caller to keep on the timeline, else null. */
  handle(roomId: string, from: Peer, msg: ClientMessage): { text: string; exhibit: string | null } | null {
    const l = this.rooms.get(roomId);
    if (!l || l.peers.get(from.id) !== from) return null;
    switch (msg.type) {
      case 'signal': {
        const to = l.peers.get(msg.to);
        // Media flows only between admitted people: the waiting room sees and hears nothing.
        if (from.state !== 'admitted' || to?.state !== 'admitted') return null;
        this.send(to, { type: 'signal', from: from.id, data: msg.data });
        return null;
      }
      case 'admit': {
        const p = l.peers.get(msg.peerId);
        if (!from.host || !p) return null;
        p.state = 'admitted';
        l.admitted.add(p.identity);
        this.send(p, { type: 'admitted' });
        this.roster(roomId);
        return null;
      }
      case 'mute': {
        const p = l.peers.get(msg.peerId);
        if (!from.host || !p) return null;
        p.muted = true;
        this.send(p, { type: 'muted', by: from.name });
        this.roster(roomId);
        return null;
      }
      case 'remove': {
        const p = l.peers.get(msg.peerId);
        if (!from.host || !p || p.host) return null;
        l.removed.add(p.identity);
        l.admitted.delete(p.identity);
        this.send(p, { type: 'removed' });
        p.ws.close(4003, 'removed');
        this.leave(roomId, p.id);
        return null;
      }
      case 'media': {
        from.audioOnly = Boolean(msg.audioOnly);
        from.muted = Boolean(msg.muted);
        this.roster(roomId);
        return null;
      }
      case 'chat':
      case 'exhibit': {
        if (from.state !== 'admitted') return null;
        const text = String(msg.type === 'chat' ? msg.text : (msg.text ?? ''))
          .trim()
          .slice(0, 1000);
        const exhibit = msg.type === 'exhibit' ? String(msg.name).trim().slice(0, 200) : null;
        if (!text && !exhibit) return null;
        return { text, exhibit };
      }
      default:
        return null;
    }
  }

  /** A chat line or exhibit, after it was kept on the timeline: shown to everyone admitted. */
  chat(roomId: string, from: Peer, text: string, exhibit: string | null, at: string) {
    this.broadcast(
      roomId,
      { type: 'chat', from: from.id, name: from.name, role: ROOM_ROLE_LABELS[from.role], text, exhibit, at },
      true,
    );
  }

  /** The room changed in the database (record text, signatures, issued): every page reloads it. */
  changed(roomId: string, what: Record<string, unknown>) {
    this.broadcast(roomId, { type: 'room', ...what });
  }

  private roster(roomId: string) {
    const l = this.rooms.get(roomId);
    if (!l) return;
    const peers = [...l.peers.values()].map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      roleLabel: ROOM_ROLE_LABELS[p.role],
      host: p.host,
      state: p.state,
      muted: p.muted,
      audioOnly: p.audioOnly,
    }));
    for (const p of l.peers.values()) {
      // The waiting room sees only itself; the host sees everyone (to admit them).
      const visible = p.state === 'admitted' ? peers : peers.filter((x) => x.id === p.id);
      this.send(p, { type: 'roster', peers: visible });
    }
  }

  private broadcast(roomId: string, msg: Record<string, unknown>, admittedOnly = false) {
    const l = this.rooms.get(roomId);
    if (!l) return;
    for (const p of l.peers.values()) if (!admittedOnly || p.state === 'admitted') this.send(p, msg);
  }

  private send(p: Peer, msg: Record<string, unknown>) {
    if (p.ws.readyState !== 1) return;
    p.ws.send(JSON.stringify(msg), (err) => {
      if (err) this.log.warn({ err: err.message }, 'room signal send failed');
    });
  }
}
