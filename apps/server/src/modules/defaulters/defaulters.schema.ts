import { DEFAULTER_GROUND_CODES, DEFAULTER_STATES } from '@onestop/domain';
import { z } from 'zod';
import { isoDate } from '../../platform/schema-types';

const grounds = DEFAULTER_GROUND_CODES as [
  (typeof DEFAULTER_GROUND_CODES)[number],
  ...(typeof DEFAULTER_GROUND_CODES)[number][],
];
const states = Object.keys(DEFAULTER_STATES) as [
  keyof typeof DEFAULTER_STATES,
  ...(keyof typeof DEFAULTER_STATES)[],
];
const version = z.number().int().min(1).describe('失信名单程序的版本（并发修改检查）');

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const listQuery = z.strictObject({
  state: z.enum(states, '状态不正确').optional(),
  caseId: z.uuid('编号格式不正确').optional().describe('只列出该监察案件的程序'),
});

export const proposalBody = z.strictObject({
  ground: z.enum(grounds, '请选择列入事由（《名单办法》第五条）'),
  facts: z.string().trim().min(1, '请填写违法事实').max(3000, '违法事实最多3000个字'),
  responsiblePersons: z
    .string()
    .trim()
    .min(1, '请填写一并列入的法定代表人或主要负责人等有关责任人员')
    .max(300, '有关责任人员最多300个字'),
  owedFen: z.number().int().min(0).optional().describe('拖欠工资金额（分），缺省取逾期未支付的责令支付金额'),
});

export const statementBody = z.strictObject({
  statement: z.string().trim().min(1, '请填写陈述、申辩意见').max(5000, '陈述、申辩意见最多5000个字'),
  receivedOn: isoDate().describe('收到陈述、申辩的日期'),
  version,
});

export const decisionBody = z.strictObject({
  list: z.boolean().describe('true 列入；false 不予列入'),
  reviewOpinion: z.string().trim().max(3000, '复核意见最多3000个字').default(''),
  version,
});

export const publicationBody = z.strictObject({ version });

export const removalApplicationBody = z.strictObject({
  paidOn: isoDate().describe('足额支付拖欠工资（改正）之日'),
  appliedOn: isoDate().describe('申请日期'),
  commitment: z.string().trim().min(1, '请填写守信承诺').max(2000, '守信承诺最多2000个字'),
  version,
});

export const removalDecisionBody = z.strictObject({
  approve: z.boolean(),
  opinion: z.string().trim().max(2000).default(''),
  version,
});

export const listingSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    matterId: z.string(),
    employerPartyId: z.string(),
    employerName: z.string(),
    creditCode: z.string().nullable(),
    ground: z.enum(grounds),
    groundLabel: z.string(),
    groundBasis: z.string(),
    facts: z.string(),
    owedFen: z.number(),
    responsiblePersons: z.string(),
    state: z.enum(states),
    stateLabel: z.string(),
    decidedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    removedOn: z.string().nullable(),
    version: z.number(),
    steps: z.array(
      z.object({
        id: z.string(),
        step: z.string(),
        label: z.string(),
        stateAfter: z.string(),
        note: z.string(),
        actorName: z.string(),
        at: z.string(),
        document: z
          .object({
            id: z.string(),
            number: z.string().nullable(),
            title: z.string().nullable(),
            type: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
    clocks: z.array(
      z.object({
        id: z.string(),
        ruleId: z.string(),
        name: z.string(),
        triggerDate: z.string(),
        dueDate: z.string(),
        provisional: z.boolean(),
        status: z.string(),
        basis: z.string(),
      }),
    ),
    actions: z.object({
      statement: z.boolean(),
      decide: z.boolean(),
      publish: z.boolean(),
      requestRemoval: z.boolean(),
      remove: z.boolean(),
    }),
  })
  .meta({ id: 'DefaulterListing' });

export const listingListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        employerName: z.string(),
        caseNumber: z.string(),
        state: z.enum(states),
        stateLabel: z.string(),
        groundLabel: z.string(),
        owedFen: z.number(),
        decidedOn: z.string().nullable(),
        endsOn: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DefaulterListingList' });

export const publicListSchema = z
  .object({
    basis: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        employerName: z.string(),
        creditCode: z.string().nullable(),
        responsiblePersons: z.string(),
        groundLabel: z.string(),
        decidedOn: z.string(),
        endsOn: z.string(),
        publishedOn: z.string(),
        organ: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicDefaulterList' });

export const groundsSchema = z
  .object({
    grounds: z.array(z.object({ code: z.enum(grounds), label: z.string(), basis: z.string() })),
    precondition: z.object({ label: z.string(), basis: z.string() }),
    periods: z.object({
      statementWorkingDays: z.number(),
      termYears: z.number(),
      removalMonths: z.number(),
      basis: z.array(z.string()),
      checks: z
        .array(z.object({ basis: z.string(), confidence: z.enum(['V2', 'U']), check: z.string() }))
        .describe('各期间依据的核对情况（供管理员核对，不写入文书）'),
    }),
  })
  .meta({ id: 'DefaulterRules' });
