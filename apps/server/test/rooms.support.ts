import WebSocket from 'ws';

// A 1x1 PNG large enough to count as a drawn signature (padding chunk after IEND is ignored by readers).
export const SIGNATURE = `data:image/png;base64,${Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  Buffer.alloc(64, 1),
]).toString('base64')}`;

/** Opens the signalling socket with the given cookie; resolves with the HTTP status of the upgrade. */
export function socketStatus(url: string, roomId: string, cookie?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/rooms/${roomId}/signal`, {
      headers: cookie ? { cookie } : {},
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', () => undefined);
  });
}

/** A signalling client: collects the server's messages, waits for one of a type. */
export class Signal {
  readonly messages: any[] = [];
  private readonly ws: WebSocket;
  readonly opened: Promise<void>;
  /** The close code once the server closed the socket. */
  closeCode: number | null = null;
  constructor(url: string, roomId: string, cookie: string) {
    this.ws = new WebSocket(`${url.replace('http', 'ws')}/api/rooms/${roomId}/signal`, {
      headers: { cookie },
    });
    this.ws.on('message', (d) => this.messages.push(JSON.parse(String(d))));
    this.opened = new Promise((r) => this.ws.on('open', () => r()));
    this.ws.on('close', (code) => {
      this.closeCode = code;
    });
  }
  /** The newest message of a type (the roster changes as people come and go). */
  last(type: string): any {
    return this.messages.filter((m) => m.type === type).at(-1);
  }
  send(msg: unknown) {
    this.ws.send(JSON.stringify(msg));
  }
  async next(type: string, where: (m: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.messages.find((x) => x.type === type && where(x));
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no ${type} message: ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  close(): Promise<void> {
    return new Promise((r) => {
      this.ws.on('close', () => r());
      this.ws.close();
    });
  }
}

/** Waits until `check` holds (polling every 20 ms, 10 s at most). */
export async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
