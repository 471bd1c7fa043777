import { type Permission, ROLES } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errors } from '../../platform/errors';

/** Work areas: one per function of the center; a user sees those their active posts grant. */
export const WORK_AREAS = {
  intake: { label: '窗口受理', permission: 'intake.create' },
  mediation: { label: '调解工作区', permission: 'mediation.work' },
  arbitration: { label: '仲裁工作区', permission: 'arbitration.work' },
  inspection: { label: '监察工作区', permission: 'inspection.work' },
  petition: { label: '信访工作区', permission: 'petition.work' },
  'legal-aid': { label: '法律援助', permission: 'legal_aid.work' },
  court: { label: '诉调对接', permission: 'court.work' },
} as const satisfies Record<string, { label: string; permission: Permission }>;

type Track = keyof typeof WORK_AREAS;
const TRACKS = Object.keys(WORK_AREAS) as [Track, ...Track[]];

const ref = z.object({ id: z.string().uuid(), name: z.string() });

export const workRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary: '当前用户可进入的工作区（由岗位决定）',
        response: {
          200: z.object({
            items: z.array(
              z.object({ track: z.enum(TRACKS), label: z.string(), roles: z.array(z.string()) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const auth = req.auth!;
      return {
        items: TRACKS.filter((t) => auth.permissions.has(WORK_AREAS[t].permission)).map((t) => ({
          track: t,
          label: WORK_AREAS[t].label,
          roles: auth.grants
            .filter((g) => g.active && ROLES[g.role].permissions.includes(WORK_AREAS[t].permission))
            .map((g) => ROLES[g.role].label),
        })),
      };
    },
  );

  app.get(
    '/:track',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary: '工作区待办（按岗位与辖区）',
        params: z.strictObject({ track: z.enum(TRACKS, '工作区不存在') }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                title: z.string(),
                status: z.string(),
                statusLabel: z.string(),
                dueDate: z.string().nullable(),
                priority: z.boolean(),
              }),
            ),
            scope: z.object({ role: z.string(), jurisdictions: z.array(ref) }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const area = WORK_AREAS[req.params.track];
      if (!auth.permissions.has(area.permission)) throw errors.forbidden(`您没有${area.label}的权限`);
      const grants = auth.grants.filter(
        (g) => g.active && ROLES[g.role].permissions.includes(area.permission),
      );
      const ids = [...new Set(grants.flatMap((g) => [...g.jurisdictionIds]))];
      const jurisdictions = ids.length
        ? await db
            .selectFrom('jurisdiction')
            .select(['id', 'name'])
            .where('id', 'in', ids)
            .orderBy('sort')
            .execute()
        : [];
      // Track cases arrive with the one-window intake; until then every queue is empty.
      return {
        items: [],
        scope: { role: grants.map((g) => ROLES[g.role].label).join('、'), jurisdictions },
      };
    },
  );
};
