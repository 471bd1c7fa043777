import { ROLE_CODES, ROLES } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { errorResponses } from '../../platform/errors';
import {
  certificateSchema,
  createCertificateBody,
  createUserBody,
  idParam,
  resetPasswordBody,
  roleSchema,
  updateUserBody,
  userListQuery,
  userSchema,
} from './admin.schema';
import { UsersService } from './users.service';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config, cipher } = app.ctx;
  const service = new UsersService(database.db, config, cipher);
  const tags = ['系统管理：用户与岗位'];
  const auth = 'admin.users' as const;

  app.get(
    '/roles',
    {
      config: { auth },
      schema: {
        tags,
        summary: '岗位（角色）目录及其权限',
        response: { 200: z.object({ items: z.array(roleSchema) }) },
      },
    },
    async () => ({
      items: ROLE_CODES.map((code) => ({
        code,
        label: ROLES[code].label,
        permissions: [...ROLES[code].permissions],
        requiresCertificate: ROLES[code].requiresCertificate ?? null,
      })),
    }),
  );

  app.get(
    '/users',
    {
      config: { auth },
      schema: {
        tags,
        summary: '用户列表（按姓名或登录名搜索）',
        querystring: userListQuery,
        response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await service.list(req.query) }),
  );

  app.post(
    '/users',
    {
      config: { auth },
      schema: {
        tags,
        summary: '新建用户（可同时担任多个岗位，每个岗位限定辖区）',
        body: createUserBody,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(actorOf(req, auth), req.body)),
  );

  app.get(
    '/users/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '用户详情',
        params: idParam,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => service.get(database.db, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '修改用户（乐观锁：version 不一致返回 409 及最新内容）',
        params: idParam,
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => service.update(actorOf(req, auth), req.params.id, req.body),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { auth },
      schema: {
        tags,
        summary: '解锁账号',
        params: idParam,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => service.unlock(actorOf(req, auth), req.params.id),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { auth },
      schema: {
        tags,
        summary: '重置密码（非演示模式下用户首次登录须修改）',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => service.resetPassword(actorOf(req, auth), req.params.id, req.body.password),
  );

  app.get(
    '/users/:id/certificates',
    {
      config: { auth },
      schema: {
        tags,
        summary: '用户的执法/仲裁证件',
        params: idParam,
        response: { 200: z.object({ items: z.array(certificateSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await service.listCertificates(req.params.id) }),
  );

  app.post(
    '/users/:id/certificates',
    {
      config: { auth },
      schema: {
        tags,
        summary: '登记证件（证件过期则其许可的岗位权限暂停）',
        params: idParam,
        body: createCertificateBody,
        response: { 201: certificateSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addCertificate(actorOf(req, auth), req.params.id, req.body)),
  );

  app.post(
    '/certificates/:id/revoke',
    {
      config: { auth },
      schema: {
        tags,
        summary: '注销证件',
        params: idParam,
        response: { 200: certificateSchema, ...errorResponses },
      },
    },
    async (req) => service.revokeCertificate(actorOf(req, auth), req.params.id),
  );
};
