import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyOf } from '../src/platform/audit';
import { parseAnchors, verifyAuditChain } from '../src/platform/audit-verify';
import { signedIn, useTestServer } from './harness';

const file = path.join(mkdtempSync(path.join(tmpdir(), 'onestop-anchor-')), 'anchors', 'audit.jsonl');

describe('daily audit anchor (AUDIT_ANCHOR_FILE)', () => {
  const env = useTestServer({ AUDIT_ANCHOR_FILE: file });

  it('the periodic task appends one MAC-signed anchor that the chain verifies against', async () => {
    // Some audited writes first, so the anchor holds real heads.
    await signedIn(env, 'clerk');
    await signedIn(env, 'zhangmin');
    const { db } = env.server.app.ctx.database;
    await env.server.app.ctx.jobs.runOnce();
    // Once per day across instances: a second tick the same day adds nothing.
    await env.server.app.ctx.jobs.runOnce();
    const text = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = parseAnchors(text, auditKeyOf(db));
    expect(parsed.bad).toEqual([]);
    expect(parsed.anchors).toHaveLength(1);
    const anchor = parsed.anchors[0]!;
    const total = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(anchor.total).toBe(Number(total.n));
    expect((await verifyAuditChain(db, { anchors: [anchor] })).ok).toBe(true);
  });
});
