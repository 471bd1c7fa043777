import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFoundHandler } from './errors';

/**
 * Vite names bundled files `assets/<name>-<hash>.<ext>` (sent maybe as their .br/.gz sibling): their
 * content never changes under a name.
 */
const HASHED = /(^|[\\/])assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/;

/**
 * Hashed assets may be cached for a year without asking again; everything else (index.html above
 * all, which names the current hashes) is revalidated on every load.
 */
export function cacheHeaders(reply: FastifyReply, file: string) {
  reply.header('cache-control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * In production the same process serves the built staff app (with history-API fallback) and the
 * parties' portal (a separate bundle in dist/portal, at /m/). Files are sent as the brotli or gzip
 * sibling that the web build wrote beside them (apps/web/scripts/precompress.mjs) when the browser
 * accepts it; without such a sibling the plain file goes out.
 */
export async function registerWebDist(app: FastifyInstance, webDistSetting: string) {
  const webDist = path.resolve(webDistSetting);
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  const common = {
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: cacheHeaders,
  };
  await app.register(fastifyStatic, { root: webDist, index: ['index.html'], ...common });
  const portalDist = path.join(webDist, 'portal');
  const hasPortal = existsSync(path.join(portalDist, 'index.html'));
  if (hasPortal)
    await app.register(fastifyStatic, { root: portalDist, prefix: '/m/', decorateReply: false, ...common });
  app.setNotFoundHandler((req, reply: FastifyReply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') return notFoundHandler(req, reply);
    if (hasPortal && /^\/m(\/|$|\?)/.test(req.url))
      return reply.type('text/html').sendFile('index.html', portalDist);
    return reply.type('text/html').sendFile('index.html');
  });
}
