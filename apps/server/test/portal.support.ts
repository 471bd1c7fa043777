import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestEnv } from './harness';
import { creditCode, residentId } from './intake-fixtures';

/** A stand-in SMS gateway: the server's HttpProvider posts here; tests read the codes. */
export class SmsGateway {
  readonly messages: { to: string; body: string }[] = [];
  private server: Server | undefined;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        const m = JSON.parse(data) as { to: string; body: string };
        this.messages.push(m);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ref: randomUUID() }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  codeFor(phone: string): string {
    const m = [...this.messages].reverse().find((x) => x.to === phone);
    const code = m && /(\d{6})/.exec(m.body)?.[1];
    if (!code) throw new Error(`no code sent to ${phone}`);
    return code;
  }

  async stop() {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

/** A phone's browser: the portal cookie, the portal CSRF header, its own network address. */
export class PortalClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(
    readonly base: string,
    readonly ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-portal-csrf'] = this.csrf;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload });
    const set = res.headers.get('set-cookie');
    const m = set && /onestop_portal=([^;]*)/.exec(set);
    if (m) this.cookie = m[1] ? `onestop_portal=${m[1]}` : undefined;
    const ct = res.headers.get('content-type') ?? '';
    const data = ct.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (ct.includes('json') && (data as { csrfToken?: string }).csrfToken)
      this.csrf = (data as { csrfToken: string }).csrfToken;
    return { status: res.status, body: data as T, headers: res.headers };
  }
  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, body, headers);
  }
}

export async function signInByPhone(env: TestEnv, sms: SmsGateway, phone: string, ip?: string) {
  const c = new PortalClient(env.url, ip);
  const r1 = await c.post('/api/portal/auth/sms', { phone });
  if (r1.status !== 200) throw new Error(`sms ${r1.status} ${JSON.stringify(r1.body)}`);
  const r2 = await c.post('/api/portal/auth/verify', { phone, code: sms.codeFor(phone) });
  if (r2.status !== 200) throw new Error(`verify ${r2.status} ${JSON.stringify(r2.body)}`);
  return c;
}

/** A tiny valid JPEG header + payload (type is sniffed from the magic bytes). */
export function jpeg(seed: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from(`photo ${seed} ${randomUUID()}`),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export async function uploadFile(
  c: PortalClient,
  data: Buffer,
  name: string,
  key = randomUUID(),
  type = 'image/jpeg',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return c.request('POST', '/api/portal/uploads', form, { 'idempotency-key': key });
}

let n = 0;
export function applicationBody(jurisdictionId: string, over: Record<string, unknown> = {}) {
  n++;
  return {
    kind: 'arbitration',
    jurisdictionId,
    worker: {
      name: '赵小军',
      idType: 'resident_id',
      idNumber: residentId('19900215', 300 + n),
      address: '随州市曾都区白云大道1号',
      migrantWorker: true,
    },
    employer: {
      name: '随州市顺达物流有限公司',
      creditCode: creditCode(`MA4D${String(n).padStart(4, '0')}`),
      contactName: '钱经理',
      contactPhone: '13900000001',
      // What the arbitration review would otherwise demand by a 补正通知书.
      address: '随州市曾都区物流园路2号',
      legalRepresentative: '钱国栋',
    },
    claims: [
      {
        type: 'unpaid_wages',
        amountFen: 860_000,
        periodFrom: '2025-10-01',
        periodTo: '2025-12-31',
        facts: '2025年10月至12月工资未发',
      },
    ],
    narrative: '在物流公司做分拣员，三个月工资没有发。',
    facts: { employmentStart: '2024-05-06' },
    uploadIds: [],
    mediationConsent: false,
    electronicServiceConsent: true,
    ...over,
  };
}
