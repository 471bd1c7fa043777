import { type Permission, type RoleCode, ROLES } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth';
import { errorResponses, errors } from '../../platform/errors';
import { withDescendants } from '../cases';
import { priorityList } from '../cases';
import { CASE_TRACKS, type CaseTrack } from '../cases';
import { TRACKS, trackForArea } from '../cases';
import { type QueueFilters, type QueueScope, queueCases } from '../cases';
import { scopeOf } from '../../platform/scope';
import { presentTransfers, TRANSFER_SELECT } from '../transfers';
import { isoDate as calendarDate } from '../../platform/schema-types';
import { pendingWork } from './pending';
import { waitingOnOthers } from './waiting';

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

type Area = keyof typeof WORK_AREAS;
const AREAS = Object.keys(WORK_AREAS) as [Area, ...Area[]];

const ref = z.object({ id: z.string().uuid(), name: z.string() });
const date = calendarDate();

const filters = {
  track: z.enum(CASE_TRACKS, '程序不正确').optional(),
  status: z.string().max(60).optional().describe('案件状态代码'),
  priority: z
    .string()
    .max(40)
    .optional()
    .describe("'any' 或优先标识（wage_arrears、work_injury、collective…）"),
  dueBefore: date.optional().describe('最近期限不晚于该日'),
  jurisdictionId: z.uuid().optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('当事人/单位名称（模糊）、证件号码/电话（精确）、案号或事项编号'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
};

const workItem = z.object({
  id: z.string(),
  kind: z
    .enum(['case', 'transfer', 'matter', 'correction', 'service', 'approval', 'mediation', 'acceptance'])
    .describe(
      'case 案件、transfer 待接收转办、matter 待分流事项、correction 待补正、service 待送达文书、approval 待审批报批、mediation 待调解、acceptance 待受理',
    ),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  dueDate: z.string().nullable(),
  dueProvisional: z
    .boolean()
    .optional()
    .describe('办理期限落入尚未录入放假安排的年度：按最严格口径暂定，录入后自动重算（页面标明“暂定”）'),
  priority: z.boolean(),
  priorityFlags: z.array(z.object({ code: z.string(), label: z.string() })),
  track: z.enum(CASE_TRACKS).nullable(),
  trackLabel: z.string().nullable(),
  matterId: z.string(),
  matterNumber: z.string(),
  jurisdictionName: z.string().nullable(),
  organizationName: z.string(),
  assigneeName: z.string().nullable(),
  openedAt: z.string(),
  link: z.string(),
});
type WorkItem = z.infer<typeof workItem>;

/**
 * Marks each item whose 办理期限 comes from a clock computed on a provisional calendar (its year's holiday
 * notice not entered yet: clocks.service computeOrProvisional), so that every list prints “暂定”.
 */
async function markProvisional<T extends Pick<WorkItem, 'id' | 'matterId' | 'dueDate'>>(
  db: Kysely<DB>,
  items: T[],
): Promise<(T & { dueProvisional: boolean })[]> {
  const subjects = [...new Set(items.filter((i) => i.dueDate).flatMap((i) => [i.id, i.matterId]))];
  const rows = subjects.length
    ? await db
        .selectFrom('clock')
        .select(['subject_id', 'due_date'])
        .where('subject_id', 'in', subjects)
        .where('calendar_pending_year', 'is not', null)
        .where('status', 'in', ['running', 'extended'])
        .execute()
    : [];
  const pending = new Set(rows.map((r) => `${r.subject_id} ${String(r.due_date).slice(0, 10)}`));
  return items.map((i) => ({
    ...i,
    dueProvisional:
      i.dueDate !== null &&
      (pending.has(`${i.id} ${i.dueDate}`) || pending.has(`${i.matterId} ${i.dueDate}`)),
  }));
}

const listShape = { items: z.array(workItem), page: z.number(), pageSize: z.number(), hasMore: z.boolean() };

function activeGrants(auth: AuthContext, pred: (role: RoleCode) => boolean) {
  return auth.grants.filter((g) => g.active && pred(g.role));
}

export const workRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  /** Per track the jurisdictions (with their counties) where the user holds a post handling it. */
  async function handledTracks(auth: AuthContext): Promise<QueueScope['byTrack']> {
    const out: QueueScope['byTrack'] = [];
    for (const track of CASE_TRACKS) {
      const roots = activeGrants(auth, (r) => TRACKS[track].handlers.includes(r)).flatMap((g) => [
        ...g.jurisdictionIds,
      ]);
      if (roots.length) out.push({ track, jurisdictions: await withDescendants(db, [...new Set(roots)]) });
    }
    return out;
  }

  /** Transfers to my organisation awaiting acceptance, as work items. */
  async function pendingTransfers(auth: AuthContext, track: CaseTrack | undefined): Promise<WorkItem[]> {
    if (!auth.permissions.has('matter.read')) return [];
    let q = TRANSFER_SELECT(db)
      .where('t.to_org_id', '=', auth.organizationId)
      .where('t.state', '=', 'pending');
    if (track) q = q.where('t.to_track', '=', track);
    const rows = await q.orderBy('t.created_at').limit(100).execute();
    const flags = new Map(
      (rows.length
        ? await db
            .selectFrom('matter')
            .select(['id', 'priority_flags'])
            .where(
              'id',
              'in',
              rows.map((r) => r.matter_id),
            )
            .execute()
        : []
      ).map((m) => [m.id, m.priority_flags]),
    );
    return (await presentTransfers(ctx, rows, auth)).map((t) => {
      const pf = flags.get(t.matterId) ?? [];
      return {
        id: t.id,
        kind: 'transfer',
        number: t.matterNumber,
        title: `转办：${t.fromOrg.name} → ${t.toOrg.name}${t.toTrackLabel ? `（${t.toTrackLabel}）` : ''}${t.matterTitle ? `｜${t.matterTitle}` : ''}`,
        status: 'pending',
        statusLabel: t.overdue ? '待接收（已超时）' : '待接收',
        dueDate: t.acceptBy,
        priority: pf.length > 0,
        priorityFlags: priorityList(pf),
        track: t.toTrack,
        trackLabel: t.toTrackLabel,
        matterId: t.matterId,
        matterNumber: t.matterNumber,
        jurisdictionName: null,
        organizationName: t.fromOrg.name,
        assigneeName: null,
        openedAt: t.createdAt,
        link: '/transfers',
      };
    });
  }

  app.get(
    '/',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary: '当前用户可进入的工作区（由岗位决定）',
        response: {
          200: z.object({
            items: z.array(z.object({ track: z.enum(AREAS), label: z.string(), roles: z.array(z.string()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const auth = req.auth!;
      return {
        items: AREAS.filter((t) => auth.permissions.has(WORK_AREAS[t].permission)).map((t) => ({
          track: t,
          label: WORK_AREAS[t].label,
          roles: activeGrants(auth, (r) => ROLES[r].permissions.includes(WORK_AREAS[t].permission)).map(
            (g) => ROLES[g.role].label,
          ),
        })),
      };
    },
  );

  app.get(
    '/queue',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary:
          '跨程序待办：mine 我的待办（分配给我的案件、转给本单位待接收的转办、辖区内待分流的事项、待补正的仲裁申请、我签发未送达的文书）、org 本单位、unassigned 待分配（我的辖区、我的岗位办理的程序）',
        querystring: z.strictObject({
          queue: z.enum(['mine', 'org', 'unassigned']).default('mine'),
          ...filters,
        }),
        response: { 200: z.object(listShape), ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const { queue, ...f } = req.query;
      const all = CASE_TRACKS.map((track) => ({ track, jurisdictions: null }));
      const scope: QueueScope =
        queue === 'mine'
          ? { byTrack: all, assigneeUserId: auth.userId }
          : queue === 'org'
            ? { byTrack: all, organizationId: auth.organizationId }
            : { byTrack: await handledTracks(auth), unassignedOnly: true };
      const r = await queueCases(db, ctx.cipher, scope, f as QueueFilters);
      const plain = !f.status && !f.dueBefore && !f.jurisdictionId && !f.q && f.page === 1;
      const transfers = queue === 'mine' && plain ? await pendingTransfers(auth, f.track) : [];
      const extra =
        queue === 'mine' && plain && !f.track
          ? await pendingWork(db, auth, new Set(r.items.map((i) => i.id)))
          : [];
      const wanted = [...transfers, ...extra].filter(
        (t) =>
          !f.priority ||
          (f.priority === 'any' ? t.priority : t.priorityFlags.some((p) => p.code === f.priority)),
      );
      const items = [...wanted, ...r.items].sort(
        (a, b) =>
          Number(b.priority) - Number(a.priority) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      );
      return {
        items: await markProvisional(db, items),
        page: f.page,
        pageSize: f.pageSize,
        hasMore: r.hasMore,
      };
    },
  );

  app.get(
    '/waiting',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary:
          '我经办、待他人办理：我登记的事项或我立的案件中，正等待其他岗位办理的在办案件（等待谁、做什么、最近法定期限）',
        description:
          '等待的岗位与步骤取自程序流程：最近一项进行中的法定期限，由哪些步骤满足（如仲裁受理期限由仲裁员受理或不予受理满足，《劳动争议调解仲裁法》第二十九条）；本人岗位可以办理的不列入（见我的待办）。',
        response: {
          200: z.object({
            items: z.array(
              workItem.extend({
                dueRule: z.string().nullable().describe('最近期限的名称'),
                waitingOn: z.object({
                  roles: z.array(z.object({ code: z.string(), label: z.string() })),
                  steps: z.array(z.string()).describe('满足该期限的步骤'),
                  text: z.string(),
                  answersClock: z
                    .boolean()
                    .describe('true：所列步骤满足最近期限；false：没有进行中的期限，列出当前可办的全部步骤'),
                }),
              }),
            ),
            hasMore: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const r = await waitingOnOthers(db, req.auth!);
      return { items: await markProvisional(db, r.items), hasMore: r.hasMore };
    },
  );

  app.get(
    '/:track',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['工作区'],
        summary:
          '工作区待办（按岗位与辖区）：all 辖区内全部在办、mine 我承办的、org 本单位的、unassigned 待分配；优先案件在前，其次按最近期限',
        params: z.strictObject({ track: z.enum(AREAS, '工作区不存在') }),
        querystring: z.strictObject({
          queue: z.enum(['all', 'mine', 'org', 'unassigned']).default('all'),
          ...filters,
        }),
        response: {
          200: z.object({ ...listShape, scope: z.object({ role: z.string(), jurisdictions: z.array(ref) }) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const area = WORK_AREAS[req.params.track];
      if (!auth.permissions.has(area.permission)) throw errors.forbidden(`您没有${area.label}的权限`);
      const grants = activeGrants(auth, (r) => ROLES[r].permissions.includes(area.permission));
      const ids = [...new Set(grants.flatMap((g) => [...g.jurisdictionIds]))];
      const jurisdictions = ids.length
        ? await db
            .selectFrom('jurisdiction')
            .select(['id', 'name'])
            .where('id', 'in', ids)
            .orderBy('sort')
            .execute()
        : [];
      const track = trackForArea(req.params.track)!;
      const { queue, ...f } = req.query;
      const inScope = await scopeOf(db, auth, area.permission);
      const scope: QueueScope = {
        byTrack: [{ track, jurisdictions: queue === 'mine' ? null : inScope }],
        ...(queue === 'mine' && { assigneeUserId: auth.userId }),
        ...(queue === 'org' && { organizationId: auth.organizationId }),
        ...(queue === 'unassigned' && { unassignedOnly: true }),
      };
      const r = await queueCases(db, ctx.cipher, scope, { ...f, track } as QueueFilters);
      return {
        items: await markProvisional(db, r.items),
        page: f.page,
        pageSize: f.pageSize,
        hasMore: r.hasMore,
        scope: { role: grants.map((g) => ROLES[g.role].label).join('、'), jurisdictions },
      };
    },
  );
};
