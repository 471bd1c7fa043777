import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, resolveSession, SESSION_COOKIE } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { changePasswordBody, loginBody, sessionResponse } from './auth.schema';
import { AuthService } from './auth.service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.ctx;
  const service = new AuthService(database.db, config);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.cookieSecure,
  };

  app.post(
    '/login',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['认证'],
        summary: '密码登录（连续 5 次错误锁定 15 分钟）',
        body: loginBody,
        response: { 200: sessionResponse, 423: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await service.login(
        req.body.username,
        req.body.password,
        req.ip,
        req.headers['user-agent'],
      );
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      // Resolve the fresh session exactly as later requests will.
      const auth = await resolveSession(database.db, session.sessionId, config);
      if (!auth) throw errors.unauthenticated();
      const me = await service.presentSessionUser(auth);
      return { user: me, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/logout',
    {
      config: { auth: 'authenticated' },
      schema: { tags: ['认证'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      if (!req.auth) throw errors.unauthenticated();
      await service.logout(req.auth, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['认证'],
        summary: '当前用户、岗位与权限',
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.auth) throw errors.unauthenticated();
      return { user: await service.presentSessionUser(req.auth), csrfToken: req.auth.csrfToken };
    },
  );

  app.post(
    '/password',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['认证'],
        summary: '修改密码（密码策略：至少 10 位，含三类字符）',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!req.auth) throw errors.unauthenticated();
      await service.changePassword(req.auth, actorOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
};
