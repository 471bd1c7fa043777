import type { FastifyInstance } from 'fastify';

/** How long a request may take once received before the server answers 503 (uploads excepted). */
export const HANDLER_TIMEOUT_MS = 30_000;
/** How long a client may take to send its whole request (Fastify `requestTimeout`, slow-client guard). */
export const RECEIVE_TIMEOUT_MS = 120_000;

/**
 * A per-request guard: a request still unanswered after `ms` gets 503 REQUEST_TIMEOUT, so a stuck
 * query never leaves a user (or a load balancer) waiting forever. Multipart uploads are bounded by
 * the receive timeout instead, since a slow mobile upload is legitimately long.
 */
export function registerRequestTimeout(app: FastifyInstance, ms = HANDLER_TIMEOUT_MS) {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', async (req, reply) => {
    if (String(req.headers['content-type'] ?? '').startsWith('multipart/')) return;
    const timer = setTimeout(() => {
      if (reply.sent) return;
      req.log.warn({ url: req.url, method: req.method, ms }, 'request timed out');
      reply.status(503).send({ code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' });
    }, ms);
    timer.unref();
    timers.set(req, timer);
  });
  const clear = async (req: object) => {
    const t = timers.get(req);
    if (t) clearTimeout(t);
  };
  app.addHook('onResponse', clear);
  app.addHook('onRequestAbort', clear);
}
