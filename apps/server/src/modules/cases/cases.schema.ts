import { z } from 'zod';
import { CASE_TRACKS } from './cases.tables';
import { flatRecord, jsonValue } from '../../platform/openapi-content';

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const openCaseBody = z.strictObject({
  track: z.enum(CASE_TRACKS, '请选择程序'),
  claimIds: z.array(z.uuid('诉求编号格式不正确')).min(1, '请至少选择一项诉求').max(30),
  organizationId: z.uuid().optional().describe('承办机构；缺省为该程序的主管机构'),
});

export const transitionBody = z.strictObject({
  event: z.string().min(1, '请选择操作').max(60),
  version: z.number().int().min(1).describe('页面上看到的案件版本（乐观锁）'),
  reason: z.string().trim().max(2000).optional(),
  // Free-form per step by design: the workflows (packages/domain/src/workflows) read the facts they need
  // from it in their guards and declare no payload shape per step, so it is a flat record of JSON scalars.
  payload: flatRecord
    .optional()
    .describe(
      '本步骤的事实（例如告知去向 referTo、延期批准人 approver），由状态机的条件检查；各步骤不同，取值为字符串、数字、布尔、null 或其数组',
    ),
});

export const assignBody = z.strictObject({
  userId: z.uuid('请选择承办人'),
  version: z.number().int().min(1),
});

export const conflictBody = z.strictObject({
  partyId: z.uuid('请选择当事人'),
  relation: z.string().trim().min(1, '请说明关系').max(200),
});

const ref = z.object({ id: z.string(), name: z.string() });
const labelled = z.object({ code: z.string(), label: z.string() });

export const barredSchema = z.object({
  userId: z.string(),
  name: z.string(),
  kind: z.enum(['prior_role', 'declared_relation']),
  reason: z.string(),
  basis: z.string(),
});

export const caseDetailSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterNumber: z.string(),
    title: z.string().nullable(),
    track: z.enum(CASE_TRACKS),
    trackLabel: z.string(),
    number: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    closed: z.boolean(),
    version: z.number(),
    organization: ref,
    jurisdiction: ref,
    assignee: ref.nullable(),
    priorityFlags: z.array(labelled),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    claims: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        typeLabel: z.string(),
        amountFen: z.number().nullable(),
        facts: z.string(),
        open: z.boolean(),
        releasedReason: z.string().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        seq: z.number(),
        event: z.string(),
        eventLabel: z.string(),
        fromState: z.string().nullable(),
        fromLabel: z.string().nullable(),
        toState: z.string(),
        toLabel: z.string(),
        actorName: z.string(),
        role: z.string().nullable(),
        at: z.string(),
        reason: z.string().nullable(),
        payload: z
          .record(z.string(), jsonValue)
          .nullable()
          .describe('本步骤记录的事实（提交的 payload 与系统记录的内容）'),
      }),
    ),
    clocks: z.array(
      z.object({
        id: z.string(),
        ruleId: z.string(),
        name: z.string(),
        dueDate: z.string(),
        status: z.string(),
        basis: z.string(),
      }),
    ),
    availableEvents: z
      .array(
        z.object({
          event: z.string(),
          label: z.string(),
          to: z.string(),
          toLabel: z.string(),
          enabled: z.boolean(),
          reason: z.string().nullable(),
          actForm: z
            .string()
            .nullable()
            .describe('须出具文书的办案行为：办理它的表单（通用状态转换不受理）；普通步骤为 null'),
        }),
      )
      .describe('当前用户可执行的操作（按其在本案辖区的有效岗位）'),
    canAssign: z.boolean(),
    barred: z.array(barredSchema).describe('应当回避、不得承办本案的人员'),
  })
  .meta({ id: 'TrackCase' });

const effects = {
  documents: z.array(z.object({ type: z.string(), title: z.string() })).describe('本步骤应制作的文书'),
  clocks: z.array(z.object({ ruleId: z.string(), action: z.string(), dueDate: z.string().nullable() })),
};

export const caseResultSchema = z.object({ case: caseDetailSchema, ...effects });

export const caseListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      track: z.enum(CASE_TRACKS),
      trackLabel: z.string(),
      number: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      closed: z.boolean(),
      version: z.number(),
      assigneeName: z.string().nullable(),
      organizationName: z.string(),
      openedAt: z.string(),
      dueDate: z.string().nullable(),
      openClaimIds: z.array(z.string()).describe('本案仍在办理的诉求'),
    }),
  ),
  tracks: z.array(z.object({ track: z.enum(CASE_TRACKS), label: z.string(), canOpen: z.boolean() })),
});

export const assigneesSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), roles: z.string(), barred: barredSchema.nullable() }),
  ),
});

export const conflictSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  relation: z.string(),
  declaredAt: z.string(),
});
