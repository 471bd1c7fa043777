import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How long a request may take once received before the server answers 503 (uploads excepted). */
export const HANDLER_TIMEOUT_MS = 30_000;
/** How long a client may take to send its whole request (Fastify `requestTimeout`, slow-client guard). */
export const RECEIVE_TIMEOUT_MS = 120_000;

/**
 * A per-request guard: a request still unanswered after `ms` gets 503 REQUEST_TIMEOUT, so a stuck
 * query never leaves a user (or a load balancer) waiting forever. Multipart uploads are bounded by
 * the receive timeout instead, since a slow mobile upload is legitimately long.
 *
 * One sweep a second over the requests in flight (a Set in arrival order) rather than a timer per
 * request: a request costs an insertion and a deletion; the answer comes within a second of `ms`.
 *
 * Installs the guard and returns the step that starts a request's clock, for app.ts to run in its
 * one onRequest hook (no hook of its own). No onRequestAbort hook either (Fastify would add a 'close'
 * listener to every request for it): a request whose client went away is dropped by the sweep
 * without an answer, at its deadline at the latest, or at once by onResponse if it completes.
 */
export function requestTimeout(
  app: FastifyInstance,
  ms = HANDLER_TIMEOUT_MS,
): (req: FastifyRequest, reply: FastifyReply) => void {
  const inFlight = new Map<FastifyRequest, { reply: FastifyReply; at: number }>();
  const sweepEveryMs = Math.min(1000, ms);
  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    const deadline = Date.now() - ms;
    // Insertion order is arrival order: stop at the first request still within its time.
    for (const [req, { reply, at }] of inFlight) {
      if (at > deadline) break;
      inFlight.delete(req);
      if (reply.sent || req.raw.destroyed) continue;
      req.log.warn({ url: req.url, method: req.method, ms }, 'request timed out');
      reply.status(503).send({ code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' });
    }
  };
  app.addHook('onReady', (done) => {
    sweeper = setInterval(sweep, sweepEveryMs);
    sweeper.unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (sweeper) clearInterval(sweeper);
    done();
  });
  // A callback-style hook: no promise per request for one synchronous step.
  app.addHook('onResponse', (req, _reply, done) => {
    inFlight.delete(req);
    done();
  });
  return (req, reply) => {
    const type = req.headers['content-type'];
    if (type === undefined || !type.startsWith('multipart/')) inFlight.set(req, { reply, at: Date.now() });
  };
}
