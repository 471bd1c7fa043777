import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.ctx;
  const health = z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({
      backend: z.enum(['pglite', 'postgres']),
      ok: z.boolean(),
      latencyMs: z.number(),
      migrations: z.number().int().nullable(),
      error: z.string().optional(),
    }),
    demoMode: z.boolean(),
    time: z.string(),
  });
  app.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['运行状态'], summary: '服务与数据库健康检查', response: { 200: health, 503: health } },
    },
    async (_req, reply) => {
      const started = performance.now();
      try {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migration`.execute(
          database.db,
        );
        return {
          status: 'ok' as const,
          database: {
            backend: database.backend,
            ok: true,
            latencyMs: Math.round((performance.now() - started) * 10) / 10,
            migrations: r.rows[0]?.n ?? 0,
          },
          demoMode: config.demoMode,
          time: new Date().toISOString(),
        };
      } catch {
        return reply.status(503).send({
          status: 'degraded',
          database: {
            backend: database.backend,
            ok: false,
            latencyMs: Math.round(performance.now() - started),
            migrations: null,
            error: '数据库不可用',
          },
          demoMode: config.demoMode,
          time: new Date().toISOString(),
        });
      }
    },
  );
};
