import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/db/migrate';
import { startTestServer } from './harness';

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const APP_JS = `console.log(${JSON.stringify('一站式'.repeat(800))});\n`;
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head></html>';
const PORTAL_INDEX = '<!doctype html><html><body>portal</body></html>';

/** A built web app as `npm run build -w @onestop/web` leaves it (hashed assets with .br/.gz). */
function webDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onestop-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'portal/assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets/app-Ab12Cd34.js'), APP_JS);
  writeFileSync(path.join(dir, 'assets/app-Ab12Cd34.js.gz'), gzipSync(APP_JS));
  writeFileSync(path.join(dir, 'assets/app-Ab12Cd34.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(path.join(dir, 'portal/index.html'), PORTAL_INDEX);
  return dir;
}

describe('production serving', () => {
  it('plain-HTTP install (COOKIE_SECURE=false): no upgrade-insecure-requests, no HSTS; compressed, cached assets', {
    timeout: 240_000,
  }, async () => {
    const env = await startTestServer({ COOKIE_SECURE: 'false', WEB_DIST: webDist() });
    try {
      const health = await rawGet(`${env.url}/api/health`);
      const csp = String(health.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(health.headers['strict-transport-security']).toBeUndefined();

      const br = await rawGet(`${env.url}/assets/app-Ab12Cd34.js`, {
        'accept-encoding': 'gzip, deflate, br',
      });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers.vary).toBe('accept-encoding');
      expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
      expect(br.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10);

      const gz = await rawGet(`${env.url}/assets/app-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).toString()).toBe(APP_JS);

      const plain = await rawGet(`${env.url}/assets/app-Ab12Cd34.js`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(APP_JS);

      // index.html names the current hashes: always revalidated, also as the history-API fallback.
      for (const url of ['/', '/matters/123']) {
        const page = await rawGet(`${env.url}${url}`);
        expect(page.status).toBe(200);
        expect(page.headers['cache-control']).toBe('no-cache');
        expect(page.body.toString()).toBe(INDEX);
      }
      const portal = await rawGet(`${env.url}/m/follow`);
      expect(portal.headers['cache-control']).toBe('no-cache');
      expect(portal.body.toString()).toBe(PORTAL_INDEX);
    } finally {
      await env.server.close();
    }
  });

  it('HTTPS install (COOKIE_SECURE=true): the CSP upgrades insecure requests and HSTS is sent', {
    timeout: 240_000,
  }, async () => {
    const env = await startTestServer({ COOKIE_SECURE: 'true' });
    try {
      const health = await rawGet(`${env.url}/api/health`);
      expect(String(health.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await env.server.close();
    }
  });

  it('readiness: 200 with every shipped migration applied', { timeout: 240_000 }, async () => {
    const env = await startTestServer();
    try {
      const r = await fetch(`${env.url}/api/ready`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { migrations: { applied: number; shipped: number } };
      expect(body).toEqual({
        status: 'ready',
        database: true,
        migrations: { applied: body.migrations.shipped, shipped: body.migrations.shipped, pending: [] },
        message: '就绪',
      });
      expect(body.migrations.shipped).toBe(
        readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length,
      );
    } finally {
      await env.server.close();
    }
  });
});
