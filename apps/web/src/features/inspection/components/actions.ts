import type { BodyOf } from '../../../lib/api-types-helpers';
import type { InspectionStepBody } from '../api/inspection.api';
import type { InspectionCase } from '../types';
import type { FieldSpec } from './ActionModal';

type RecordKind = BodyOf<'/api/inspection/cases/{id}/records', 'post'>['kind'];

export interface StepSpec {
  key: keyof InspectionCase['actions'];
  label: string;
  path: string;
  fields: FieldSpec[];
  body: (v: Record<string, unknown>, c: InspectionCase) => InspectionStepBody;
  danger?: boolean;
}

const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** A required field (the form's rule ensures it; empty → the server's 400 names it). */
const req = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const fen = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : undefined);
const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/**
 * The steps of the inspection work area, each behind an allowed action of the case. `inspectorsLoading`:
 * the inspectors the selects offer are still being fetched (the dialog waits, see ActionModal).
 */
export function stepSpecs(
  inspectors: { value: string; label: string }[],
  inspectorsLoading = false,
): StepSpec[] {
  return [
    {
      key: 'accept',
      label: '受理并立案',
      path: '/acceptance',
      fields: [],
      body: (_v, c) => ({ decision: 'accepted', version: c.version }),
    },
    {
      key: 'requestFiling',
      label: '报请立案审批',
      path: '/approvals',
      fields: [
        {
          name: 'reason',
          label: '立案理由（涉嫌违法事实与依据）',
          kind: 'textarea',
          required: true,
          extra:
            '报请负责人审批，批准即立案并签发立案审批表（《劳动保障监察条例》第十四条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款）',
        },
      ],
      body: (v) => ({ kind: 'filing', reason: req(v.reason) }),
    },
    {
      key: 'refuse',
      label: '不予受理',
      path: '/acceptance',
      danger: true,
      fields: [
        {
          name: 'decision',
          label: '不予受理理由',
          kind: 'select',
          required: true,
          options: [
            { value: 'time_barred', label: '违法行为超过二年（条例第二十条）' },
            { value: 'dispute_procedure', label: '属于争议程序或已在调解、仲裁中（条例第二十一条第二款）' },
            { value: 'jurisdiction', label: '不属本机关管辖' },
          ],
        },
        {
          name: 'referTo',
          label: '告知前往（机构或程序）',
          extra: '已在调解、仲裁中的，系统自动写明承办机构和案号',
        },
        { name: 'reason', label: '说明', kind: 'textarea' },
      ],
      body: (v, c) => ({
        decision: v.decision,
        referTo: s(v.referTo),
        reason: s(v.reason),
        version: c.version,
      }),
    },
    {
      key: 'assignInspectors',
      label: '指派监察员',
      path: '/inspectors',
      fields: [
        {
          name: 'userIds',
          label: '承办监察员（调查须两名以上）',
          kind: 'multiselect',
          options: inspectors,
          optionsLoading: inspectorsLoading,
          required: true,
          minItems: {
            count: 2,
            message: '调查须由两名以上监察员进行（《劳动保障监察条例》第十六条），请至少选择两名监察员',
          },
        },
      ],
      body: (v) => ({ userIds: list(v.userIds) }),
    },
    {
      key: 'startInvestigation',
      label: '开始调查',
      path: '/investigation/start',
      fields: [],
      body: (_v, c) => ({ version: c.version }),
    },
    {
      key: 'record',
      label: '登记笔录/证据/任务',
      path: '/records',
      fields: [
        {
          name: 'kind',
          label: '类别',
          kind: 'select',
          required: true,
          options: [
            { value: 'onsite', label: '现场检查笔录' },
            { value: 'inquiry', label: '询问笔录' },
            { value: 'evidence', label: '证据' },
            { value: 'task', label: '调查任务' },
          ],
        },
        { name: 'title', label: '标题', required: true },
        { name: 'content', label: '内容（询问笔录按“问：”“答：”逐行记录）', kind: 'textarea' },
        { name: 'place', label: '地点', extra: '询问笔录、现场检查笔录必填' },
        { name: 'interviewee', label: '被询问人／在场人（姓名、职务）', extra: '询问笔录必填' },
        { name: 'occurredOn', label: '日期', kind: 'date' },
        { name: 'startTime', label: '开始时间（如 09:30）' },
        { name: 'endTime', label: '结束时间（如 10:40）' },
        {
          name: 'inspectorIds',
          label: '在场监察员（笔录须两名以上）',
          kind: 'multiselect',
          options: inspectors,
          optionsLoading: inspectorsLoading,
        },
        { name: 'dueDate', label: '任务期限', kind: 'date' },
      ],
      body: (v) => ({
        kind: v.kind as RecordKind,
        title: req(v.title),
        content: s(v.content) ?? '',
        place: s(v.place),
        interviewee: s(v.interviewee),
        occurredOn: s(v.occurredOn),
        startTime: s(v.startTime),
        endTime: s(v.endTime),
        inspectorIds: list(v.inspectorIds),
        dueDate: s(v.dueDate),
      }),
    },
    {
      key: 'request',
      label: '询问通知（要求提供材料）',
      path: '/requests',
      fields: [
        { name: 'materials', label: '材料（每行一项）', kind: 'lines', required: true },
        { name: 'deadline', label: '接受询问、提供材料的日期', kind: 'date', required: true },
        { name: 'attendTime', label: '时间', extra: '不填为“上午9时”' },
        { name: 'place', label: '地点', extra: '不填为本机关' },
      ],
      body: (v) => ({
        materials: lines(v.materials),
        deadline: req(v.deadline),
        attendTime: s(v.attendTime),
        place: s(v.place),
      }),
    },
    {
      key: 'extend',
      label: '延长办案期限',
      path: '/extension',
      // The 负责人 extends by his own action: the 延长办案期限审批表 prints his name and today's date.
      fields: [{ name: 'reason', label: '延长理由', kind: 'textarea', required: true }],
      body: (v, c) => ({ reason: req(v.reason), version: c.version }),
    },
    {
      key: 'requestExtension',
      label: '报请延长办案期限',
      path: '/approvals',
      fields: [
        {
          name: 'reason',
          label: '延长理由（情况复杂）',
          kind: 'textarea',
          required: true,
          extra: '报请负责人审批，批准后延长三十个工作日（《劳动保障监察条例》第十七条）',
        },
      ],
      body: (v) => ({ kind: 'extension', reason: req(v.reason) }),
    },
    {
      key: 'order',
      label: '责令改正/支付',
      path: '/orders',
      fields: [
        { name: 'violations', label: '违法事实', kind: 'textarea', required: true },
        { name: 'legalBasis', label: '法律依据', required: true },
        { name: 'corrections', label: '改正事项（每行一项）', kind: 'lines', required: true },
        { name: 'deadline', label: '改正期限', kind: 'date', required: true },
        { name: 'wagesYuan', label: '责令支付工资（元）', kind: 'number' },
        { name: 'workerCount', label: '涉及人数', kind: 'number' },
      ],
      body: (v, c) => ({
        violations: v.violations,
        legalBasis: v.legalBasis,
        corrections: lines(v.corrections),
        deadline: v.deadline,
        wagesOwedFen: fen(v.wagesYuan),
        workerCount: typeof v.workerCount === 'number' ? v.workerCount : undefined,
        version: c.version,
      }),
    },
    {
      key: 'proposePenalty',
      label: '告知拟处罚',
      path: '/penalty',
      fields: [
        {
          name: 'ruleCode',
          label: '处罚条款',
          kind: 'select',
          required: true,
          options: [
            { value: 'illegal_overtime', label: '违法延长工作时间（每人100–500元）' },
            { value: 'female_minor_protection', label: '女职工、未成年工保护（每人1000–5000元）' },
            { value: 'obstruction', label: '阻挠监察、逾期不改正（2000–20000元）' },
            { value: 'dispatch_violation', label: '违法派遣逾期不改（每人5000–10000元）' },
          ],
        },
        { name: 'workerCount', label: '受侵害劳动者人数', kind: 'number' },
        { name: 'fineYuan', label: '罚款（元）', kind: 'number', required: true },
        { name: 'facts', label: '违法事实', kind: 'textarea', required: true },
      ],
      body: (v, c) => ({
        ruleCode: v.ruleCode,
        workerCount: v.workerCount ?? undefined,
        fineFen: fen(v.fineYuan),
        facts: v.facts,
        version: c.version,
      }),
    },
    {
      key: 'decidePenalty',
      label: '作出处罚决定',
      path: '/penalty/decision',
      // Whether a hearing was requested and held comes from the hearing steps recorded on the case
      // (听证申请 / 听证笔录 in the penalty panel); the server refuses the decision while one is pending.
      fields: [
        {
          name: 'confirmed',
          label: '已核对听证与法制审核情况，作出处罚决定',
          kind: 'switch',
          required: true,
        },
      ],
      body: (_v, c) => ({ version: c.version }),
    },
    {
      key: 'withdraw',
      label: '撤销立案',
      path: '/withdrawal',
      fields: [
        { name: 'reason', label: '理由（情节轻微）', kind: 'textarea', required: true },
        { name: 'evidenceOfCorrection', label: '已改正的证据', kind: 'textarea', required: true },
      ],
      body: (v, c) => ({
        reason: req(v.reason),
        evidenceOfCorrection: v.evidenceOfCorrection,
        version: c.version,
      }),
    },
    {
      key: 'endInvestigation',
      label: '终结调查',
      path: '/investigation-end',
      danger: true,
      fields: [{ name: 'reason', label: '投诉举报内容不实的理由', kind: 'textarea', required: true }],
      body: (v, c) => ({ reason: req(v.reason), version: c.version }),
    },
    {
      key: 'close',
      label: '结案并告知结果',
      path: '/close',
      fields: [
        { name: 'resultText', label: '告知投诉人（举报人）的处理结果', kind: 'textarea', required: true },
        {
          name: 'channel',
          label: '告知方式',
          kind: 'select',
          options: [
            { value: 'sms', label: '短信' },
            { value: 'phone', label: '电话' },
            { value: 'mail', label: '邮寄' },
            { value: 'in_person', label: '当面' },
          ],
        },
        {
          name: 'facts',
          label: '结案审批表：查明的事实',
          kind: 'textarea',
          extra: '不填则取行政处罚、责令改正或撤销立案所载的事实',
        },
        {
          name: 'opinion',
          label: '结案审批表：承办人意见',
          kind: 'textarea',
          extra: '不填则按结案情形生成（如“已撤销立案，建议结案”）',
        },
      ],
      body: (v, c) => ({
        resultText: v.resultText,
        channel: v.channel ?? 'sms',
        facts: s(v.facts),
        opinion: s(v.opinion),
        version: c.version,
      }),
    },
  ];
}
