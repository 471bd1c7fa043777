import { api, putBytes } from '../../lib/api';

/**
 * The room's recording (opt-in per room, every party told and acknowledged): MediaRecorder in the
 * presiding staff member's browser records the host's picture with everyone's sound mixed, and
 * uploads a chunk every few seconds, in order (a failed upload is retried; the server ignores a
 * chunk it already has). Stopping uploads the rest and asks the server to store the file by its hash.
 */
export class RoomRecorder {
  private recorder: MediaRecorder | null = null;
  private audio: AudioContext | null = null;
  private recordingId: string | null = null;
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  private failed: string | null = null;

  constructor(
    private readonly roomId: string,
    private readonly local: MediaStream,
    private readonly remotes: () => MediaStream[],
  ) {}

  static supported(): boolean {
    return typeof MediaRecorder !== 'undefined';
  }

  async start(): Promise<void> {
    const type = ['video/webm;codecs=vp8,opus', 'video/webm', 'audio/webm'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    );
    if (!type) throw new Error('此浏览器不能录音录像，请使用新版浏览器');
    // One sound track: the host's microphone and everyone else's voice.
    const audio = new AudioContext();
    const mix = audio.createMediaStreamDestination();
    for (const s of [this.local, ...this.remotes()]) {
      if (s.getAudioTracks().length) audio.createMediaStreamSource(s).connect(mix);
    }
    this.audio = audio;
    const stream = new MediaStream([...this.local.getVideoTracks(), ...mix.stream.getAudioTracks()]);
    const { id } = await api.post<{ id: string }>(`/api/rooms/${this.roomId}/recordings`, {
      contentType: type,
    });
    this.recordingId = id;
    this.seq = 0;
    const rec = new MediaRecorder(stream, { mimeType: type });
    rec.ondataavailable = (e) => {
      if (e.data.size) this.enqueue(e.data);
    };
    this.recorder = rec;
    rec.start(5000);
  }

  private enqueue(blob: Blob) {
    const seq = this.seq++;
    this.queue = this.queue.then(() => this.upload(seq, blob));
  }

  private async upload(seq: number, blob: Blob) {
    for (let attempt = 1; ; attempt++) {
      try {
        await putBytes(`/api/rooms/${this.roomId}/recordings/${this.recordingId}/chunks/${seq}`, blob);
        return;
      } catch (e) {
        if (attempt >= 5) {
          this.failed = e instanceof Error ? e.message : '录音录像上传失败';
          return;
        }
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  }

  /** Stops, uploads what is left and has the file stored; resolves with the room as it is then. */
  async stop<T>(): Promise<T> {
    const rec = this.recorder;
    if (!rec) throw new Error('没有正在进行的录音录像');
    await new Promise<void>((resolve) => {
      rec.onstop = () => resolve();
      rec.stop();
    });
    await this.queue;
    void this.audio?.close();
    this.recorder = null;
    if (this.failed) throw new Error(this.failed);
    return api.post<T>(`/api/rooms/${this.roomId}/recordings/${this.recordingId}/finish`, {
      chunks: this.seq,
    });
  }
}
