import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { errorResponses, errorSchema } from '../../platform/errors';
import { documentedAs } from '../../platform/openapi-content';
import { settingValueShape, writeSetting } from '../../platform/settings';
import { SETTINGS } from '../../platform/settings.registry';
import { CALCULATION_LABELS, calculate, calculationInput } from './calculator.service';
import { EDITABLE_KEYS, type FigureValue, loadCalcFigures, loadFigures } from './mediation.settings';

/** A figure's value as its setting declares it (platform/settings.registry.ts): number, boolean or the minimum wage list. */
const figureValue = settingValueShape(EDITABLE_KEYS.map((k) => SETTINGS[k]));

const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: figureValue,
  basis: z.string().nullable(),
  version: z.number(),
});

const resultSchema = z.object({
  kind: z.string(),
  label: z.string(),
  amountFen: z.number().describe('金额（分）'),
  formula: z.string().describe('计算过程（中文）'),
  basis: z.string().describe('法律依据'),
  notes: z.array(z.string()),
  figures: z.array(figureSchema).describe('所用本地数据及其依据'),
});

/** Entitlement calculator (any signed-in staff) and the local figures it uses (admin data in `setting`). */
export const calculatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['计算器'];

  app.post(
    '/calculators/entitlements',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary:
          '权益计算：拖欠工资、加班费、经济补偿N / N+1 / 2N（含三倍封顶与十二年上限）、二倍工资；返回金额、计算过程与法律依据',
        body: calculationInput,
        response: { 200: resultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) => calculate(req.body, await loadCalcFigures(db)),
  );

  app.get(
    '/calculators/local-figures',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '本地数据（社平工资、最低工资标准、月计薪天数）与中心就地调解标准，均附依据',
        response: {
          200: z.object({
            items: z.array(figureSchema),
            kinds: z.array(z.object({ kind: z.string(), label: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      items: await loadFigures(db),
      kinds: Object.entries(CALCULATION_LABELS).map(([kind, label]) => ({ kind, label })),
    }),
  );

  app.put(
    '/admin/local-figures/:key',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary: '修改本地数据或就地调解标准（乐观锁：version；0 表示尚未保存过）',
        params: z.strictObject({ key: z.enum(EDITABLE_KEYS, '不可修改的设置项') }),
        body: z.strictObject({
          // Checked by the key's own schema in writeSetting (400 SETTING_INVALID with the registry's reason).
          value: documentedAs(
            z.unknown(),
            figureValue,
            '取值：类型由该项设置登记（数字、是否或最低工资标准列表）',
          ),
          basis: z.string().trim().min(2, '请填写依据').max(500),
          version: z.number().int().min(0),
        }),
        response: { 200: figureSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { key } = req.params;
      // One write path for settings (platform/settings.ts): typed by the registry (400 SETTING_INVALID
      // with the registry's reason), version-checked (0 = not stored yet), audited.
      const saved = await db.transaction().execute((trx) =>
        writeSetting(trx, actorOf(req, 'admin.orgs'), {
          key,
          value: req.body.value,
          version: req.body.version,
          basis: req.body.basis,
        }),
      );
      // writeSetting stored a value of the key's declared type (else it refused with 400 SETTING_INVALID).
      return { ...saved, value: saved.value as FigureValue };
    },
  );
};
