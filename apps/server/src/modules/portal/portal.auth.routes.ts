import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { maskPhone } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, errorResponses, errorSchema } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import type { NotificationProvider } from '../notifications';
import { phoneHash } from '../parties';
import { checkLimit, countAttempt, rateLimited, SMS_MIN_INTERVAL_SEC } from './portal.limits';
import { phoneBody, queryBody, sessionResponse, verifyBody } from './portal.schema';
import { cookieOptions, createPortalSession, PORTAL_COOKIE, requirePortal } from './portal.session';
import { deliverPortalCode, PORTAL_CODE_SMS_JOB } from './portal.sms';

export const CODE_TTL_SEC = 300;
export const CODE_MAX_ATTEMPTS = 5;
const tags = ['当事人门户'];
const responses = { ...errorResponses, 429: errorSchema, 502: errorSchema };

/** Sign-in by phone + SMS code, or follow one matter with the 查询码 and the ID number's last six characters. */
export function portalAuthRoutes(provider: NotificationProvider): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx.database;
    const { cipher, config } = app.ctx;
    const codeHash = (id: string, code: string) => cipher.lookupHash(`portal-code:${id}:${code}`);
    app.ctx.jobs.register(PORTAL_CODE_SMS_JOB, (payload, ctx) =>
      deliverPortalCode({ db, cipher, provider }, String(payload.id), ctx),
    );

    app.post(
      '/auth/sms',
      {
        config: { auth: 'public' },
        schema: {
          tags,
          summary: '发送登录验证码（6位，5分钟有效；同一手机号、同一网络地址限频）',
          body: phoneBody,
          response: { 200: z.object({ expiresInSec: z.number(), resendAfterSec: z.number() }), ...responses },
        },
      },
      async (req) => {
        const { phone } = req.body;
        const hash = phoneHash(cipher, phone);
        const last = await db
          .selectFrom('portal_code')
          .select('created_at')
          .where('phone_hash', '=', hash)
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        const since = last
          ? (Date.now() - new Date(last.created_at).getTime()) / 1000
          : Number.POSITIVE_INFINITY;
        if (since < SMS_MIN_INTERVAL_SEC) {
          throw rateLimited(Math.ceil(SMS_MIN_INTERVAL_SEC - since), '验证码已发送，请稍后再获取');
        }
        await checkLimit(db, 'sms.phone', hash, '该手机号获取验证码次数过多，请一小时后再试');
        await checkLimit(db, 'sms.ip', req.ip, '获取验证码次数过多，请稍后再试');
        await countAttempt(db, 'sms.phone', hash);
        await countAttempt(db, 'sms.ip', req.ip);
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const id = randomUUID();
        const body = `【随州劳动维权】您的登录验证码是${code}，5分钟内有效。请勿告诉他人。`;
        // One queue for every SMS: the code's message is a job like the others, run at once below.
        const smsKey = `sms:portal_code:${id}`;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('portal_code')
            .values({
              id,
              phone_hash: hash,
              code_hash: codeHash(id, code),
              expires_at: new Date(Date.now() + CODE_TTL_SEC * 1000),
              ip: req.ip,
              phone_enc: cipher.encrypt(phone),
              body_enc: cipher.encrypt(body),
              state: 'pending',
            })
            .execute();
          await enqueueJob(trx, PORTAL_CODE_SMS_JOB, { id }, { dedupeKey: smsKey, maxAttempts: 1 });
        });
        const ran = await app.ctx.jobs.runNow(smsKey);
        if (ran !== 'done') {
          req.log.warn({ codeId: id, job: ran }, 'portal sms failed');
          throw new AppError(502, 'SMS_FAILED', '短信发送失败，请稍后再试');
        }
        if (config.demoMode && provider.name === 'log') {
          // Demo mode only: nothing is really sent, so the code is shown in the server log.
          req.log.info({ to: maskPhone(phone), demoCode: code }, `portal sign-in code (demo mode): ${code}`);
        }
        return { expiresInSec: CODE_TTL_SEC, resendAfterSec: SMS_MIN_INTERVAL_SEC };
      },
    );

    app.post(
      '/auth/verify',
      {
        config: { auth: 'public' },
        schema: {
          tags,
          summary: '用验证码登录（错5次作废；登录后以 Cookie 保持，写操作须带 x-portal-csrf）',
          body: verifyBody,
          response: { 200: sessionResponse, ...responses },
        },
      },
      async (req, reply) => {
        const { phone, code } = req.body;
        await checkLimit(db, 'verify.ip', req.ip, '验证码输错次数过多，请稍后再试');
        const hash = phoneHash(cipher, phone);
        const row = await db
          .selectFrom('portal_code')
          .selectAll()
          .where('phone_hash', '=', hash)
          .where('consumed_at', 'is', null)
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (!row || new Date(row.expires_at).getTime() < Date.now()) {
          throw new AppError(400, 'CODE_EXPIRED', '验证码已过期，请重新获取');
        }
        if (row.attempts >= CODE_MAX_ATTEMPTS) {
          throw new AppError(400, 'CODE_LOCKED', '验证码输错次数过多，已作废，请重新获取');
        }
        const expected = Buffer.from(row.code_hash);
        const given = Buffer.from(codeHash(row.id, code));
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
          await db
            .updateTable('portal_code')
            .set({ attempts: sql`attempts + 1` })
            .where('id', '=', row.id)
            .execute();
          await countAttempt(db, 'verify.ip', req.ip);
          const left = CODE_MAX_ATTEMPTS - row.attempts - 1;
          throw new AppError(
            400,
            left > 0 ? 'CODE_WRONG' : 'CODE_LOCKED',
            left > 0 ? `验证码不正确，还可以再试${left}次` : '验证码输错次数过多，已作废，请重新获取',
          );
        }
        const used = await db
          .updateTable('portal_code')
          .set({ consumed_at: new Date() })
          .where('id', '=', row.id)
          .where('consumed_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!used) throw new AppError(400, 'CODE_EXPIRED', '验证码已使用，请重新获取');
        const account = await db
          .insertInto('portal_account')
          .values({ phone_hash: hash, phone_enc: cipher.encrypt(phone), last_login_at: new Date() })
          .onConflict((oc) => oc.column('phone_hash').doUpdateSet({ last_login_at: new Date() }))
          .returning('id')
          .executeTakeFirstOrThrow();
        const s = await createPortalSession(db, reply, config, {
          kind: 'account',
          accountId: account.id,
          ip: req.ip,
        });
        return {
          kind: 'account' as const,
          csrfToken: s.csrfToken,
          phoneMasked: maskPhone(phone),
          matterId: null,
        };
      },
    );

    app.post(
      '/auth/query',
      {
        config: { auth: 'public' },
        schema: {
          tags,
          summary: '不注册查询：回执上的查询码 + 证件号码后六位（只能查看这一件事项；输错限频）',
          body: queryBody,
          response: { 200: sessionResponse, 429: errorSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        await checkLimit(db, 'query.ip', req.ip, '查询码输错次数过多，请15分钟后再试');
        const qc = req.body.queryCode.replace(/[\s-]/g, '').toUpperCase();
        const last6 = req.body.idLast6.toUpperCase();
        const r = await sql<{ matter_id: string; party_id: string; id_number_enc: string }>`
          SELECT m.id AS matter_id, p.id AS party_id, p.id_number_enc
            FROM matter m JOIN matter_party mp ON mp.matter_id = m.id AND mp.role = 'worker'
            JOIN party p ON p.id = mp.party_id
           WHERE m.query_code = ${qc} AND m.status <> 'merged' AND p.id_number_enc IS NOT NULL`.execute(db);
        const hit = r.rows.find((x) => cipher.decrypt(x.id_number_enc).toUpperCase().endsWith(last6));
        if (!hit) {
          await countAttempt(db, 'query.ip', req.ip);
          throw new AppError(404, 'QUERY_NOT_FOUND', '查询码或证件号码后六位不正确');
        }
        const s = await createPortalSession(db, reply, config, {
          kind: 'query',
          matterId: hit.matter_id,
          partyId: hit.party_id,
          ip: req.ip,
        });
        return { kind: 'query' as const, csrfToken: s.csrfToken, phoneMasked: null, matterId: hit.matter_id };
      },
    );

    app.get(
      '/me',
      {
        config: { auth: 'public', portal: 'session' },
        schema: { tags, summary: '当前门户登录状态', response: { 200: sessionResponse, ...errorResponses } },
      },
      async (req) => {
        const p = requirePortal(req);
        let phoneMasked: string | null = null;
        if (p.accountId) {
          const a = await db
            .selectFrom('portal_account')
            .select('phone_enc')
            .where('id', '=', p.accountId)
            .executeTakeFirstOrThrow();
          phoneMasked = maskPhone(cipher.decrypt(a.phone_enc));
        }
        return { kind: p.kind, csrfToken: p.csrfToken, phoneMasked, matterId: p.matterId };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { auth: 'public', portal: 'session' },
        schema: {
          tags,
          summary: '退出门户',
          response: { 200: z.object({ ok: z.boolean() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        const p = requirePortal(req);
        await db.deleteFrom('portal_session').where('id', '=', p.sessionId).execute();
        reply.clearCookie(PORTAL_COOKIE, cookieOptions(config));
        return { ok: true };
      },
    );
  };
}
