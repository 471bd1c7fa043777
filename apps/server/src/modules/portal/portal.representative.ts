import { CREDENTIAL_RULES, type Permission } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { actorOf, type AuthContext } from '../../platform/auth';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { generateShortCode } from '../documents';
import { scopeOf } from '../../platform/scope';
import { checkLimit, countAttempt } from './portal.limits';
import { recordRepresentativeCode } from './portal.representative-code';
import { matterParam } from './portal.schema';
import { portalActor, requireAccount } from './portal.session';

/** The matter, when the user holds one of `permissions` in its jurisdiction; else 404 (never disclosed). */
export async function matterForAny(
  db: Kysely<DB>,
  auth: AuthContext,
  matterId: string,
  permissions: readonly Permission[],
  label: string,
) {
  const m = await db
    .selectFrom('matter')
    .select(['id', 'number', 'jurisdiction_id'])
    .where('id', '=', matterId)
    .executeTakeFirst();
  if (!m) throw errors.notFound('维权事项');
  for (const p of permissions) if ((await scopeOf(db, auth, p)).includes(m.jurisdiction_id)) return m;
  if (!(await scopeOf(db, auth, 'matter.read')).includes(m.jurisdiction_id))
    throw errors.notFound('维权事项');
  throw errors.forbidden(`您在该辖区没有此项权限（${label}）`);
}

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * 单位代表码: staff issue a one-time code for an employer party of a matter (to print on the
 * 应诉通知书 or send to the employer's verified contact); the employer's representative redeems it
 * on the portal, which is the only way an employer reaches a matter online.
 */
export const portalRepresentativeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const { cipher } = app.ctx;
  const rule = CREDENTIAL_RULES.representativeCode;

  app.post(
    '/staff/matters/:id/representative-code',
    {
      config: { auth: rule.permissions },
      schema: {
        tags: ['当事人门户（工作人员）'],
        summary: '出具用人单位网上应诉代表码（打印在应诉通知书上；一次有效，30 日内使用）',
        params: matterParam,
        body: z.strictObject({ partyId: z.uuid('请选择用人单位') }),
        response: {
          200: z.object({ code: z.string(), expiresAt: z.string(), partyName: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const m = await matterForAny(db, auth, req.params.id, rule.permissions, rule.label);
      const party = await db
        .selectFrom('matter_party as mp')
        .innerJoin('party as p', 'p.id', 'mp.party_id')
        .select(['p.id', 'p.name'])
        .where('mp.matter_id', '=', m.id)
        .where('mp.party_id', '=', req.body.partyId)
        .where('mp.role', '=', 'employer')
        .executeTakeFirst();
      if (!party)
        throw new AppError(400, 'NOT_AN_EMPLOYER', '所选当事人不是本事项的用人单位', { field: 'partyId' });
      const code = generateShortCode();
      const expiresAt = await db.transaction().execute(async (trx) => {
        const { expiresAt } = await recordRepresentativeCode(trx, cipher, {
          matterId: m.id,
          partyId: party.id,
          code,
          issuedBy: auth.userId,
        });
        await appendAudit(
          trx,
          actorOf(
            req,
            rule.permissions.find((p) => auth.permissions.has(p)),
          ),
          {
            action: 'portal.representative_code.issue',
            entityType: 'matter',
            entityId: m.id,
            summary: `出具用人单位网上应诉代表码（${m.number}，${party.name}；此前未使用的代表码作废）`,
          },
        );
        return expiresAt;
      });
      return { code, expiresAt: expiresAt.toISOString(), partyName: party.name };
    },
  );

  app.post(
    '/representation',
    {
      config: { auth: 'public', portal: 'account' },
      schema: {
        tags: ['当事人门户'],
        summary: '用人单位代表输入应诉通知书上的代表码，此后可在网上查看该事项并应诉',
        body: z.strictObject({ code: z.string().trim().min(4, '请输入代表码').max(20, '代表码不正确') }),
        response: { 200: z.object({ matterId: z.string() }), 429: errorSchema, ...errorResponses },
      },
    },
    async (req) => {
      const p = requireAccount(req);
      await checkLimit(db, 'query.ip', req.ip, '代表码输错次数过多，请15分钟后再试');
      const row = await db
        .selectFrom('portal_representative_code')
        .selectAll()
        .where('code_hash', '=', cipher.lookupHash(normalise(req.body.code)))
        .executeTakeFirst();
      if (!row || row.redeemed_at || row.superseded_at || new Date(row.expires_at).getTime() < Date.now()) {
        await countAttempt(db, 'query.ip', req.ip);
        throw new AppError(
          404,
          'REPRESENTATIVE_CODE_INVALID',
          '代表码不正确、已使用或已过期，请向办案机构重新申领',
        );
      }
      await db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('portal_representative_code')
          .set({ redeemed_by: p.accountId, redeemed_at: new Date() })
          .where('id', '=', row.id)
          .where('redeemed_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1)
          throw new AppError(404, 'REPRESENTATIVE_CODE_INVALID', '代表码已使用，请向办案机构重新申领');
        await trx
          .insertInto('portal_representation')
          .values({
            account_id: p.accountId,
            matter_id: row.matter_id,
            party_id: row.party_id,
            code_id: row.id,
          })
          .onConflict((oc) => oc.columns(['account_id', 'matter_id', 'party_id']).doNothing())
          .execute();
        await appendAudit(trx, portalActor(req, '用人单位代表（网上）'), {
          action: 'portal.representative_code.redeem',
          entityType: 'matter',
          entityId: row.matter_id,
          summary: '用人单位代表以代表码开通网上应诉',
        });
      });
      return { matterId: row.matter_id };
    },
  );
};
