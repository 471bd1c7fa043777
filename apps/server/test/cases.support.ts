import { type Client, type TestEnv, signedIn } from './harness';
import { creditCode, intakeBody, residentId } from './intake-fixtures';

export interface Places {
  city: string;
  zengdu: string;
  guangshui: string;
}

export async function places(env: TestEnv): Promise<Places> {
  const admin = await signedIn(env, 'admin');
  const items = (await admin.get('/api/admin/jurisdictions')).body.items as { id: string; name: string }[];
  const by = (n: string) => items.find((x) => x.name === n)!.id;
  return { city: by('随州市'), zengdu: by('曾都区'), guangshui: by('广水市') };
}

export async function organizations(env: TestEnv): Promise<Record<string, string>> {
  const admin = await signedIn(env, 'admin');
  const items = (await admin.get('/api/admin/organizations')).body.items as { id: string; name: string }[];
  return Object.fromEntries(items.map((o) => [o.name, o.id]));
}

let n = 0;
/** Registers a matter through the single window (POST /api/intake) and returns it. */
export async function newMatter(
  clerk: Client,
  jurisdictionId: string,
  over: { worker?: string; employer?: string; idNumber?: string; claims?: unknown[]; migrant?: boolean } = {},
) {
  n++;
  const body = intakeBody(jurisdictionId) as any;
  body.workers[0].name = over.worker ?? `测试工${n}`;
  body.workers[0].idNumber = over.idNumber ?? residentId('19800101', 200 + (n % 700), '421303');
  body.workers[0].migrantWorker = over.migrant ?? true;
  if (over.employer) {
    // A different employer needs its own credit code (parties are reused by identity).
    body.employers[0].name = over.employer;
    body.employers[0].creditCode = creditCode(`MA4Q${String(n).padStart(4, '0')}`);
  }
  if (over.claims) body.claims = over.claims;
  const r = await clerk.post('/api/intake', body);
  if (r.status !== 201) throw new Error(`intake failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; number: string; claims: { id: string }[] };
}

export async function openCase(c: Client, matterId: string, track: string, claimIds: string[]) {
  return c.post(`/api/matters/${matterId}/cases`, { track, claimIds });
}
