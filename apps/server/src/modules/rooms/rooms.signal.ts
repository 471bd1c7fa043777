// Over 400 lines: the WebSocket signalling state machine (join, admit, caucus, relay, heartbeat) is one protocol read as a whole.
import { ROOM_MAX_PARTICIPANTS, ROOM_ROLE_LABELS, type RoomRole } from '@onestop/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { BusOp, RoomBus } from './rooms.bus';

/**
 * The signalling hub of the online rooms: the server never touches audio or video. Browsers send each
 * other their WebRTC offers, answers and ICE candidates through here (a full mesh, at most six), and
 * the hub enforces the waiting room (a party's messages reach no one until the host admits them),
 * mute, removal and the caucus (背对背调解: the host with one side in a private sub-room; the other
 * side sees and hears nobody meanwhile).
 *
 * Several server instances may serve one room: every change is published on the room bus
 * (rooms.bus.ts — PostgreSQL LISTEN/NOTIFY between instances, in process on PGlite) and applied, in
 * the bus's order, by every instance, the publishing one included. So each instance holds the same
 * roster; a socket is held by one instance, which alone delivers to it. The host's decisions
 * (admitted, removed) are also kept in the database by the caller, so a reconnect on any instance
 * finds them.
 */
export interface PeerInfo {
  id: string;
  /** The same person on a reconnect: `staff:<userId>` or `party:<invitationId>` */
  identity: string;
  name: string;
  role: RoomRole;
  host: boolean;
  state: 'waiting' | 'admitted';
  muted: boolean;
  audioOnly: boolean;
  /** The instance holding the socket. */
  instance: string;
}

/** A peer of this instance: the socket is here. */
export interface Peer extends PeerInfo {
  ws: WebSocket;
}

export type CaucusSide = 'worker' | 'employer';

interface Live {
  peers: Map<string, PeerInfo>;
  /** The private sub-room: the host(s) with one side; null when everyone is in the main room. */
  caucus: CaucusSide | null;
  recording: boolean;
}

export type ClientMessage =
  | { type: 'signal'; to: string; data: unknown }
  | { type: 'admit'; peerId: string }
  | { type: 'mute'; peerId: string }
  | { type: 'remove'; peerId: string }
  | { type: 'media'; audioOnly: boolean; muted: boolean }
  | { type: 'chat'; text: string }
  | { type: 'caucus'; side: CaucusSide | null };

export interface ExhibitShown {
  id: string;
  name: string;
  contentType: string;
  note: string | null;
}

/** What the hub asks of the module (database work) before publishing a host's decision or a chat line. */
export interface HubHooks {
  admitted(roomId: string, identity: string): Promise<void>;
  removed(roomId: string, identity: string): Promise<void>;
  /** Keeps a chat line on the case timeline; returns its time. */
  chat(roomId: string, peer: PeerInfo, text: string): Promise<string>;
  caucus(roomId: string, peer: PeerInfo, side: CaucusSide | null): Promise<void>;
}

const CAUCUS_LABELS: Record<CaucusSide, string> = { worker: '劳动者', employer: '用人单位' };

export class RoomHub {
  private readonly rooms = new Map<string, Live>();
  /** Sockets held by this instance, by peer id. */
  private readonly sockets = new Map<string, WebSocket>();
  /** Joins of this instance published but not yet applied (the bus brings them back). */
  private readonly joining = new Map<string, () => void>();
  /** Sockets of this instance that answered the last ping (rooms.presence.ts). */
  private readonly alive = new Map<string, boolean>();

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly bus: RoomBus,
    private readonly hooks: HubHooks,
  ) {
    bus.subscribe((op) => this.apply(op));
  }

  get instance(): string {
    return this.bus.instance;
  }

  private live(roomId: string): Live {
    let l = this.rooms.get(roomId);
    if (!l) {
      l = { peers: new Map(), caucus: null, recording: false };
      this.rooms.set(roomId, l);
    }
    return l;
  }

  /** The peers of a room as this instance knows them (tests, the presence check). */
  peers(roomId: string): PeerInfo[] {
    return [...(this.rooms.get(roomId)?.peers.values() ?? [])];
  }

  /**
   * Adds a connection; `decided` comes from the database (the host admitted or removed this person
   * before). An earlier connection of the same person, on any instance, is closed (a reconnect replaces it).
   */
  async join(
    roomId: string,
    p: Omit<PeerInfo, 'state' | 'muted' | 'instance'>,
    ws: WebSocket,
    decided: { admitted: boolean; removed: boolean },
  ): Promise<PeerInfo | { refused: string }> {
    if (decided.removed) return { refused: '您已被主持人请出本次调解（开庭），如有疑问请联系工作人员' };
    const l = this.live(roomId);
    const others = [...l.peers.values()].filter((x) => x.identity !== p.identity);
    if (others.length >= ROOM_MAX_PARTICIPANTS) return { refused: '调解室人数已满（最多6人）' };
    const peer: PeerInfo = {
      ...p,
      state: p.host || decided.admitted ? 'admitted' : 'waiting',
      muted: false,
      instance: this.instance,
    };
    this.sockets.set(peer.id, ws);
    this.alive.set(peer.id, true);
    ws.on('pong', () => this.alive.set(peer.id, true));
    ws.on('close', () => this.alive.delete(peer.id));
    const applied = new Promise<void>((resolve) => this.joining.set(peer.id, resolve));
    await this.bus.publish({ op: 'join', room: roomId, peer });
    await applied;
    return peer;
  }

  async leave(roomId: string, peerId: string) {
    if (!this.sockets.delete(peerId)) return;
    await this.bus.publish({ op: 'leave', room: roomId, peerId });
  }

  /**
   * One heartbeat of this instance's sockets: a socket that did not answer the previous ping is
   * terminated (its close handler publishes the departure), the others are pinged. Returns the
   * peers still connected here, whose presence the caller renews.
   */
  heartbeat(): { roomId: string; peerId: string }[] {
    const live: { roomId: string; peerId: string }[] = [];
    for (const [roomId, l] of this.rooms) {
      for (const p of l.peers.values()) {
        const ws = this.sockets.get(p.id);
        if (!ws) continue;
        if (this.alive.get(p.id) === false) {
          ws.terminate();
          continue;
        }
        this.alive.set(p.id, false);
        try {
          ws.ping();
        } catch {
          /* closing: the close handler follows */
        }
        live.push({ roomId, peerId: p.id });
      }
    }
    return live;
  }

  /**
   * A participant whose presence expired (its instance stopped renewing it: killed, or cut off from
   * the database): every instance drops it and tells its room. A socket of this instance is closed.
   */
  async expire(roomId: string, peerId: string) {
    const ws = this.sockets.get(peerId);
    if (ws) {
      this.sockets.delete(peerId);
      ws.close(4001, 'presence expired');
    }
    await this.bus.publish({ op: 'leave', room: roomId, peerId });
  }

  /** Handles one message from a socket of this instance. */
  async handle(roomId: string, peerId: string, msg: ClientMessage): Promise<void> {
    const l = this.rooms.get(roomId);
    const from = l?.peers.get(peerId);
    if (!l || !from || !this.sockets.has(peerId)) return;
    const target = 'peerId' in msg ? l.peers.get(String(msg.peerId)) : undefined;
    switch (msg.type) {
      case 'signal': {
        const to = l.peers.get(String(msg.to));
        // Media flows only between admitted people in the same (sub-)room: the waiting room and the
        // side outside a caucus see and hear nothing.
        if (!to || !this.together(l, from, to)) return;
        await this.bus.publish({ op: 'signal', room: roomId, from: from.id, to: to.id, data: msg.data });
        return;
      }
      case 'admit':
        if (!from.host || !target) return;
        await this.hooks.admitted(roomId, target.identity);
        await this.bus.publish({ op: 'admit', room: roomId, peerId: target.id });
        return;
      case 'mute':
        if (!from.host || !target) return;
        await this.bus.publish({ op: 'mute', room: roomId, peerId: target.id, by: from.name });
        return;
      case 'remove':
        if (!from.host || !target || target.host) return;
        await this.hooks.removed(roomId, target.identity);
        await this.bus.publish({ op: 'remove', room: roomId, peerId: target.id });
        return;
      case 'media':
        await this.bus.publish({
          op: 'media',
          room: roomId,
          peerId: from.id,
          audioOnly: Boolean(msg.audioOnly),
          muted: Boolean(msg.muted),
        });
        return;
      case 'caucus': {
        if (!from.host) return;
        const side = msg.side === 'worker' || msg.side === 'employer' ? msg.side : null;
        if (side === l.caucus) return;
        await this.hooks.caucus(roomId, from, side);
        await this.bus.publish({ op: 'caucus', room: roomId, side, by: from.name });
        return;
      }
      case 'chat': {
        if (from.state !== 'admitted') return;
        const text = String(msg.text ?? '')
          .trim()
          .slice(0, 1000);
        if (!text) return;
        const at = await this.hooks.chat(roomId, from, text);
        await this.bus.publish({
          op: 'chat',
          room: roomId,
          from: from.id,
          name: from.name,
          role: ROOM_ROLE_LABELS[from.role],
          text,
          exhibit: null,
          at,
        });
        return;
      }
      default:
        return;
    }
  }

  /** A piece of the case's evidence shown to the room (already kept on the timeline by the caller). */
  async exhibit(roomId: string, by: { name: string; role: RoomRole }, exhibit: ExhibitShown, at: string) {
    await this.bus.publish({
      op: 'chat',
      room: roomId,
      from: '',
      name: by.name,
      role: ROOM_ROLE_LABELS[by.role],
      text: exhibit.note ?? '',
      exhibit,
      at,
    });
  }

  /** The room changed in the database (record text, signatures, issued): every page reloads it. */
  async changed(roomId: string, what: Record<string, unknown>) {
    await this.bus.publish({ op: 'changed', room: roomId, what });
  }

  /** The host's browser started or stopped recording: everyone in the room is shown it. */
  async recording(roomId: string, on: boolean) {
    await this.bus.publish({ op: 'recording', room: roomId, on });
  }

  /** Applies one change from the bus (every instance, in the same order). */
  private apply(op: BusOp) {
    const l = op.op === 'join' ? this.live(op.room) : this.rooms.get(op.room);
    if (!l) return;
    switch (op.op) {
      case 'join': {
        for (const other of [...l.peers.values()]) {
          if (other.identity !== op.peer.identity || other.id === op.peer.id) continue;
          l.peers.delete(other.id);
          const ws = this.sockets.get(other.id);
          if (ws) {
            this.sockets.delete(other.id);
            ws.close(4000, 'replaced');
          }
        }
        l.peers.set(op.peer.id, op.peer);
        if (op.peer.instance === this.instance) {
          this.joining.get(op.peer.id)?.();
          this.joining.delete(op.peer.id);
          this.sendTo(op.peer.id, {
            type: 'welcome',
            peerId: op.peer.id,
            state: op.peer.state,
            role: op.peer.role,
          });
          if (l.recording) this.sendTo(op.peer.id, { type: 'recording', on: true });
        } else {
          // Another instance joined this room: tell it who is connected here (it may have started later).
          const mine = [...l.peers.values()].filter((x) => x.instance === this.instance);
          if (mine.length) {
            void this.bus
              .publish({
                op: 'present',
                room: op.room,
                peers: mine,
                caucus: l.caucus,
                recording: l.recording,
              })
              .catch((err: Error) => this.log.warn({ err: err.message }, 'room presence not published'));
          }
        }
        this.roster(op.room);
        return;
      }
      case 'present': {
        for (const p of op.peers) if (!l.peers.has(p.id)) l.peers.set(p.id, p);
        l.caucus = op.caucus;
        l.recording = l.recording || op.recording;
        this.roster(op.room);
        return;
      }
      case 'leave': {
        if (!l.peers.delete(op.peerId)) return;
        this.broadcast(op.room, { type: 'peer-left', peerId: op.peerId });
        this.roster(op.room);
        if (!l.peers.size) this.rooms.delete(op.room);
        return;
      }
      case 'signal': {
        const from = l.peers.get(op.from);
        const to = l.peers.get(op.to);
        if (!from || !to || !this.together(l, from, to)) return;
        this.sendTo(to.id, { type: 'signal', from: from.id, data: op.data });
        return;
      }
      case 'admit': {
        const p = l.peers.get(op.peerId);
        if (!p) return;
        p.state = 'admitted';
        this.sendTo(p.id, { type: 'admitted' });
        this.roster(op.room);
        return;
      }
      case 'mute': {
        const p = l.peers.get(op.peerId);
        if (!p) return;
        p.muted = true;
        this.sendTo(p.id, { type: 'muted', by: op.by });
        this.roster(op.room);
        return;
      }
      case 'remove': {
        const p = l.peers.get(op.peerId);
        if (!p) return;
        l.peers.delete(p.id);
        const ws = this.sockets.get(p.id);
        if (ws) {
          this.sendTo(p.id, { type: 'removed' });
          this.sockets.delete(p.id);
          ws.close(4003, 'removed');
        }
        this.broadcast(op.room, { type: 'peer-left', peerId: p.id });
        this.roster(op.room);
        return;
      }
      case 'media': {
        const p = l.peers.get(op.peerId);
        if (!p) return;
        p.audioOnly = op.audioOnly;
        p.muted = op.muted;
        this.roster(op.room);
        return;
      }
      case 'caucus': {
        l.caucus = op.side;
        this.roster(op.room);
        return;
      }
      case 'chat': {
        const from = l.peers.get(op.from);
        const msg = {
          type: 'chat',
          from: op.from,
          name: op.name,
          role: op.role,
          text: op.text,
          exhibit: op.exhibit,
          at: op.at,
        };
        for (const p of l.peers.values()) {
          // A line said inside a caucus stays inside it; exhibits (from the host) go to the host's sub-room.
          if (p.state !== 'admitted') continue;
          if (from ? !this.together(l, from, p) && from.id !== p.id : this.space(l, p) !== this.hostSpace(l))
            continue;
          this.sendTo(p.id, msg);
        }
        return;
      }
      case 'changed':
        this.broadcast(op.room, { type: 'room', ...op.what });
        return;
      case 'recording':
        l.recording = op.on;
        this.broadcast(op.room, { type: 'recording', on: op.on });
        return;
    }
  }

  /** 'main' or 'caucus': during a caucus the hosts and the chosen side are in the private sub-room. */
  private space(l: Live, p: PeerInfo): 'main' | 'caucus' {
    if (!l.caucus) return 'main';
    return p.host || p.role === l.caucus ? 'caucus' : 'main';
  }

  private hostSpace(l: Live): 'main' | 'caucus' {
    return l.caucus ? 'caucus' : 'main';
  }

  private together(l: Live, a: PeerInfo, b: PeerInfo): boolean {
    return (
      a.id !== b.id &&
      a.state === 'admitted' &&
      b.state === 'admitted' &&
      this.space(l, a) === this.space(l, b)
    );
  }

  private roster(roomId: string) {
    const l = this.rooms.get(roomId);
    if (!l) return;
    const all = [...l.peers.values()];
    for (const p of all) {
      if (p.instance !== this.instance) continue;
      // The waiting room sees only itself; the host also sees who waits (to admit them); during a
      // caucus each side sees only its own sub-room.
      const visible = all.filter(
        (x) =>
          x.id === p.id ||
          (p.state === 'admitted' &&
            (x.state === 'waiting' ? p.host : this.space(l, x) === this.space(l, p))),
      );
      const caucus = l.caucus
        ? {
            side: l.caucus,
            sideLabel: CAUCUS_LABELS[l.caucus],
            inside: p.state === 'admitted' && this.space(l, p) === 'caucus',
          }
        : null;
      this.sendTo(p.id, {
        type: 'roster',
        caucus,
        peers: visible.map((x) => ({
          id: x.id,
          name: x.name,
          role: x.role,
          roleLabel: ROOM_ROLE_LABELS[x.role],
          host: x.host,
          state: x.state,
          muted: x.muted,
          audioOnly: x.audioOnly,
        })),
      });
    }
  }

  private broadcast(roomId: string, msg: Record<string, unknown>) {
    const l = this.rooms.get(roomId);
    if (!l) return;
    for (const p of l.peers.values()) this.sendTo(p.id, msg);
  }

  private sendTo(peerId: string, msg: Record<string, unknown>) {
    const ws = this.sockets.get(peerId);
    if (ws?.readyState !== 1) return;
    ws.send(JSON.stringify(msg), (err) => {
      if (err) this.log.warn({ err: err.message }, 'room signal send failed');
    });
  }
}
