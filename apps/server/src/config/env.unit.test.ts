import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

describe('configuration', () => {
  it('defaults to embedded PGlite in demo mode', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demoMode).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.sessionIdleMinutes).toBe(30);
  });

  it('requires SECRET_KEY outside demo mode, with a Chinese explanation', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/SECRET_KEY/);
    const ok = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', SECRET_KEY: 'k'.repeat(32) });
    expect(ok.demoMode).toBe(false);
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
