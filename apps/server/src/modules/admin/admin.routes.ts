import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errors } from '../../platform/errors';
import {
  AGENCY_LABELS,
  createJurisdictionBody,
  createOrganizationBody,
  idParam,
  jurisdictionSchema,
  organizationSchema,
  updateJurisdictionBody,
  updateOrganizationBody,
} from './admin.schema';

/** Organisations (1+X: which agency leads and which join is data) and the jurisdiction tree. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['系统管理：机构与辖区'];
  const auth = 'admin.orgs' as const;

  // Inside a transaction pass `trx`: on PGlite a second connection would wait for the transaction.
  const orgQuery = (exec: Kysely<DB> = db) =>
    exec
      .selectFrom('organization as o')
      .innerJoin('jurisdiction as j', 'j.id', 'o.jurisdiction_id')
      .select([
        'o.id',
        'o.name',
        'o.short_name',
        'o.agency',
        'o.partner_role',
        'o.parent_id',
        'o.jurisdiction_id',
        'j.name as jurisdiction_name',
        'o.address',
        'o.phone',
        'o.version',
      ])
      .orderBy('j.sort')
      .orderBy('o.sort')
      .orderBy('o.name');
  type OrgRow = Awaited<ReturnType<ReturnType<typeof orgQuery>['executeTakeFirstOrThrow']>>;
  const presentOrg = (o: OrgRow) => ({
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    agency: o.agency,
    agencyLabel: AGENCY_LABELS[o.agency],
    partnerRole: o.partner_role,
    parentId: o.parent_id,
    jurisdictionId: o.jurisdiction_id,
    jurisdictionName: o.jurisdiction_name,
    address: o.address,
    phone: o.phone,
    version: o.version,
  });

  // Any signed-in member of staff may read the organisation list (forms need it); admins change it.
  app.get(
    '/organizations',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '机构列表（1+X：人社牵头，司法、工会、法院、信访协同）',
        response: { 200: z.object({ items: z.array(organizationSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: (await orgQuery().execute()).map(presentOrg) }),
  );

  app.post(
    '/organizations',
    {
      config: { auth },
      schema: {
        tags,
        summary: '新建机构',
        body: createOrganizationBody,
        response: { 201: organizationSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const org = await db.transaction().execute(async (trx) => {
        const exists = await trx
          .selectFrom('organization')
          .select('id')
          .where('name', '=', b.name)
          .executeTakeFirst();
        if (exists) throw new AppError(409, 'DUPLICATE', `机构“${b.name}”已存在`);
        const row = await trx
          .insertInto('organization')
          .values({
            name: b.name,
            short_name: b.shortName,
            agency: b.agency,
            partner_role: b.partnerRole,
            parent_id: b.parentId ?? null,
            jurisdiction_id: b.jurisdictionId,
            address: b.address ?? null,
            phone: b.phone ?? null,
            updated_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actorOf(req, auth), {
          action: 'organization.create',
          entityType: 'organization',
          entityId: row.id,
          summary: `新建机构 ${b.name}`,
          after: b,
        });
        return row;
      });
      const created = await orgQuery().where('o.id', '=', org.id).executeTakeFirstOrThrow();
      return reply.status(201).send(presentOrg(created));
    },
  );

  app.patch(
    '/organizations/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '修改机构（乐观锁）',
        params: idParam,
        body: updateOrganizationBody,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { version, ...f } = req.body;
      if (f.parentId === req.params.id) throw new AppError(400, 'INVALID_PARENT', '上级机构不能是其本身');
      await db.transaction().execute(async (trx) => {
        const before = await orgQuery(trx).where('o.id', '=', req.params.id).executeTakeFirst();
        if (!before) throw errors.notFound('机构');
        const r = await trx
          .updateTable('organization')
          .set((eb) => ({
            ...(f.name !== undefined && { name: f.name }),
            ...(f.shortName !== undefined && { short_name: f.shortName }),
            ...(f.agency !== undefined && { agency: f.agency }),
            ...(f.partnerRole !== undefined && { partner_role: f.partnerRole }),
            ...(f.parentId !== undefined && { parent_id: f.parentId }),
            ...(f.jurisdictionId !== undefined && { jurisdiction_id: f.jurisdictionId }),
            ...(f.address !== undefined && { address: f.address }),
            ...(f.phone !== undefined && { phone: f.phone }),
            version: eb('version', '+', 1),
            updated_at: new Date(),
          }))
          .where('id', '=', req.params.id)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst();
        if (!r) throw errors.conflict(presentOrg(before));
        await appendAudit(trx, actorOf(req, auth), {
          action: 'organization.update',
          entityType: 'organization',
          entityId: req.params.id,
          summary: `修改机构 ${before.name}`,
          before: presentOrg(before),
          after: f,
        });
      });
      return presentOrg(await orgQuery().where('o.id', '=', req.params.id).executeTakeFirstOrThrow());
    },
  );

  const presentJ = (j: {
    id: string;
    code: string;
    name: string;
    parent_id: string | null;
    level: 'city' | 'county';
    version: number;
  }) => ({ id: j.id, code: j.code, name: j.name, parentId: j.parent_id, level: j.level, version: j.version });

  // Read by every staff page: compiled to SQL once, not built and compiled on each request. The
  // presented columns only (no timestamps to parse for nothing).
  const listJurisdictions = db
    .selectFrom('jurisdiction')
    .select(['id', 'code', 'name', 'parent_id', 'level', 'version'])
    .orderBy('sort')
    .orderBy('code')
    .compile();
  app.get(
    '/jurisdictions',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '辖区树（随州市及所辖县级行政区）',
        response: { 200: z.object({ items: z.array(jurisdictionSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: (await db.executeQuery(listJurisdictions)).rows.map(presentJ) }),
  );

  app.post(
    '/jurisdictions',
    {
      config: { auth },
      schema: {
        tags,
        summary: '新建辖区',
        body: createJurisdictionBody,
        response: { 201: jurisdictionSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await db.transaction().execute(async (trx) => {
        // One city-level root per deployment (the bureau's city), county-level jurisdictions under it.
        const parentId = b.parentId ?? null;
        if (parentId === null) {
          const root = await trx
            .selectFrom('jurisdiction')
            .select('name')
            .where('parent_id', 'is', null)
            .executeTakeFirst();
          if (root) {
            throw new AppError(
              409,
              'JURISDICTION_ROOT_EXISTS',
              `已有市级辖区“${root.name}”，每个部署只设一个市级辖区；新建县级辖区请选择上级辖区`,
              { field: 'parentId' },
            );
          }
        } else {
          const parent = await trx
            .selectFrom('jurisdiction')
            .select(['id', 'level'])
            .where('id', '=', parentId)
            .executeTakeFirst();
          if (!parent)
            throw new AppError(400, 'JURISDICTION_NOT_FOUND', '上级辖区不存在', { field: 'parentId' });
          if (parent.level !== 'city') {
            throw new AppError(400, 'JURISDICTION_PARENT_LEVEL', '县级辖区的上级须为市级辖区', {
              field: 'parentId',
            });
          }
        }
        const dup = await trx
          .selectFrom('jurisdiction')
          .select('id')
          .where('code', '=', b.code)
          .executeTakeFirst();
        if (dup) throw new AppError(409, 'DUPLICATE', `辖区代码 ${b.code} 已存在`);
        const maxSort = await trx
          .selectFrom('jurisdiction')
          .select(sql<number>`coalesce(max(sort), 0)::int`.as('m'))
          .executeTakeFirstOrThrow();
        const j = await trx
          .insertInto('jurisdiction')
          .values({
            code: b.code,
            name: b.name,
            parent_id: parentId,
            level: parentId === null ? 'city' : 'county',
            sort: maxSort.m + 1,
            updated_at: new Date(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actorOf(req, auth), {
          action: 'jurisdiction.create',
          entityType: 'jurisdiction',
          entityId: j.id,
          summary: `新建${parentId === null ? '市级' : '县级'}辖区 ${b.name}（${b.code}）`,
          after: b,
        });
        return j;
      });
      return reply.status(201).send(presentJ(row));
    },
  );

  app.patch(
    '/jurisdictions/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '修改辖区名称（乐观锁）',
        params: idParam,
        body: updateJurisdictionBody,
        response: { 200: jurisdictionSchema, ...errorResponses },
      },
    },
    async (req) =>
      db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('jurisdiction')
          .selectAll()
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!before) throw errors.notFound('辖区');
        const r = await trx
          .updateTable('jurisdiction')
          .set((eb) => ({ name: req.body.name, version: eb('version', '+', 1), updated_at: new Date() }))
          .where('id', '=', req.params.id)
          .where('version', '=', req.body.version)
          .returningAll()
          .executeTakeFirst();
        if (!r) throw errors.conflict(presentJ(before));
        await appendAudit(trx, actorOf(req, auth), {
          action: 'jurisdiction.update',
          entityType: 'jurisdiction',
          entityId: r.id,
          summary: `辖区 ${before.name} 更名为 ${r.name}`,
          before: { name: before.name },
          after: { name: r.name },
        });
        return presentJ(r);
      }),
  );
};
