import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errorResponses } from '../../platform/errors';
import { recordService } from '../documents';
import { getDocumentsService } from '../documents';
import { generateShortCode } from '../documents';
import { appendEvent, assertMatterInScope } from '../../platform/scope';
import type { JurisdictionWarning } from './intake.jurisdiction';

const ELECTRONIC_CONSENT_TEXT =
  '我同意中心通过网上服务页面向我送达文书，文书首次打开的时间即为送达时间；我仍可申请纸质文书。（《民事诉讼法》第九十条）';

const body = z.strictObject({
  competentCommission: z
    .string()
    .trim()
    .min(2, '请填写有管辖权的仲裁委员会')
    .max(100, '有管辖权的仲裁委员会最多 100 个字符'),
  electronicConsent: z
    .boolean()
    .optional()
    .describe('劳动者在窗口签字同意电子送达：记入其记录，告知书即送达其网上服务页面（首次打开为送达）'),
});

const response = z.object({
  documentId: z.string(),
  number: z.string(),
  servedElectronically: z.boolean().describe('已按劳动者记录中的同意电子送达到其网上服务页面'),
  consentRef: z.string().nullable(),
});

/**
 * 管辖告知书 from the window's jurisdiction warning (issue #14): numbered and sealed as the issuing
 * office's 公文, and served to the worker's portal when the worker's record holds a consent to electronic
 * service (or the worker signs one now at the window). One notice per matter; a mistake is corrected
 * through the documents' correction, never by issuing another.
 */
export const jurisdictionLetterRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  app.post(
    '/matters/:id/jurisdiction-notice',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags: ['窗口受理'],
        summary: '出具管辖告知书（用人单位所在地和劳动合同履行地均不在辖区时），并电子送达劳动者',
        params: z.strictObject({ id: z.string().uuid('事项编号格式不正确') }),
        body,
        response: { 201: response, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req, 'intake.create');
      const auth = req.auth!;
      const out = await db.transaction().execute(async (trx) => {
        const m = await assertMatterInScope(trx, auth, req.params.id, 'intake.create');
        const row = await trx
          .selectFrom('matter')
          .select(['triage_result', 'received_at'])
          .where('id', '=', m.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const warnings = ((row.triage_result as { warnings?: JurisdictionWarning[] } | null)?.warnings ??
          []) as JurisdictionWarning[];
        const warning = warnings.find((w) => w.code === 'OUTSIDE_JURISDICTION');
        if (!warning?.places) {
          throw new AppError(
            409,
            'NO_JURISDICTION_WARNING',
            '该事项登记时没有管辖提示（用人单位所在地或工作地点在辖区内），不出具管辖告知书',
          );
        }
        if (!warning.conclusive) {
          throw new AppError(
            409,
            'WORKPLACE_UNKNOWN',
            '尚未核实工作地点（劳动合同履行地）：在辖区内工作的，本中心仍有管辖权，请先核实',
          );
        }
        const existing = await trx
          .selectFrom('document')
          .select('number')
          .where('subject_type', '=', 'matter')
          .where('subject_id', '=', m.id)
          .where('type', '=', 'jurisdiction_notice')
          .where('state', '!=', 'superseded')
          .executeTakeFirst();
        if (existing) {
          throw new AppError(
            409,
            'JURISDICTION_NOTICE_ISSUED',
            `该事项已出具管辖告知书（${existing.number ?? '签发中'}），如有错误请更正该文书`,
          );
        }
        const parties = await trx
          .selectFrom('matter_party as mp')
          .innerJoin('party as p', 'p.id', 'mp.party_id')
          .select(['p.id', 'p.name', 'mp.role'])
          .where('mp.matter_id', '=', m.id)
          .orderBy('mp.sort')
          .execute();
        const workers = parties.filter((x) => x.role === 'worker');
        const worker = workers[0];
        if (!worker) throw new AppError(409, 'NO_WORKER', '该事项没有劳动者，无法出具管辖告知书');
        const received = new Date(new Date(row.received_at).getTime() + 8 * 3_600_000)
          .toISOString()
          .slice(0, 10);
        const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
          subjectType: 'matter',
          subjectId: m.id,
          type: 'jurisdiction_notice',
          fields: {
            applicantName: workers.map((w) => w.name).join('、'),
            respondentName: parties
              .filter((x) => x.role === 'employer')
              .map((x) => x.name)
              .join('、'),
            receivedDate: received,
            places: warning.places,
            area: warning.area,
            competentCommission: req.body.competentCommission,
          },
          userOrgId: auth.organizationId,
        });
        // Electronic service needs the worker's own consent on record (民事诉讼法第九十条).
        let consent = await trx
          .selectFrom('portal_consent')
          .select('ref')
          .where('matter_id', '=', m.id)
          .where('party_id', '=', worker.id)
          .where('kind', '=', 'electronic_service')
          .where('given', '=', true)
          .executeTakeFirst();
        if (!consent && req.body.electronicConsent) {
          consent = await trx
            .insertInto('portal_consent')
            .values({
              ref: `WS-DZ-${generateShortCode()}`,
              kind: 'electronic_service',
              matter_id: m.id,
              party_id: worker.id,
              given: true,
              channel: 'window',
              text_shown: ELECTRONIC_CONSENT_TEXT,
            })
            .onConflict((oc) =>
              oc
                .columns(['matter_id', 'party_id', 'kind'])
                .doUpdateSet({ given: true, channel: 'window', created_at: new Date() }),
            )
            .returning('ref')
            .executeTakeFirstOrThrow();
          await appendEvent(
            trx,
            actor,
            m.id,
            'electronic_service_consent',
            `${worker.name}在窗口签字同意电子送达（${consent.ref}）`,
          );
        }
        if (consent) {
          await recordService(trx, actor, doc.id, {
            recipient: worker.name,
            recipientRole: '劳动者',
            method: 'electronic',
            partyId: worker.id,
          });
        }
        await appendEvent(
          trx,
          actor,
          m.id,
          'jurisdiction_notice',
          `出具管辖告知书 ${doc.number}：告知向${req.body.competentCommission}申请仲裁${consent ? '，已电子送达' : ''}`,
          { documentId: doc.id },
        );
        await appendAudit(trx, actor, {
          action: 'matter.jurisdiction_notice',
          entityType: 'matter',
          entityId: m.id,
          summary: `${m.number}：出具管辖告知书 ${doc.number}（${businessToday(ctx.config)}）`,
          after: {
            documentId: doc.id,
            competentCommission: req.body.competentCommission,
            consentRef: consent?.ref ?? null,
          },
        });
        return {
          documentId: doc.id,
          number: doc.number,
          servedElectronically: Boolean(consent),
          consentRef: consent?.ref ?? null,
        };
      });
      if (ctx.config.jobsEnabled) void ctx.jobs.runOnce().catch(() => undefined);
      return reply.status(201).send(out);
    },
  );
};
