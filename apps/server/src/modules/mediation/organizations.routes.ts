import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { errorResponses, errors } from '../../platform/errors';
import { organizationBody } from './mediation.schema';
import { ORGANIZATION_KIND_LABELS, type MediationOrganizationTable } from './mediation.tables';

const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  jurisdictionCode: z.string(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});

function present(o: Selectable<MediationOrganizationTable>) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    kindLabel: ORGANIZATION_KIND_LABELS[o.kind],
    jurisdictionCode: o.jurisdiction_code,
    address: o.address,
    contactPerson: o.contact_person,
    phone: o.phone,
    active: o.active,
    version: o.version,
  };
}

const values = (b: z.infer<typeof organizationBody>) => ({
  name: b.name,
  kind: b.kind,
  jurisdiction_code: b.jurisdictionCode,
  address: b.address ?? null,
  contact_person: b.contactPerson ?? null,
  phone: b.phone ?? null,
  active: b.active,
  updated_at: new Date(),
});

/** The listed mediation organisations (调解组织): everyone signed in reads, administrators maintain. */
export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['调解'];

  app.get(
    '/mediation/organizations',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '调解组织名录（企业调委会、乡镇街道、工会、诉调对接、人民调解）',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(orgSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      let q = db.selectFrom('mediation_organization').selectAll().orderBy('sort').orderBy('name');
      if (req.query.all !== 'true') q = q.where('active', '=', true);
      return { items: (await q.execute()).map(present) };
    },
  );

  app.post(
    '/admin/mediation-organizations',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary: '新增调解组织',
        body: organizationBody,
        response: { 201: orgSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await db.transaction().execute(async (trx) => {
        const dup = await trx
          .selectFrom('mediation_organization')
          .select('id')
          .where('name', '=', req.body.name)
          .executeTakeFirst();
        if (dup) throw errors.duplicate('同名调解组织已存在', { field: 'name' });
        const r = await trx
          .insertInto('mediation_organization')
          .values(values(req.body))
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actorOf(req, 'admin.orgs'), {
          action: 'mediation_organization.create',
          entityType: 'mediation_organization',
          entityId: r.id,
          summary: `新增调解组织“${r.name}”`,
          after: req.body,
        });
        return r;
      });
      return reply.status(201).send(present(row));
    },
  );

  app.put(
    '/admin/mediation-organizations/:id',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary: '修改调解组织（乐观锁：version）',
        params: z.strictObject({ id: z.uuid() }),
        body: organizationBody.extend({ version: z.number().int().min(1) }),
        response: { 200: orgSchema, ...errorResponses },
      },
    },
    async (req) => {
      const row = await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('mediation_organization')
          .selectAll()
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!before) throw errors.notFound('调解组织');
        const { version, ...body } = req.body;
        const r = await trx
          .updateTable('mediation_organization')
          .set((eb) => ({ ...values(body), version: eb('version', '+', 1) }))
          .where('id', '=', req.params.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!r) throw errors.conflict(present(before));
        await appendAudit(trx, actorOf(req, 'admin.orgs'), {
          action: 'mediation_organization.update',
          entityType: 'mediation_organization',
          entityId: r.id,
          summary: `修改调解组织“${r.name}”`,
          before: present(before),
          after: body,
        });
        return r;
      });
      return present(row);
    },
  );
};
