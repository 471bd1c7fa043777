import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errorResponses, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { lookupQuery, lookupResponse, partyPiiSchema, partySchema, searchQuery } from './parties.schema';
import {
  checkCreditCode,
  checkIdentity,
  partyById,
  partyByIdentity,
  presentParty,
  searchParties,
  unmaskedParty,
} from './parties.service';

/** Workers and employers: find-by-identity (keyed hash), name search, masked views, audited unmasked view. */
export const partiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { cipher } = app.ctx;
  const tags = ['当事人'];
  const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

  /** A party is visible when it has no matter yet or one of its matters lies in the user's scope. */
  async function assertVisible(auth: AuthContext, id: string) {
    const party = await partyById(db, id);
    if (!party) throw errors.notFound('当事人');
    const scope = await scopeOf(db, auth, 'matter.read');
    const r = await sql<{ visible: boolean }>`
      SELECT NOT EXISTS (SELECT 1 FROM matter_party WHERE party_id = ${id})
          OR EXISTS (SELECT 1 FROM matter_party mp JOIN matter m ON m.id = mp.matter_id
                      WHERE mp.party_id = ${id} AND m.jurisdiction_id = ANY(${scope}::uuid[])) AS visible`.execute(
      db,
    );
    if (!r.rows[0]?.visible) throw errors.notFound('当事人');
    return party;
  }

  app.get(
    '/lookup',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary: '按证件号码或统一社会信用代码查找已登记的当事人（键控哈希精确匹配）',
        querystring: lookupQuery,
        response: { 200: lookupResponse, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.creditCode) {
        const code = checkCreditCode(q.creditCode);
        const p = await partyByIdentity(db, cipher, 'employer', code);
        return { found: !!p, party: p ? presentParty(p, cipher) : null, derived: null };
      }
      if (!q.idType || !q.idNumber) throw new AppError(400, 'LOOKUP_QUERY', '请提供证件类型和证件号码');
      const derived = checkIdentity(q.idType, q.idNumber, businessToday(app.ctx.config));
      const p = await partyByIdentity(db, cipher, 'worker', derived.normalized);
      return { found: !!p, party: p ? presentParty(p, cipher) : null, derived };
    },
  );

  app.get(
    '/search',
    {
      // Employers are organisations, not personal data: any case worker may look them up (e.g. an
      // inspector building a 专项检查 list); searching workers stays with the window.
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '按名称模糊查找当事人（中文三字以上任意位置匹配，一两字按开头匹配）',
        querystring: searchQuery,
        response: { 200: z.object({ items: z.array(partySchema) }), ...errorResponses },
      },
    },
    async (req) => {
      if (req.query.kind !== 'employer' && !req.auth!.permissions.has('intake.create')) {
        throw new AppError(
          403,
          'FORBIDDEN',
          '只有窗口受理岗位可以按姓名查找劳动者；查找用人单位请选择单位类型',
        );
      }
      return {
        items: (await searchParties(db, req.query.q, req.query.kind)).map((p) => presentParty(p, cipher)),
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '当事人信息（证件号码、电话、地址脱敏）',
        params: idParam,
        response: { 200: partySchema, ...errorResponses },
      },
    },
    async (req) => presentParty(await assertVisible(req.auth!, req.params.id), cipher),
  );

  app.get(
    '/:id/pii',
    {
      config: { auth: 'pii.view' },
      schema: {
        tags,
        summary: '查看完整个人信息（需“查看完整个人信息”权限，每次查看记入审计日志）',
        description: '《个人信息保护法》第五十一条；《居民身份证法》第十三条：每次查看均留痕。',
        params: idParam,
        response: { 200: partyPiiSchema, ...errorResponses },
      },
    },
    async (req) => {
      const party = await assertVisible(req.auth!, req.params.id);
      await db.transaction().execute((trx) =>
        appendAudit(trx, actorOf(req, 'pii.view'), {
          action: 'party.pii.view',
          entityType: 'party',
          entityId: party.id,
          summary: `查看当事人 ${party.name} 的完整个人信息`,
        }),
      );
      return unmaskedParty(party, cipher);
    },
  );
};
