import { describe, expect, it } from 'vitest';
import { Client } from './harness';
import { freshDatabaseEnv, spawnServer, waitExit } from './processes';

/**
 * Kills the server with SIGKILL in the middle of a stream of writes; after a restart every write
 * that had been acknowledged (HTTP 201) must be there.
 */
describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL', { timeout: 180_000 }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    try {
      let { child, url } = await spawnServer(env);
      const c = new Client(url);
      expect((await c.login('admin')).status).toBe(200);
      const city = (await c.get('/api/admin/jurisdictions')).body.items[0];
      const acked: string[] = [];
      let n = 0;
      const writers = [0, 1].map(async (w) => {
        for (;;) {
          const code = String(500000 + n++ * 2 + w);
          try {
            const r = await c.post('/api/admin/jurisdictions', {
              code,
              name: `压测辖区${code}`,
              parentId: city.id,
            });
            if (r.status === 201) acked.push(code);
            else if (r.status >= 500) return;
          } catch {
            return; // the connection died with the server
          }
        }
      });
      await new Promise((r) => setTimeout(r, 2500));
      child.kill('SIGKILL');
      await waitExit(child);
      await Promise.all(writers);
      expect(acked.length).toBeGreaterThan(10);

      ({ child, url } = await spawnServer(env));
      try {
        const c2 = new Client(url);
        expect((await c2.login('admin')).status).toBe(200);
        const codes = new Set((await c2.get('/api/admin/jurisdictions')).body.items.map((j: any) => j.code));
        const missing = acked.filter((code) => !codes.has(code));
        expect(missing).toEqual([]);
        const v = await c2.get('/api/admin/audit/verify');
        expect(v.body.ok).toBe(true);
      } finally {
        child.kill('SIGTERM');
        await waitExit(child);
      }
    } finally {
      await drop();
    }
  });
});
