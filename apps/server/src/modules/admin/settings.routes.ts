import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { errorResponses } from '../../platform/errors';
import { documentedAs } from '../../platform/openapi-content';
import { settingsCatalogue, settingValueShape, writeSetting } from '../../platform/settings';

/**
 * System settings (系统设置): the registry of `platform/settings.ts` with the stored values, and one
 * write path for every key (typed, version-checked, audited). The admin page is generated from it.
 */
/**
 * A value as the registry types it (settingValueShape). The route checks nothing more: the key's own
 * schema does, in writeSetting (400 SETTING_INVALID with the registry's Chinese reason), and a
 * stored row is shown as it is (a broken row must not break the page that repairs it).
 */
const settingValue = documentedAs(
  z.unknown(),
  settingValueShape(),
  '取值：类型由设置项登记（整数、金额（分）、小数、是否、文字、选项或列表）',
);

const settingView = z
  .object({
    key: z.string(),
    family: z.string().nullable(),
    group: z.string(),
    groupLabel: z.string(),
    label: z.string(),
    help: z.string(),
    declaredBasis: z.string().describe('登记的法律依据（法律条文或中心规则）'),
    basis: z.string().nullable().describe('当前取值所附依据'),
    input: z.enum(['integer', 'fen', 'decimal', 'boolean', 'text', 'choice', 'json']),
    choices: z.array(z.object({ value: z.string(), label: z.string() })),
    value: settingValue,
    defaultValue: settingValue,
    version: z.number().describe('0：尚未保存，使用默认值'),
  })
  .meta({ id: 'Setting' });

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['系统设置'];

  app.get(
    '/',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary: '系统设置：每一项的类型、默认值、说明与法律依据，以及当前取值',
        response: { 200: z.object({ items: z.array(settingView) }), ...errorResponses },
      },
    },
    async () => ({ items: await settingsCatalogue(db) }),
  );

  app.put(
    '/:key',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary:
          '修改一项设置（未登记的设置项 400 SETTING_UNKNOWN；取值类型不符 400 SETTING_INVALID；乐观锁 version）',
        params: z.strictObject({ key: z.string().min(1).max(200) }),
        body: z.strictObject({
          value: settingValue,
          basis: z.string().trim().max(500).optional(),
          version: z.number().int().min(0),
        }),
        response: { 200: settingView, ...errorResponses },
      },
    },
    async (req) =>
      db.transaction().execute((trx) =>
        writeSetting(trx, actorOf(req, 'admin.orgs'), {
          key: req.params.key,
          value: req.body.value,
          version: req.body.version,
          basis: req.body.basis,
        }),
      ),
  );
};
