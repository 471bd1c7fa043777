import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

const tmpData = () => path.join(mkdtempSync(path.join(tmpdir(), 'onestop-cfg-')), 'pglite');

describe('configuration', () => {
  it('demo mode only when asked for', () => {
    const demo = loadConfig({ DEMO_MODE: 'true' });
    expect(demo.databaseUrl).toBeUndefined();
    expect(demo.demoMode).toBe(true);
    expect(demo.cookieSecure).toBe(false);
    expect(demo.port).toBe(3000);
    expect(demo.sessionIdleMinutes).toBe(30);
    const dir = tmpData();
    const prod = loadConfig({ PGLITE_DIR: dir });
    expect(prod.demoMode).toBe(false);
    expect(prod.cookieSecure).toBe(true);
    expect(prod.trustProxy).toBe(false);
  });

  it('requires SECRET_KEY outside demo mode with PostgreSQL, with a Chinese explanation', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/SECRET_KEY/);
    expect(() => loadConfig({ PGLITE_DIR: 'memory://' })).toThrow(/非演示模式必须设置 SECRET_KEY/);
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', SECRET_KEY: 'k'.repeat(32) }),
    ).toThrow(/非演示模式必须设置 AUDIT_KEY/);
    const ok = loadConfig({
      DATABASE_URL: 'postgres://x@localhost/db',
      SECRET_KEY: 'k'.repeat(32),
      AUDIT_KEY: 'a'.repeat(32),
    });
    expect(ok.demoMode).toBe(false);
    expect(ok.secretKey).toBe('k'.repeat(32));
    expect(ok.auditKey).toBe('a'.repeat(32));
    expect(ok.keyFile).toBeUndefined();
  });

  it('an embedded installation generates its key once into the data folder (0600)', () => {
    const dir = tmpData();
    const first = loadConfig({ PGLITE_DIR: dir });
    const file = path.join(path.dirname(dir), 'secret.key');
    expect(first.keyFile).toBe(file);
    expect(first.keyFileCreated).toBe(true);
    expect(first.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const auditFile = path.join(path.dirname(dir), 'audit.key');
    expect(first.auditKeyFile).toBe(auditFile);
    expect(first.auditKey).toMatch(/^[0-9a-f]{64}$/);
    expect(first.auditKey).not.toBe(first.secretKey);
    expect(statSync(auditFile).mode & 0o777).toBe(0o600);
    const again = loadConfig({ PGLITE_DIR: dir });
    expect(again.keyFileCreated).toBe(false);
    expect(again.secretKey).toBe(first.secretKey);
    expect(again.auditKey).toBe(first.auditKey);
  });

  it('refuses a key file readable by others', () => {
    const dir = tmpData();
    writeFileSync(path.join(path.dirname(dir), 'secret.key'), 'a'.repeat(64), { mode: 0o644 });
    expect(() => loadConfig({ PGLITE_DIR: dir })).toThrow(/chmod 600/);
  });

  it('TRUST_PROXY is off by default and takes a list of addresses or CIDRs', () => {
    const base = { DEMO_MODE: 'true' };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('an HTTP SMS provider needs its URL', () => {
    expect(() => loadConfig({ DEMO_MODE: 'true', SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL/);
  });

  it('names every bad setting', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL 必须以 postgres://');
      expect(message).toContain('LOG_LEVEL');
    }
  });
});
