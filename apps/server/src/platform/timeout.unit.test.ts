import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { requestTimeout } from './timeout';

/** A Fastify app with the handler timeout at `ms`, started in an onRequest hook as app.ts does. */
async function appWithTimeout(ms: number) {
  const app = Fastify({ logger: false });
  const startClock = requestTimeout(app, ms);
  app.addHook('onRequest', (req, reply, done) => {
    startClock(req, reply);
    done();
  });
  const pending: (() => void)[] = [];
  app.get<{ Params: { wait: string } }>('/wait/:wait', async (req) => {
    const wait = Number(req.params.wait);
    // 'never': held until the test releases it after the timeout has answered.
    if (Number.isNaN(wait)) await new Promise<void>((resolve) => pending.push(resolve));
    else await new Promise((resolve) => setTimeout(resolve, wait));
    return { ok: true };
  });
  await app.ready();
  return {
    app,
    release: () => {
      for (const r of pending.splice(0)) r();
    },
  };
}

describe('handler timeout (requestTimeout)', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('answers 503 REQUEST_TIMEOUT to the stuck requests only, whichever order the others finish in', async () => {
    const { app, release } = await appWithTimeout(150);
    close = async () => {
      release();
      await app.close();
    };
    const started = Date.now();
    // Arrival order: stuck, quick (unlinked from the middle of the list), stuck, quick.
    const [a, b, c, d] = await Promise.all([
      app.inject('/wait/never'),
      app.inject('/wait/10'),
      app.inject('/wait/never'),
      app.inject('/wait/0'),
    ]);
    expect([a.statusCode, b.statusCode, c.statusCode, d.statusCode]).toEqual([503, 200, 503, 200]);
    expect(a.json()).toEqual({ code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' });
    expect(c.json()).toEqual({ code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' });
    expect(b.json()).toEqual({ ok: true });
    // Not before the timeout; within a sweep interval (here the timeout itself) after it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    // Requests after the sweep answered are timed afresh: a quick one is answered normally.
    const e = await app.inject('/wait/0');
    expect(e.statusCode).toBe(200);
  });

  it('leaves multipart uploads to the receive timeout', async () => {
    const { app, release } = await appWithTimeout(100);
    close = () => app.close();
    const upload = app.inject({
      url: '/wait/never',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    let settled = false;
    void upload.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(settled).toBe(false);
    release();
    expect((await upload).statusCode).toBe(200);
  });
});
