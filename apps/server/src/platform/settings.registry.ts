import {
  DEFAULT_NUMBER_PATTERNS,
  INSPECTION_FILING_APPROVAL_DEFAULT,
  isFilingApprovalPolicy,
  isInspectionFilingApprovalPolicy,
  validateNumberPattern,
} from '@onestop/domain';
import { z } from 'zod';

/**
 * The declarations of the settings registry (see settings.ts for the typed read/write service):
 * every key of the `setting` table, its type (zod), default, Chinese label, help and legal basis.
 * One entry per key; a family declares keys that differ by a suffix. This list is long because
 * it is the whole registry in one place, on purpose (one file to read to see every setting).
 */

export type SettingGroup =
  | 'intake'
  | 'cases'
  | 'mediation'
  | 'calculator'
  | 'arbitration'
  | 'inspection'
  | 'portal'
  | 'rooms'
  | 'statistics';

export const SETTING_GROUP_LABELS: Record<SettingGroup, string> = {
  intake: '受理与预警',
  cases: '案件编号',
  mediation: '调解',
  calculator: '权益计算本地数据',
  arbitration: '仲裁',
  inspection: '劳动保障监察',
  portal: '群众门户防滥用',
  rooms: '在线调解室',
  statistics: '统计公开',
};

/** How the admin page edits the value. */
export type SettingInput = 'integer' | 'fen' | 'decimal' | 'boolean' | 'text' | 'choice' | 'json';

export interface SettingDef<S extends z.ZodType> {
  schema: S;
  default: z.infer<S>;
  label: string;
  help: string;
  /** The statute and article, or the center's own rule when no law sets the figure. */
  basis: string;
  group: SettingGroup;
  input: SettingInput;
  /** For 'choice': the values and their Chinese names. */
  choices?: readonly { value: string; label: string }[];
}

const def = <S extends z.ZodType>(d: SettingDef<S>) => d;

const count = (min = 1, max = 100_000) =>
  z.number({ message: '须为整数' }).int('须为整数').min(min, `不得小于${min}`).max(max, `不得大于${max}`);
const fen = z.number({ message: '金额须为整数（分）' }).int('金额须为整数（分）').min(0, '金额不得为负数');
const days = (max = 60) => count(1, max);
const numberPattern = z
  .string({ message: '编号格式须为文字' })
  .trim()
  .min(1, '编号格式不能为空')
  .refine(
    (p) => validateNumberPattern(p).length === 0,
    '编号格式须包含序号占位符，年份与序号占位符各只能出现一次',
  );

const minimumWageArea = z.strictObject({
  code: z.string().regex(/^\d{6}$/, '地区代码为6位数字'),
  area: z.string().trim().min(1, '请填写地区名称'),
  monthlyFen: fen,
  hourlyFen: fen,
});

const publication = z.strictObject({
  enabled: z.boolean({ message: '须为是或否' }),
  rows: z.array(z.strictObject({ table: z.string().min(1), row: z.string().min(1) })),
});

const PORTAL_BASIS = '中心防滥用规则（《个人信息保护法》第五十一条：采取必要措施保障个人信息安全）';

export const SETTINGS = {
  'alert.employer_open_matters_min': def({
    schema: count(1, 1000),
    default: 3,
    label: '同一用人单位未结维权事项达到此数时预警',
    help: '同一用人单位在办事项达到此数，领导预警中列出该单位。',
    basis: '中心预警规则（地方做法）',
    group: 'intake',
    input: 'integer',
  }),
  'alert.spring_festival_window_days': def({
    schema: days(90),
    default: 30,
    label: '春节前多少天内的欠薪事项预警',
    help: '春节放假首日前此天数内登记的欠薪事项进入预警。',
    basis: '《保障农民工工资支付条例》第三条；国务院办公厅年度节假日安排通知（春节放假首日）',
    group: 'intake',
    input: 'integer',
  }),
  'alert.collective_min_workers': def({
    schema: count(2, 1000),
    default: 10,
    label: '集体争议人数（达到即预警）',
    help: '同一事项劳动者人数达到此数即按集体争议处理并预警。',
    basis: '《劳动争议调解仲裁法》第七条',
    group: 'intake',
    input: 'integer',
  }),
  'intake.matter_number_pattern': def({
    schema: numberPattern,
    default: DEFAULT_NUMBER_PATTERNS.matter,
    label: '维权事项编号格式',
    help: '编号中的{年份}为年份，{序号}为当年序号（{序号:5}补足5位）。',
    basis: '中心编号规则',
    group: 'intake',
    input: 'text',
  }),
  'mediation.simple.max_total_fen': def({
    schema: fen,
    default: 5_000_000,
    label: '中心就地调解：争议总额上限（分）',
    help: '争议总额不超过此数的简单争议可由中心就地调解。',
    basis: '随人社函〔2023〕36号 五(一)3',
    group: 'mediation',
    input: 'fen',
  }),
  'mediation.simple.require_undisputed_facts': def({
    schema: z.boolean({ message: '须为是或否' }),
    default: true,
    label: '中心就地调解：须事实无争议',
    help: '选“是”时，事实有争议的事项不在中心就地调解。',
    basis: '随人社函〔2023〕36号 五(一)3（案情简单）',
    group: 'mediation',
    input: 'boolean',
  }),
  'mediation.simple.max_employers': def({
    schema: count(1, 60),
    default: 1,
    label: '中心就地调解：用人单位数量上限',
    help: '涉及用人单位超过此数的争议不在中心就地调解。',
    basis: '随人社函〔2023〕36号 五(一)3（案情简单：一个用人单位）',
    group: 'mediation',
    input: 'integer',
  }),
  'mediation.proposal.reply_days': def({
    schema: count(1, 60),
    default: 5,
    label: '调解建议书答复期限（日）',
    help: '当事人收到调解建议书后答复的天数。',
    basis: '劳动人事争议仲裁文书示范文本（调解建议书：答复期限由仲裁委员会确定）',
    group: 'mediation',
    input: 'integer',
  }),
  'mediation.center_organization': def({
    schema: z.string({ message: '须为调解组织名称' }).trim().min(2, '请填写调解组织名称'),
    default: '随州市劳动人事争议一站式多元联调联处中心',
    label: '中心就地调解的调解组织',
    help: '以其名义出具调解建议书、调解协议书；须与调解组织名录中的名称一致。',
    basis: '《劳动争议调解仲裁法》第十条、第十四条；随人社函〔2023〕36号 五(一)3',
    group: 'mediation',
    input: 'text',
  }),
  'calc.local_average_monthly_wage_fen': def({
    schema: fen,
    default: 680_000,
    label: '本地区上年度职工月平均工资（分）',
    help: '经济补偿三倍封顶的基数；按统计部门当年公布数更新。',
    basis: '《劳动合同法》第四十七条第二款',
    group: 'calculator',
    input: 'fen',
  }),
  'calc.monthly_pay_days': def({
    schema: z
      .number({ message: '须为数字' })
      .positive('月计薪天数须为正数')
      .lt(31, '月计薪天数须小于31')
      .refine((v) => Math.round(v * 100) === v * 100, '月计薪天数最多两位小数'),
    default: 21.75,
    label: '月计薪天数',
    help: '日工资＝月工资÷月计薪天数。',
    basis: '《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）',
    group: 'calculator',
    input: 'decimal',
  }),
  'calc.minimum_wage': def({
    schema: z.array(minimumWageArea, { message: '最低工资标准须为地区列表' }),
    default: [
      { code: '421303', area: '曾都区', monthlyFen: 195_000, hourlyFen: 1950 },
      { code: '421381', area: '广水市', monthlyFen: 195_000, hourlyFen: 1950 },
      { code: '421321', area: '随县', monthlyFen: 180_000, hourlyFen: 1800 },
    ],
    label: '最低工资标准（按地区）',
    help: '每个地区的月最低工资与小时最低工资（分）。',
    basis: '《最低工资规定》第六条、第十条',
    group: 'calculator',
    input: 'json',
  }),
  'arbitration.monthly_minimum_wage_fen': def({
    schema: fen,
    default: 200_000,
    label: '当地月最低工资标准（分，终局裁决界限为其12倍）',
    help: '单项请求不超过此数12倍的，裁决为终局裁决。',
    basis: '《劳动争议调解仲裁法》第四十七条第（一）项',
    group: 'arbitration',
    input: 'fen',
  }),
  'arbitration.simplified_amount_cap_fen': def({
    schema: fen,
    default: 10_000_000,
    label: '简易处理金额上限（分，省上年度职工年平均工资）',
    help: '争议金额不超过此数的案件可以简易处理。',
    basis: '《劳动人事争议仲裁办案规则》第五十六条第（二）项',
    group: 'arbitration',
    input: 'fen',
  }),
  'arbitration.correction_days': def({
    schema: days(),
    default: 5,
    label: '补正期限（日，自通知之日起）',
    help: '申请材料不齐时，申请人补正材料的天数。',
    basis: '《劳动人事争议仲裁办案规则》第二十九条第四款（地方做法）',
    group: 'arbitration',
    input: 'integer',
  }),
  'arbitration.evidence_days': def({
    schema: days(),
    default: 15,
    label: '举证期限（日，自受理之日起）',
    help: '当事人提交证据的天数。',
    basis: '《劳动人事争议仲裁办案规则》第十五条',
    group: 'arbitration',
    input: 'integer',
  }),
  'arbitration.major_collective_min_workers': def({
    schema: count(2, 10_000),
    default: 30,
    label: '重大集体争议人数（达到即当日受理）',
    help: '劳动者人数达到此数的集体争议当日受理。',
    basis: '中心服务承诺（重大集体争议当日受理）；《劳动争议调解仲裁法》第七条',
    group: 'arbitration',
    input: 'integer',
  }),
  'inspection.police_referral.single_worker_min_fen': def({
    schema: fen,
    default: 500_000,
    label: '拒不支付劳动报酬移送：单个劳动者数额较大起点（分）',
    help: '五千元至二万元之间，由省级确定。',
    basis: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条',
    group: 'inspection',
    input: 'fen',
  }),
  'inspection.police_referral.single_worker_min_months': def({
    schema: count(1, 120),
    default: 3,
    label: '拒不支付劳动报酬移送：单个劳动者拖欠月数起点',
    help: '拖欠一名劳动者三个月以上的劳动报酬。',
    basis: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条第（一）项',
    group: 'inspection',
    input: 'integer',
  }),
  'inspection.police_referral.group_min_workers': def({
    schema: count(1, 10_000),
    default: 10,
    label: '拒不支付劳动报酬移送：劳动者人数起点',
    help: '拖欠十名以上劳动者的劳动报酬。',
    basis: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条第（二）项',
    group: 'inspection',
    input: 'integer',
  }),
  'inspection.police_referral.group_min_fen': def({
    schema: fen,
    default: 3_000_000,
    label: '拒不支付劳动报酬移送：十名以上劳动者累计数额起点（分）',
    help: '三万元至十万元之间，由省级确定。',
    basis: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条第（二）项',
    group: 'inspection',
    input: 'fen',
  }),
  'inspection.penalty.legal_review_min_fen': def({
    schema: fen,
    default: 1_000_000,
    label: '罚款金额达到此数额（分）须经法制审核',
    help: '达到此数额的罚款决定作出前须经法制审核。',
    basis: '《中华人民共和国行政处罚法》第五十八条',
    group: 'inspection',
    input: 'fen',
  }),
  'portal.sms_per_phone_hour': def({
    schema: count(1, 1000),
    default: 5,
    label: '门户：同一手机号每小时最多发送验证码次数',
    help: '超过后该手机号一小时内不再发送验证码。',
    basis: PORTAL_BASIS,
    group: 'portal',
    input: 'integer',
  }),
  'portal.sms_per_ip_hour': def({
    schema: count(1, 10_000),
    default: 20,
    label: '门户：同一网络地址每小时最多发送验证码次数',
    help: '超过后该网络地址一小时内不再发送验证码。',
    basis: PORTAL_BASIS,
    group: 'portal',
    input: 'integer',
  }),
  'portal.query_failures_per_ip': def({
    schema: count(1, 1000),
    default: 10,
    label: '门户：同一网络地址每15分钟查询码输错上限',
    help: '超过后该网络地址15分钟内不能查询。',
    basis: PORTAL_BASIS,
    group: 'portal',
    input: 'integer',
  }),
  'portal.submissions_per_hour': def({
    schema: count(1, 1000),
    default: 10,
    label: '门户：每个账号（或匿名举报每个网络地址）每小时最多提交次数',
    help: '超过后一小时内不能再提交。',
    basis: PORTAL_BASIS,
    group: 'portal',
    input: 'integer',
  }),
  'rooms.presence.interval_seconds': def({
    schema: count(1, 60),
    default: 5,
    label: '在线调解室：在线心跳间隔（秒）',
    help: '各服务实例每隔此数秒确认一次本实例连接的参与人仍在线，并清理已过期的在线记录。',
    basis: '中心技术规则（参与人掉线后及时告知其他参与人）',
    group: 'rooms',
    input: 'integer',
  }),
  'rooms.presence.ttl_seconds': def({
    schema: count(5, 600),
    default: 20,
    label: '在线调解室：在线记录有效期（秒）',
    help: '参与人所在实例停止续期（如实例意外退出）后，经过此数秒（再加一个心跳间隔）其他参与人看到其离开；不足两个心跳间隔时按两个心跳间隔计。',
    basis: '中心技术规则（参与人掉线后及时告知其他参与人）',
    group: 'rooms',
    input: 'integer',
  }),
  'statistics.publication': def({
    schema: publication,
    default: { enabled: false, rows: [] },
    label: '门户公开的统计数据（开关与指标）',
    help: '在统计页面选择公开的指标；少于5的数字不公开。',
    basis: '《政府信息公开条例》第二十条（主动公开统计信息）',
    group: 'statistics',
    input: 'json',
  }),
} as const;

/** Keys that differ by a suffix (a track, a jurisdiction code) and share one declaration. */
export const SETTING_FAMILIES = {
  'cases.number_pattern': def({
    schema: numberPattern,
    default: '',
    label: '案件编号格式（按业务线）',
    help: '每条业务线一项；未设置时用业务线登记的默认格式。{年份}为年份，{序号}为当年序号。',
    basis: '中心案件编号规则；各业务线编号规则见每一项的依据',
    group: 'cases',
    input: 'text',
  }),
  'arbitration.filing_approval': def({
    schema: z
      .string({ message: '须为全部、仅集体争议或不需要' })
      .refine(isFilingApprovalPolicy, '须为全部、仅集体争议或不需要'),
    default: 'none',
    label: '仲裁立案审批（按仲裁委员会）',
    help: '后缀为仲裁委员会所在地区代码；未设置时按案件级别与是否集体争议确定。',
    basis: '《劳动人事争议仲裁办案规则》第三十条（立案审批由仲裁委员会确定）',
    group: 'arbitration',
    input: 'choice',
    choices: [
      { value: 'all', label: '全部案件' },
      { value: 'collective', label: '仅集体争议' },
      { value: 'none', label: '不需要' },
    ],
  }),
  'inspection.filing_approval': def({
    schema: z
      .string({ message: '须为全部或不需要' })
      .refine(isInspectionFilingApprovalPolicy, '须为全部或不需要'),
    default: INSPECTION_FILING_APPROVAL_DEFAULT,
    label: '劳动保障监察立案审批（按监察机构所在地区）',
    help: '后缀为监察机构所在地区代码；未设置时投诉、举报案件均须报负责人审批后立案（主动检查按检查计划立案）。',
    basis: '《劳动保障监察条例》第十四条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款',
    group: 'inspection',
    input: 'choice',
    choices: [
      { value: 'all', label: '投诉、举报案件均须审批' },
      { value: 'none', label: '不需要' },
    ],
  }),
} as const;
