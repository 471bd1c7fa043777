import { describe, expect, it } from 'vitest';
import { runCli } from './processes';
import { execFile } from 'node:child_process';
import { ROOT } from './processes';

describe('boot with bad configuration', () => {
  it('prints a clear message and exits 1', async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'apps/server/src/main.ts'],
        { cwd: ROOT, env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '', PGLITE_DIR: 'memory://' } },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('配置错误');
    expect(result.out).toContain('PORT');
    expect(result.out).not.toMatch(/at .*\.ts:\d+/);
  });

  it('production on PostgreSQL without its own key: exit 1 with a clear message', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      PORT: '0',
    };
    delete env.DEMO_MODE;
    delete env.SECRET_KEY;
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'apps/server/src/main.ts'],
        { cwd: ROOT, env },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('配置错误 (configuration error)');
    expect(result.out).toContain('SECRET_KEY: 非演示模式必须设置 SECRET_KEY');
    expect(result.out).toContain('outside demo mode SECRET_KEY is required');
    expect(result.out).not.toContain('onestop started');
    expect(result.out).not.toMatch(/at .*\.ts:\d+/);
  });

  it('the CLI explains its commands', async () => {
    const r = await runCli(['help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('audit verify');
  });
});
