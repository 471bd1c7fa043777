// Over 400 lines: the WebRTC and signalling client (peer connections, reconnect, audio-only fallback) is one protocol.
/**
 * The browser side of an online room (issue #20), shared by the staff app and the parties' portal;
 * no UI library. Media goes browser to browser over WebRTC (a full mesh, at most six people); the
 * server only relays offers, answers and ICE candidates over one WebSocket and decides who is in.
 * A dropped socket reconnects with back-off and the server puts an admitted person straight back
 * into the room; "仅语音" drops the camera (weak networks).
 */

export interface RosterPeer {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
  host: boolean;
  state: 'waiting' | 'admitted';
  muted: boolean;
  audioOnly: boolean;
}

/** A piece of the case's evidence shown in the room. */
export interface Exhibit {
  id: string;
  name: string;
  contentType: string;
  note: string | null;
}

export interface ChatLine {
  from: string;
  name: string;
  role: string;
  text: string;
  exhibit: Exhibit | null;
  at: string;
}

/** The private sub-room (背对背调解): the host with one side; `inside` tells whether this person is in it. */
export interface Caucus {
  side: 'worker' | 'employer';
  sideLabel: string;
  inside: boolean;
}

export interface RoomEvents {
  onState(s: {
    me: string | null;
    state: 'connecting' | 'waiting' | 'admitted' | 'reconnecting' | 'ended';
    message?: string;
  }): void;
  onRoster(peers: RosterPeer[], caucus: Caucus | null): void;
  onStreams(streams: Map<string, MediaStream>): void;
  onChat(line: ChatLine): void;
  /** The room changed on the server (record text, signatures): reload it. */
  onRoomChanged(what: { record?: string; version?: number; reload?: boolean }): void;
  onMuted(by: string): void;
  /** The host's browser started or stopped recording. */
  onRecording(on: boolean): void;
  /** The connection is too weak for video (measured while in the room). */
  onWeakNetwork(): void;
}

export interface IceServer {
  urls: string[];
  username?: string | undefined;
  credential?: string | undefined;
}

type Incoming =
  | { type: 'welcome'; peerId: string; state: 'waiting' | 'admitted' }
  | { type: 'admitted' }
  | { type: 'roster'; peers: RosterPeer[]; caucus: Caucus | null }
  | { type: 'recording'; on: boolean }
  | { type: 'signal'; from: string; data: SignalData }
  | { type: 'peer-left'; peerId: string }
  | ({ type: 'chat' } & ChatLine)
  | { type: 'room'; record?: string; version?: number; reload?: boolean }
  | { type: 'muted'; by: string }
  | { type: 'removed' }
  | { type: 'refused'; message: string };

type SignalData =
  | { kind: 'offer' | 'answer'; sdp: RTCSessionDescriptionInit }
  | { kind: 'ice'; candidate: RTCIceCandidateInit };

/** Asks for camera and microphone (or the microphone only). */
export async function openMedia(audioOnly: boolean): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: true,
    video: audioOnly ? false : { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15 } },
  });
}

/** Below this estimated outgoing bandwidth (bit/s) video is dropped for audio only. */
export const WEAK_BITRATE = 150_000;

export class RoomConnection {
  private ws: WebSocket | null = null;
  private me: string | null = null;
  private admitted = false;
  private closed = false;
  private retry = 0;
  private readonly pcs = new Map<string, RTCPeerConnection>();
  private readonly streams = new Map<string, MediaStream>();
  private readonly queued = new Map<string, RTCIceCandidateInit[]>();

  constructor(
    private readonly roomId: string,
    private local: MediaStream,
    private readonly iceServers: IceServer[],
    private readonly events: RoomEvents,
    private audioOnly = false,
  ) {}

  connect() {
    this.closed = false;
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(
      `${proto}://${location.host}/api/rooms/${this.roomId}/signal${this.audioOnly ? '?audio=1' : ''}`,
    );
    this.ws = ws;
    this.events.onState({ me: null, state: this.retry ? 'reconnecting' : 'connecting' });
    ws.onmessage = (e) => void this.onMessage(JSON.parse(String(e.data)) as Incoming);
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.dropAll();
      if (this.closed || e.code === 4003 || e.code === 4000) {
        if (e.code === 4003) this.events.onState({ me: null, state: 'ended', message: '您已离开调解室' });
        return;
      }
      // Weak network: try again (1 s, 2 s, 4 s … at most 10 s) without losing the place in the room.
      this.retry++;
      this.events.onState({ me: null, state: 'reconnecting' });
      setTimeout(() => this.connect(), Math.min(10_000, 1000 * 2 ** Math.min(this.retry - 1, 4)));
    };
  }

  close() {
    this.closed = true;
    this.ws?.close();
    this.dropAll();
    for (const t of this.local.getTracks()) t.stop();
  }

  send(msg: Record<string, unknown>) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  chat(text: string) {
    this.send({ type: 'chat', text });
  }

  /** Host: take one side into a private sub-room (null: everyone back to the main room). */
  caucus(side: 'worker' | 'employer' | null) {
    this.send({ type: 'caucus', side });
  }

  admit(peerId: string) {
    this.send({ type: 'admit', peerId });
  }

  mute(peerId: string) {
    this.send({ type: 'mute', peerId });
  }

  remove(peerId: string) {
    this.send({ type: 'remove', peerId });
  }

  /** Own microphone on or off (the others see the state in the roster). */
  setMuted(muted: boolean) {
    for (const t of this.local.getAudioTracks()) t.enabled = !muted;
    this.send({ type: 'media', audioOnly: this.audioOnly, muted });
  }

  /** Weak network: stop sending video (and keep audio); the others are told. */
  setAudioOnly(audioOnly: boolean, stream?: MediaStream) {
    this.audioOnly = audioOnly;
    if (audioOnly) {
      for (const t of this.local.getVideoTracks()) {
        t.stop();
        this.local.removeTrack(t);
      }
    } else if (stream) {
      for (const t of stream.getVideoTracks()) this.local.addTrack(t);
    }
    for (const pc of this.pcs.values()) {
      for (const s of pc.getSenders()) {
        if (s.track?.kind === 'video' || (!s.track && audioOnly)) void s.replaceTrack(null);
      }
      if (!audioOnly) {
        const v = this.local.getVideoTracks()[0];
        const sender = pc.getSenders().find((s) => s.track === null || s.track?.kind === 'video');
        if (v && sender) void sender.replaceTrack(v);
      }
    }
    this.send({ type: 'media', audioOnly, muted: !this.local.getAudioTracks()[0]?.enabled });
  }

  /** The streams received from the others (the host's recorder mixes their sound). */
  remoteStreams(): MediaStream[] {
    return [...this.streams.values()];
  }

  /**
   * Weak-network watch: every 5 s the estimated outgoing bandwidth of the connections; three low
   * readings in a row (under 150 kbit/s, too little for video) call onWeakNetwork once.
   */
  watchBandwidth(): () => void {
    let low = 0;
    let told = false;
    const t = setInterval(async () => {
      if (told || this.audioOnly || !this.pcs.size) return;
      let best = 0;
      for (const pc of this.pcs.values()) {
        (await pc.getStats()).forEach(
          (r: { type: string; state?: string; nominated?: boolean; availableOutgoingBitrate?: number }) => {
            if (r.type === 'candidate-pair' && r.nominated && r.availableOutgoingBitrate)
              best = Math.max(best, r.availableOutgoingBitrate);
          },
        );
      }
      low = best > 0 && best < WEAK_BITRATE ? low + 1 : 0;
      if (low >= 3) {
        told = true;
        this.events.onWeakNetwork();
      }
    }, 5000);
    return () => clearInterval(t);
  }

  /** Bytes of video received from every other browser (grows while their pictures arrive). */
  async videoBytesReceived(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [peer, pc] of this.pcs) {
      let bytes = 0;
      (await pc.getStats()).forEach((r: { type: string; kind?: string; bytesReceived?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') bytes += r.bytesReceived ?? 0;
      });
      out[peer] = bytes;
    }
    return out;
  }

  private async onMessage(m: Incoming) {
    switch (m.type) {
      case 'welcome':
        this.me = m.peerId;
        this.retry = 0;
        this.admitted = m.state === 'admitted';
        this.events.onState({ me: m.peerId, state: m.state });
        return;
      case 'admitted':
        this.admitted = true;
        this.events.onState({ me: this.me, state: 'admitted' });
        return;
      case 'roster':
        this.events.onRoster(m.peers, m.caucus);
        // Whoever is no longer with me (a caucus began, or they left) is cut off: no picture, no sound.
        for (const peer of [...this.pcs.keys()]) {
          if (!m.peers.some((p) => p.id === peer && p.state === 'admitted')) this.drop(peer);
        }
        if (!this.admitted || !this.me) return;
        for (const p of m.peers) {
          if (p.id === this.me || p.state !== 'admitted' || this.pcs.has(p.id)) continue;
          // One side offers: the smaller id. The other waits for the offer.
          if (this.me < p.id) await this.offer(p.id);
        }
        return;
      case 'signal':
        await this.onSignal(m.from, m.data);
        return;
      case 'peer-left':
        this.drop(m.peerId);
        return;
      case 'chat':
        this.events.onChat(m);
        return;
      case 'room':
        this.events.onRoomChanged(m);
        return;
      case 'recording':
        this.events.onRecording(m.on);
        return;
      case 'muted':
        for (const t of this.local.getAudioTracks()) t.enabled = false;
        this.events.onMuted(m.by);
        return;
      case 'removed':
        this.closed = true;
        this.events.onState({ me: null, state: 'ended', message: '主持人已请您离开调解室' });
        return;
      case 'refused':
        this.closed = true;
        this.events.onState({ me: null, state: 'ended', message: m.message });
        return;
    }
  }

  private pc(peer: string): RTCPeerConnection {
    let pc = this.pcs.get(peer);
    if (pc) return pc;
    pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pcs.set(peer, pc);
    for (const t of this.local.getTracks()) pc.addTrack(t, this.local);
    // Receive video even when sending none (audio-only), so the others can still be seen.
    if (!this.local.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
    pc.onicecandidate = (e) => {
      if (e.candidate)
        this.send({ type: 'signal', to: peer, data: { kind: 'ice', candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => {
      const stream = e.streams[0] ?? new MediaStream([e.track]);
      this.streams.set(peer, stream);
      this.events.onStreams(new Map(this.streams));
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed') pc.restartIce();
    };
    return pc;
  }

  private async offer(peer: string) {
    const pc = this.pc(peer);
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send({ type: 'signal', to: peer, data: { kind: 'offer', sdp: pc.localDescription!.toJSON() } });
  }

  private async onSignal(from: string, data: SignalData) {
    const pc = this.pc(from);
    if (data.kind === 'offer') {
      await pc.setRemoteDescription(data.sdp);
      await this.flush(from, pc);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      this.send({ type: 'signal', to: from, data: { kind: 'answer', sdp: pc.localDescription!.toJSON() } });
    } else if (data.kind === 'answer') {
      await pc.setRemoteDescription(data.sdp);
      await this.flush(from, pc);
    } else if (data.kind !== 'ice') {
      return;
    } else if (pc.remoteDescription) {
      await pc.addIceCandidate(data.candidate);
    } else {
      this.queued.set(from, [...(this.queued.get(from) ?? []), data.candidate]);
    }
  }

  private async flush(peer: string, pc: RTCPeerConnection) {
    for (const c of this.queued.get(peer) ?? []) await pc.addIceCandidate(c);
    this.queued.delete(peer);
  }

  private drop(peer: string) {
    this.pcs.get(peer)?.close();
    this.pcs.delete(peer);
    this.queued.delete(peer);
    if (this.streams.delete(peer)) this.events.onStreams(new Map(this.streams));
  }

  private dropAll() {
    for (const peer of [...this.pcs.keys()]) this.drop(peer);
    this.me = null;
    this.admitted = false;
  }
}

/** What the device check measures before entry. */
export interface DeviceCheck {
  camera: boolean;
  microphone: boolean;
  /** Round trip to the server in ms, median of three (null when it failed). */
  latencyMs: number | null;
}

/** The network check: median round trip of three small requests to the server. */
export async function measureLatency(): Promise<number | null> {
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await (await fetch(`/api/health?ts=${Date.now()}`, { cache: 'no-store' })).arrayBuffer();
      times.push(performance.now() - t0);
    }
    return Math.round(times.sort((a, b) => a - b)[1]!);
  } catch {
    return null;
  }
}

/** Microphone level 0–100 from an analyser on the local stream (the device check's meter). */
export function micLevel(stream: MediaStream): { read(): number; stop(): void } {
  const ctx = new AudioContext();
  const src = ctx.createMediaStreamSource(stream);
  const an = ctx.createAnalyser();
  an.fftSize = 256;
  src.connect(an);
  const buf = new Uint8Array(an.frequencyBinCount);
  return {
    read() {
      an.getByteTimeDomainData(buf);
      let peak = 0;
      for (const v of buf) peak = Math.max(peak, Math.abs(v - 128));
      return Math.min(100, Math.round((peak / 128) * 200));
    },
    stop() {
      void ctx.close();
    },
  };
}

/** A short tone to check the speaker. */
export function playTone() {
  const ctx = new AudioContext();
  const o = ctx.createOscillator();
  o.frequency.value = 660;
  o.connect(ctx.destination);
  o.start();
  setTimeout(() => {
    o.stop();
    void ctx.close();
  }, 600);
}
