import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessToday } from '../../platform/time';
import { errorResponses, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { identityHash } from '../parties';
import { employerProfileSchema, employerRiskListSchema } from './employers.schema';
import { employerProfile } from './employers.service';

const tags = ['用人单位'];

/** The employer profile by 统一社会信用代码 and the risk ranking used to target visits. */
export const employersRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  app.get(
    '/employers/by-code/:creditCode',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '用人单位画像：维权事项、监察案件与处理结果、处罚、监管备案、仲裁裁决，及风险评分（列明因素）',
        params: z.strictObject({ creditCode: z.string().trim().min(1).max(30) }),
        response: { 200: employerProfileSchema, ...errorResponses },
      },
    },
    async (req) => {
      const code = req.params.creditCode.toUpperCase();
      const p = await db
        .selectFrom('party')
        .select('id')
        .where('identity_hash', '=', identityHash(ctx.cipher, 'employer', code))
        .executeTakeFirst();
      if (!p) throw errors.notFound('该统一社会信用代码的用人单位');
      return (await employerProfile(
        db,
        p.id,
        await scopeOf(db, req.auth!, 'matter.read'),
        businessToday(ctx.config),
      ))!;
    },
  );

  app.get(
    '/employers/:id/profile',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '用人单位画像（按当事人编号）',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: employerProfileSchema, ...errorResponses },
      },
    },
    async (req) => {
      const r = await employerProfile(
        db,
        req.params.id,
        await scopeOf(db, req.auth!, 'matter.read'),
        businessToday(ctx.config),
      );
      if (!r) throw errors.notFound('用人单位');
      return r;
    },
  );

  app.get(
    '/employers/risk',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '风险排名：辖区内涉及事项、监察或监管备案的用人单位，按风险分从高到低（前50）',
        response: { 200: employerRiskListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      if (!scope.length) return { items: [] };
      const ids = await db
        .selectFrom('party as p')
        .select(['p.id'])
        .where('p.kind', '=', 'employer')
        .where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom('matter_party as mp')
                .innerJoin('matter as m', 'm.id', 'mp.matter_id')
                .select('mp.party_id')
                .whereRef('mp.party_id', '=', 'p.id')
                .where('m.jurisdiction_id', 'in', scope),
            ),
            eb.exists(
              eb
                .selectFrom('supervision_filing as f')
                .select('f.id')
                .whereRef('f.employer_party_id', '=', 'p.id')
                .where('f.jurisdiction_id', 'in', scope),
            ),
          ]),
        )
        .orderBy('p.updated_at', 'desc')
        .limit(200)
        .execute();
      const today = businessToday(ctx.config);
      const items = [];
      for (const { id } of ids) {
        const r = await employerProfile(db, id, scope, today);
        if (r)
          items.push({
            ...r.employer,
            score: r.risk.score,
            level: r.risk.level,
            levelLabel: r.risk.levelLabel,
            factors: r.risk.factors.filter((f) => f.count > 0),
          });
      }
      items.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'));
      return { items: items.slice(0, 50) };
    },
  );
};
