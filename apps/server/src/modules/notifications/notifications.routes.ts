import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorResponses, errors } from '../../platform/errors';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './notifications.templates';

const STATE_LABELS = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  logged: '未送达（仅记录日志，未配置短信服务）',
  failed: '发送失败',
} as const;
const CHANNEL_LABELS = { in_app: '站内消息', sms: '短信' } as const;

const item = z.object({
  id: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  template: z.string(),
  templateLabel: z.string(),
  body: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  recipient: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  readAt: z.string().nullable(),
});

/** In-app messages of the signed-in user, and the delivery state of a subject's notifications. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['消息提醒'];

  app.get(
    '/',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary:
          '我的站内消息（未读在前）；带 subjectType/subjectId 时为该事项全部提醒的发送状态（需 matter.read）',
        querystring: z.object({
          subjectType: z.string().min(1).max(40).optional(),
          subjectId: z.string().uuid('编号格式不正确').optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ unread: z.number(), items: z.array(item) }), ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const { subjectType, subjectId, limit } = req.query;
      const bySubject = subjectType !== undefined || subjectId !== undefined;
      let q = db
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.recipient_user_id')
        .selectAll('n')
        .select('u.display_name');
      if (bySubject) {
        if (!subjectType || !subjectId) throw errors.validation(null, '请同时提供 subjectType 和 subjectId');
        if (!auth.permissions.has('matter.read')) throw errors.forbidden();
        q = q
          .where('n.subject_type', '=', subjectType)
          .where('n.subject_id', '=', subjectId)
          .orderBy('n.created_at', 'desc');
      } else {
        q = q
          .where('n.recipient_user_id', '=', auth.userId)
          .where('n.channel', '=', 'in_app')
          .orderBy(sql`n.read_at IS NULL`, 'desc')
          .orderBy('n.created_at', 'desc');
      }
      const rows = await q.orderBy('n.id').limit(limit).execute();
      const unread = await db
        .selectFrom('notification')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('recipient_user_id', '=', auth.userId)
        .where('channel', '=', 'in_app')
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        unread: unread.n,
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          channelLabel: CHANNEL_LABELS[r.channel],
          template: r.template,
          templateLabel: NOTIFICATION_TEMPLATES[r.template as NotificationTemplate]?.label ?? r.template,
          body: r.body,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          state: r.state,
          stateLabel: STATE_LABELS[r.state],
          attempts: r.attempts,
          lastError: r.last_error,
          recipient: { id: r.recipient_user_id, name: r.display_name },
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
          readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
        })),
      };
    },
  );

  app.post(
    '/:id/read',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '标记站内消息为已读',
        params: z.object({ id: z.string().uuid('编号格式不正确') }),
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ id: z.string(), readAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      const r = await db
        .updateTable('notification')
        .set({ read_at: sql<Date>`coalesce(read_at, now())` })
        .where('id', '=', req.params.id)
        .where('recipient_user_id', '=', req.auth!.userId)
        .where('channel', '=', 'in_app')
        .returning(['id', 'read_at'])
        .executeTakeFirst();
      if (!r?.read_at) throw errors.notFound('消息');
      return { id: r.id, readAt: new Date(r.read_at).toISOString() };
    },
  );
};
