// Over 400 lines on purpose: the statutory statistics tables as data (rows, labels, formulas); one declaration, read as a whole.
import {
  acceptedIn,
  type CaseFact,
  carriedOver,
  closedIn,
  type DisputeCause,
  inPeriod,
  type MediationBody,
  pendingAtEnd,
  type StatPeriod,
  type StatTrack,
} from './facts';

/**
 * The statutory statistical tables (统计报表) as data: each row says what it counts (a predicate over a
 * typed case fact and the period, and the measure summed), its unit, and its basis; a row the record
 * cannot count yet says why instead of showing 0. Cells are computed by `computeTable` (compute.ts), a
 * pure function, so the same rule yields the number, its drill-down list and the Excel cell.
 *
 * Why predicates over facts rather than SQL cell specs: the facts are loaded once per request by a few
 * indexed queries (a city's year is ~20,000 cases), and one rule then gives the count, the matters behind
 * it and the consistency checks — no second, drifting definition for the drill-down.
 */

export type Measure =
  | 'cases'
  | 'workers'
  | 'claimedFen'
  | 'settledFen'
  | 'paidFen'
  | 'recoveredFen'
  | 'recoveredWorkers';
export type Unit = '件' | '人' | '元' | '户' | '%';

export type Predicate = (f: CaseFact, p: StatPeriod) => boolean;

interface RowBase {
  code: string;
  label: string;
  /** 0: main indicator; 1: 其中; 2: sub-item of a 其中. */
  indent: number;
  unit: Unit;
}

export interface CountRow extends RowBase {
  kind: 'count';
  track: StatTrack;
  measure: Measure;
  when: Predicate;
  /** The counting rule in words (shown on the page and in the Excel notes). */
  rule: string;
}

export interface RatioRow extends RowBase {
  kind: 'ratio';
  numerator: string;
  denominator: string;
  rule: string;
}

export interface UnavailableRow extends RowBase {
  kind: 'unavailable';
  /** Why the record cannot count this row yet. */
  reason: string;
}

export type RowSpec = CountRow | RatioRow | UnavailableRow;

/** A consistency check between rows: sum(left) = sum(right), per column. */
export interface CheckSpec {
  code: string;
  label: string;
  left: readonly string[];
  right: readonly string[];
}

export interface TableSpec {
  code: string;
  title: string;
  /** The table of the 人社统计报表制度 it follows, and the law behind the figures. */
  basis: string;
  /** 表号 as printed on the form. */
  formNumber: string;
  rows: readonly RowSpec[];
  checks: readonly CheckSpec[];
}

const NO_SOURCE = '无数据来源';
export const UNAVAILABLE_TEXT = NO_SOURCE;

const count = (
  code: string,
  label: string,
  indent: number,
  unit: Unit,
  track: StatTrack,
  measure: Measure,
  when: Predicate,
  rule: string,
): CountRow => ({ kind: 'count', code, label, indent, unit, track, measure, when, rule });

const none = (code: string, label: string, indent: number, unit: Unit, reason: string): UnavailableRow => ({
  kind: 'unavailable',
  code,
  label,
  indent,
  unit,
  reason,
});

const and =
  (...ps: Predicate[]): Predicate =>
  (f, p) =>
    ps.every((x) => x(f, p));
const cause =
  (c: DisputeCause): Predicate =>
  (f) =>
    f.cause === c;
const closure =
  (...cs: string[]): Predicate =>
  (f) =>
    f.closure !== null && cs.includes(f.closure);
const body =
  (...bs: MediationBody[]): Predicate =>
  (f) =>
    f.mediationBody !== null && bs.includes(f.mediationBody);
const collective: Predicate = (f) => f.collective;

// ---------------------------------------------------------------------------------------------
// 劳动人事争议处理情况 (arbitration)
// ---------------------------------------------------------------------------------------------
const ARB = 'arbitration' as const;
export const ARBITRATION_TABLE: TableSpec = {
  code: 'arbitration',
  title: '劳动人事争议处理情况',
  formNumber: '人社统（调解仲裁）表一',
  basis:
    '人力资源社会保障统计报表制度（劳动人事争议调解仲裁统计报表：劳动人事争议处理情况）；《劳动争议调解仲裁法》第二十九条、第四十二条、第四十三条、第四十七条',
  rows: [
    count(
      '01',
      '上期未结案件',
      0,
      '件',
      ARB,
      'cases',
      carriedOver,
      '统计期开始前已受理、开始时尚未结案的案件',
    ),
    count('02', '本期受理案件', 0, '件', ARB, 'cases', acceptedIn, '受理日期在统计期内的仲裁案件'),
    count(
      '03',
      '其中：集体劳动人事争议',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, collective),
      '本期受理、劳动者一方十人以上并有共同请求的案件（调解仲裁法第七条）',
    ),
    count(
      '04',
      '其中：劳动者申请',
      1,
      '件',
      ARB,
      'cases',
      acceptedIn,
      '本期受理、申请人为劳动者的案件（本系统的仲裁申请均以劳动者为申请人登记）',
    ),
    count(
      '05',
      '本期受理案件涉及劳动者人数',
      0,
      '人',
      ARB,
      'workers',
      acceptedIn,
      '本期受理案件的劳动者人数之和',
    ),
    count(
      '06',
      '其中：集体劳动人事争议劳动者人数',
      1,
      '人',
      ARB,
      'workers',
      and(acceptedIn, collective),
      '本期受理的集体争议案件的劳动者人数之和',
    ),
    count(
      '07',
      '按争议类型：劳动报酬',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, cause('remuneration')),
      '本期受理案件中第一项请求为劳动报酬类（工资、加班费、最低工资、未签合同二倍工资、年休假工资）',
    ),
    count(
      '08',
      '按争议类型：社会保险',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, cause('social_insurance')),
      '第一项请求为社会保险类',
    ),
    count(
      '09',
      '按争议类型：变更、解除、终止劳动合同',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, cause('contract')),
      '第一项请求为经济补偿或违法解除赔偿金',
    ),
    count(
      '10',
      '按争议类型：工伤',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, cause('work_injury')),
      '第一项请求为工伤待遇或工伤医疗费',
    ),
    count(
      '11',
      '按争议类型：其他',
      1,
      '件',
      ARB,
      'cases',
      and(acceptedIn, cause('other')),
      '第一项请求为其他类型（含确认劳动关系、劳务派遣、工作时间、休息休假）',
    ),
    count(
      '12',
      '本期结案',
      0,
      '件',
      ARB,
      'cases',
      closedIn,
      '已受理、结案行为（调解书、裁决、撤回、按撤回处理、撤销、移送、终结）发生在统计期内的案件',
    ),
    count(
      '13',
      '结案方式：仲裁调解',
      1,
      '件',
      ARB,
      'cases',
      and(closedIn, closure('arb_mediated')),
      '以仲裁调解书结案（调解仲裁法第四十二条）',
    ),
    count(
      '14',
      '结案方式：仲裁裁决',
      1,
      '件',
      ARB,
      'cases',
      and(closedIn, closure('arb_awarded')),
      '以裁决结案（调解仲裁法第四十七条、第五十条）',
    ),
    count(
      '15',
      '结案方式：其他方式',
      1,
      '件',
      ARB,
      'cases',
      and(
        closedIn,
        closure('arb_withdrawn', 'arb_deemed_withdrawn', 'arb_revoked', 'arb_transferred', 'arb_terminated'),
      ),
      '撤回、按撤回处理、撤销案件、移送、终结审理',
    ),
    count(
      '16',
      '其中：撤回申请',
      2,
      '件',
      ARB,
      'cases',
      and(closedIn, closure('arb_withdrawn', 'arb_deemed_withdrawn')),
      '申请人撤回或按撤回处理（调解仲裁法第三十六条、第四十一条）',
    ),
    count(
      '17',
      '结案结果：用人单位胜诉',
      1,
      '件',
      ARB,
      'cases',
      and(closedIn, (f) => f.winner === 'employer'),
      '裁决结案且裁决支持金额为零的案件（按金额判定）',
    ),
    count(
      '18',
      '结案结果：劳动者胜诉',
      1,
      '件',
      ARB,
      'cases',
      and(closedIn, (f) => f.winner === 'worker'),
      '裁决结案且裁决支持金额不低于请求金额的案件（按金额判定）',
    ),
    count(
      '19',
      '结案结果：双方部分胜诉',
      1,
      '件',
      ARB,
      'cases',
      and(closedIn, (f) => f.winner === 'both'),
      '裁决结案且部分支持请求金额的案件（按金额判定）',
    ),
    count(
      '20',
      '终局裁决案件',
      0,
      '件',
      ARB,
      'cases',
      and(closedIn, closure('arb_awarded'), (f) => f.finalAward),
      '本期裁决结案、至少一项为终局裁决的案件（调解仲裁法第四十七条）',
    ),
    count('21', '本期受理案件请求金额', 0, '元', ARB, 'claimedFen', acceptedIn, '本期受理案件的请求金额之和'),
    count(
      '22',
      '结案案件裁决或调解金额',
      0,
      '元',
      ARB,
      'settledFen',
      and(closedIn, closure('arb_mediated', 'arb_awarded')),
      '本期调解、裁决结案案件的调解书、裁决书确定的金额之和',
    ),
    count(
      '23',
      '法定审限内结案',
      0,
      '件',
      ARB,
      'cases',
      and(closedIn, (f) => f.withinLimit === true),
      '本期结案且无逾期期限（含审限，调解仲裁法第四十三条）的案件',
    ),
    count('24', '期末未结案件', 0, '件', ARB, 'cases', pendingAtEnd, '统计期末已受理尚未结案的案件'),
    count(
      '25',
      '结案案件已履行金额',
      0,
      '元',
      ARB,
      'paidFen',
      and(closedIn, closure('arb_mediated', 'arb_awarded')),
      '本期调解、裁决结案案件的调解书、裁决书确定的义务中，截至期末已确认付款的金额之和（调解仲裁法第五十一条）',
    ),
  ],
  checks: [
    {
      code: 'balance',
      label: '上期未结 + 本期受理 = 本期结案 + 期末未结',
      left: ['01', '02'],
      right: ['12', '24'],
    },
    {
      code: 'causes',
      label: '各争议类型之和 = 本期受理案件',
      left: ['07', '08', '09', '10', '11'],
      right: ['02'],
    },
    { code: 'methods', label: '各结案方式之和 = 本期结案', left: ['13', '14', '15'], right: ['12'] },
    { code: 'winners', label: '各结案结果之和 = 裁决结案', left: ['17', '18', '19'], right: ['14'] },
  ],
};

// ---------------------------------------------------------------------------------------------
// 调解组织处理劳动人事争议情况 (mediation)
// ---------------------------------------------------------------------------------------------
const MED = 'mediation' as const;
export const MEDIATION_TABLE: TableSpec = {
  code: 'mediation',
  title: '调解组织处理劳动人事争议情况',
  formNumber: '人社统（调解仲裁）表二',
  basis:
    '人力资源社会保障统计报表制度（劳动人事争议调解仲裁统计报表：调解组织处理劳动人事争议情况）；《劳动争议调解仲裁法》第十条、第十四条；《劳动人事争议仲裁办案规则》第七十四条（仲裁机构案外调解）',
  rows: [
    count(
      '01',
      '受理案件',
      0,
      '件',
      MED,
      'cases',
      acceptedIn,
      '统计期内登记的调解案件（含仲裁委员会先行调解和调解组织台账登记的案件）',
    ),
    count(
      '02',
      '其中：企业劳动争议调解委员会',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, body('enterprise_committee')),
      '转交企业劳动争议调解委员会调解及其台账登记的案件',
    ),
    count(
      '03',
      '其中：乡镇（街道）、村（社区）调解组织',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, body('street_township')),
      '转交乡镇（街道）劳动保障所（站）、村（社区）等基层调解组织调解及其台账登记的案件',
    ),
    none(
      '04',
      '其中：机关事业单位人事争议调解组织',
      1,
      '件',
      '调解组织名录中没有“机关事业单位人事争议调解组织”这一类型，系统尚不能区分',
    ),
    count(
      '05',
      '其中：仲裁机构案外调解',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, body('arbitration_pre')),
      '仲裁委员会在受理前组织的先行调解',
    ),
    count(
      '06',
      '其中：其他调解组织',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, body('other')),
      '本中心调解员及工会、法院、人民调解组织调解的案件',
    ),
    count(
      '07',
      '按争议类型：劳动报酬',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, cause('remuneration')),
      '第一项请求为劳动报酬类',
    ),
    count(
      '08',
      '按争议类型：社会保险',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, cause('social_insurance')),
      '第一项请求为社会保险类',
    ),
    count(
      '09',
      '按争议类型：变更、解除、终止劳动合同',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, cause('contract')),
      '第一项请求为经济补偿或违法解除赔偿金',
    ),
    count(
      '10',
      '按争议类型：工伤',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, cause('work_injury')),
      '第一项请求为工伤类',
    ),
    count(
      '11',
      '按争议类型：其他',
      1,
      '件',
      MED,
      'cases',
      and(acceptedIn, cause('other')),
      '第一项请求为其他类型',
    ),
    count('12', '办结案件', 0, '件', MED, 'cases', closedIn, '统计期内调解终结的案件'),
    count(
      '13',
      '其中：调解成功（含部分达成）',
      1,
      '件',
      MED,
      'cases',
      and(closedIn, closure('med_agreed')),
      '达成全部或部分调解协议',
    ),
    count(
      '14',
      '其中：调解不成',
      1,
      '件',
      MED,
      'cases',
      and(closedIn, closure('med_no_agreement')),
      '对方拒绝、调解不成、期满未达成、当事人未到场',
    ),
    count(
      '15',
      '其中：撤回',
      1,
      '件',
      MED,
      'cases',
      and(closedIn, closure('med_withdrawn')),
      '申请人撤回调解申请',
    ),
    count('16', '涉及劳动者人数', 0, '人', MED, 'workers', acceptedIn, '本期受理案件的劳动者人数之和'),
    count('17', '涉及金额', 0, '元', MED, 'claimedFen', acceptedIn, '本期受理案件的请求金额之和'),
    count(
      '18',
      '调解协议金额',
      0,
      '元',
      MED,
      'settledFen',
      and(closedIn, closure('med_agreed')),
      '双方均同意的调解建议金额之和',
    ),
    count('19', '期末未结案件', 0, '件', MED, 'cases', pendingAtEnd, '统计期末尚在调解中的案件'),
    count(
      '20',
      '调解协议已履行金额',
      0,
      '元',
      MED,
      'paidFen',
      and(closedIn, closure('med_agreed')),
      '本期达成协议案件的调解协议确定的义务中，截至期末已确认付款的金额之和（调解仲裁法第十五条）',
    ),
  ],
  checks: [
    {
      code: 'bodies',
      label: '各类调解组织之和 = 受理案件（机关事业单位一栏无数据来源，按0计）',
      left: ['02', '03', '04', '05', '06'],
      right: ['01'],
    },
    {
      code: 'causes',
      label: '各争议类型之和 = 受理案件',
      left: ['07', '08', '09', '10', '11'],
      right: ['01'],
    },
    { code: 'results', label: '成功 + 不成 + 撤回 = 办结案件', left: ['13', '14', '15'], right: ['12'] },
  ],
};

// ---------------------------------------------------------------------------------------------
// 劳动保障监察 indicators
// ---------------------------------------------------------------------------------------------
const INS = 'inspection' as const;
const complaint: Predicate = (f) => f.inspectionSource === 'complaint' || f.inspectionSource === 'report';
const proactive: Predicate = (f) => f.inspectionSource === 'ex_officio' || f.inspectionSource === 'campaign';
const outcome =
  (k: string): Predicate =>
  (f) =>
    f.outcomes.includes(k);
const registeredIn: Predicate = (f, p) => inPeriod(f.registeredOn, p);

export const INSPECTION_TABLE: TableSpec = {
  code: 'inspection',
  title: '劳动保障监察情况',
  formNumber: '人社统（监察）表',
  basis:
    '人力资源社会保障统计报表制度（劳动保障监察统计报表）；《劳动保障监察条例》第十八条、第十九条、第二十二条；《保障农民工工资支付条例》',
  rows: [
    count(
      '01',
      '主动检查用人单位户数',
      0,
      '户',
      INS,
      'cases',
      and(registeredIn, proactive),
      '统计期内登记的日常巡视与专项检查案件（每案一户）',
    ),
    count(
      '02',
      '主动检查涉及劳动者人数',
      1,
      '人',
      INS,
      'workers',
      and(registeredIn, proactive),
      '主动检查案件登记的劳动者人数',
    ),
    none('03', '书面审查用人单位户数', 0, '户', '系统尚未记录年度书面审查（用人单位报送材料审查）'),
    count(
      '04',
      '受理投诉举报案件',
      0,
      '件',
      INS,
      'cases',
      and(acceptedIn, complaint),
      '统计期内立案的投诉、举报案件',
    ),
    count(
      '05',
      '投诉举报案件结案',
      1,
      '件',
      INS,
      'cases',
      and(closedIn, complaint),
      '统计期内结案的投诉、举报案件',
    ),
    {
      kind: 'ratio',
      code: '06',
      label: '投诉举报结案率',
      indent: 1,
      unit: '%',
      numerator: '05',
      denominator: '04',
      rule: '结案数 ÷ 受理数 × 100',
    },
    count(
      '07',
      '责令改正',
      0,
      '件',
      INS,
      'cases',
      and(closedIn, outcome('order')),
      '本期结案、作出责令改正指令书的案件',
    ),
    count(
      '08',
      '行政处罚',
      0,
      '件',
      INS,
      'cases',
      and(closedIn, outcome('penalty')),
      '本期结案、作出行政处罚决定的案件',
    ),
    count(
      '09',
      '责令支付赔偿金',
      0,
      '件',
      INS,
      'cases',
      and(closedIn, outcome('compensation')),
      '本期结案、责令加付赔偿金的案件',
    ),
    count(
      '10',
      '为劳动者追发工资等待遇',
      0,
      '元',
      INS,
      'recoveredFen',
      closedIn,
      '本期结案案件中已履行的责令改正、赔偿金额之和',
    ),
    count(
      '11',
      '涉及劳动者人数',
      1,
      '人',
      INS,
      'recoveredWorkers',
      closedIn,
      '已履行的责令改正、赔偿涉及的劳动者人数',
    ),
    count(
      '12',
      '其中：农民工人数',
      2,
      '人',
      INS,
      'recoveredWorkers',
      and(closedIn, (f) => f.migrant),
      '事项登记有农民工的案件中已履行追发涉及的劳动者人数',
    ),
    none('13', '督促签订劳动合同人数', 0, '人', '系统未记录检查后补签劳动合同的人数'),
    none('14', '督促参加社会保险', 0, '人', '系统未记录检查后督促参保的人数'),
    none('15', '清退童工人数', 0, '人', '系统未记录清退童工'),
    count(
      '16',
      '处理因欠薪引发的集体事件',
      0,
      '件',
      INS,
      'cases',
      and(registeredIn, collective),
      '统计期内登记的集体（十人以上）监察案件',
    ),
    count(
      '17',
      '集体事件涉及劳动者人数',
      1,
      '人',
      INS,
      'workers',
      and(registeredIn, collective),
      '上述案件的劳动者人数',
    ),
    count(
      '18',
      '移送公安机关',
      0,
      '件',
      INS,
      'cases',
      and(closedIn, outcome('police_referral')),
      '本期结案、移送涉嫌拒不支付劳动报酬罪的案件',
    ),
    none('19', '公布重大劳动保障违法行为', 0, '件', '系统未记录向社会公布重大违法行为'),
    count('20', '期末未结案件', 0, '件', INS, 'cases', pendingAtEnd, '统计期末已立案尚未结案的案件'),
  ],
  checks: [],
};

// ---------------------------------------------------------------------------------------------
// 信访、法律援助
// ---------------------------------------------------------------------------------------------
export const PETITION_LEGAL_AID_TABLE: TableSpec = {
  code: 'petition-legal-aid',
  title: '信访与法律援助情况',
  formNumber: '中心统计表（信访、法律援助）',
  basis:
    '《信访工作条例》第二十五条、第三十一条、第三十二条、第三十五条、第三十六条；《法律援助法》第四十三条',
  rows: [
    count('01', '信访事项登记', 0, '件', 'petition', 'cases', registeredIn, '统计期内登记的信访事项'),
    count(
      '02',
      '受理',
      1,
      '件',
      'petition',
      'cases',
      acceptedIn,
      '统计期内受理的信访事项（信访工作条例第三十二条）',
    ),
    count(
      '03',
      '转送、导入法定途径',
      1,
      '件',
      'petition',
      'cases',
      and(registeredIn, (f) => f.forwarded),
      '统计期内登记并转送有权机关或导入调解、仲裁、监察等法定途径的事项',
    ),
    count(
      '04',
      '办结',
      1,
      '件',
      'petition',
      'cases',
      closedIn,
      '统计期内办结（出具处理意见、答复、调解和解）的已受理事项',
    ),
    count(
      '05',
      '其中：期限内答复',
      2,
      '件',
      'petition',
      'cases',
      and(closedIn, (f) => f.withinLimit === true),
      '办结且无逾期期限（信访工作条例第三十五条）',
    ),
    count(
      '06',
      '复查、复核',
      1,
      '件',
      'petition',
      'cases',
      and(registeredIn, (f) => f.reviewed),
      '统计期内登记、经复查或复核的事项',
    ),
    count('07', '法律援助申请', 0, '件', 'legal_aid', 'cases', registeredIn, '统计期内登记的法律援助申请'),
    count(
      '08',
      '决定给予援助',
      1,
      '件',
      'legal_aid',
      'cases',
      acceptedIn,
      '统计期内决定给予（含先行）援助的案件',
    ),
    count(
      '09',
      '决定不予援助',
      1,
      '件',
      'legal_aid',
      'cases',
      and(registeredIn, (f) => f.refused),
      '统计期内登记、决定不予援助的申请',
    ),
    count('10', '援助结案', 1, '件', 'legal_aid', 'cases', closedIn, '统计期内结案（含终止援助）的案件'),
    count(
      '11',
      '援助劳动者人数',
      1,
      '人',
      'legal_aid',
      'workers',
      acceptedIn,
      '统计期内给予援助案件的劳动者人数',
    ),
  ],
  checks: [],
};

export const STAT_TABLES: readonly TableSpec[] = [
  ARBITRATION_TABLE,
  MEDIATION_TABLE,
  INSPECTION_TABLE,
  PETITION_LEGAL_AID_TABLE,
];

export function statTable(code: string): TableSpec | undefined {
  return STAT_TABLES.find((t) => t.code === code);
}
