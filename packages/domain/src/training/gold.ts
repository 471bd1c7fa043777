/**
 * 金牌 selection (issue #19 item 5): gold-medal mediation organisations and mediators are picked each
 * year by a weighted score over criteria kept as data (table gold_criterion, snapshotted into each
 * round). No national text sets the criteria or weights; they are the bureau's rule (basis below).
 * Every criterion yields a value on 0–100; the total is the weighted mean, rounded to two decimals.
 */

export const GOLD_CRITERIA = [
  'cases_handled',
  'success_rate',
  'agreement_performance',
  'complaints',
  'training_hours',
  'standard',
  'panel',
] as const;
export type GoldCriterionCode = (typeof GOLD_CRITERIA)[number];

export interface GoldCriterion {
  code: GoldCriterionCode;
  label: string;
  weight: number;
  /**
   * cases_handled: the number of closed cases that earns full marks; complaints: points deducted per
   * substantiated complaint; unused by the others.
   */
  target: number | null;
  basis: string;
}

const BASIS = '本局金牌调解组织和金牌调解员评选办法（评选标准和权重由本局确定，可修改）';

export const DEFAULT_GOLD_CRITERIA: readonly GoldCriterion[] = [
  { code: 'cases_handled', label: '办结案件数', weight: 20, target: 10, basis: BASIS },
  {
    code: 'success_rate',
    label: '调解成功率',
    weight: 25,
    target: null,
    basis: `《劳动争议调解仲裁法》第十四条（达成调解协议）；${BASIS}`,
  },
  {
    code: 'agreement_performance',
    label: '协议履行率',
    weight: 15,
    target: null,
    basis: `《劳动争议调解仲裁法》第十五条（协议的履行）；${BASIS}`,
  },
  { code: 'complaints', label: '投诉情况', weight: 10, target: 25, basis: BASIS },
  { code: 'training_hours', label: '培训学时', weight: 10, target: null, basis: BASIS },
  {
    code: 'standard',
    label: '六有五统一',
    weight: 10,
    target: null,
    basis: `人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）；${BASIS}`,
  },
  { code: 'panel', label: '评审组评分', weight: 10, target: null, basis: BASIS },
];

export type StandardState = 'passed' | 'failed' | 'never' | 'not_applicable';

/** What the record says about a nominee for the round's year. */
export interface GoldRecord {
  /** Cases closed in the year. */
  casesClosed: number;
  agreements: number;
  /** Agreements whose payment obligations are followed (0: none followed). */
  agreementsFollowed: number;
  agreementsPerformed: number;
  complaints: number;
  /** For a mediator: hours done / required; for an organisation: members meeting their minimum / members. */
  training: { done: number; required: number };
  standard: StandardState;
  panelMarks: readonly number[];
}

export interface GoldPart {
  code: GoldCriterionCode;
  label: string;
  weight: number;
  /** 0–100. */
  value: number;
  /** How the value was reached, in Chinese (shown beside the score). */
  explain: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const pct = (num: number, den: number) => (den <= 0 ? 0 : Math.min(100, (num / den) * 100));

export function criterionValue(
  c: Pick<GoldCriterion, 'code' | 'target'>,
  r: GoldRecord,
): { value: number; explain: string } {
  switch (c.code) {
    case 'cases_handled': {
      const target = c.target ?? 1;
      return {
        value: round2(pct(r.casesClosed, target)),
        explain: `办结${r.casesClosed}件（${target}件为满分）`,
      };
    }
    case 'success_rate':
      return {
        value: round2(pct(r.agreements, r.casesClosed)),
        explain: r.casesClosed ? `达成协议${r.agreements}件／办结${r.casesClosed}件` : '无办结案件',
      };
    case 'agreement_performance':
      return {
        value: round2(pct(r.agreementsPerformed, r.agreementsFollowed)),
        explain: r.agreementsFollowed
          ? `已履行${r.agreementsPerformed}件／跟踪履行${r.agreementsFollowed}件`
          : '无履行跟踪记录',
      };
    case 'complaints': {
      const per = c.target ?? 25;
      return {
        value: Math.max(0, 100 - r.complaints * per),
        explain: r.complaints ? `有效投诉${r.complaints}件，每件扣${per}分` : '无有效投诉',
      };
    }
    case 'training_hours':
      return {
        value: r.training.required ? round2(pct(r.training.done, r.training.required)) : 100,
        explain: r.training.required ? `${r.training.done}／${r.training.required}` : '无培训要求',
      };
    case 'standard': {
      const map: Record<StandardState, [number, string]> = {
        passed: [100, '六有五统一达标'],
        failed: [0, '六有五统一未达标'],
        never: [0, '六有五统一未评估'],
        not_applicable: [100, '中心调解员，不适用'],
      };
      const [value, explain] = map[r.standard];
      return { value, explain };
    }
    case 'panel': {
      const n = r.panelMarks.length;
      const avg = n ? r.panelMarks.reduce((a, b) => a + b, 0) / n : 0;
      return { value: round2(avg), explain: n ? `评审组${n}人评分平均` : '尚无评审组评分' };
    }
  }
}

/** The weighted score of a nominee: Σ weight × value ÷ Σ weight, two decimals. */
export function goldScore(
  criteria: readonly GoldCriterion[],
  r: GoldRecord,
): { total: number; parts: GoldPart[] } {
  const parts = criteria.map((c) => ({
    code: c.code,
    label: c.label,
    weight: c.weight,
    ...criterionValue(c, r),
  }));
  const weights = parts.reduce((s, p) => s + p.weight, 0);
  const total = weights ? round2(parts.reduce((s, p) => s + p.weight * p.value, 0) / weights) : 0;
  return { total, parts };
}

export const GOLD_ROUND_STATUSES = ['open', 'marking', 'scored', 'approved', 'published'] as const;
export type GoldRoundStatus = (typeof GOLD_ROUND_STATUSES)[number];

export const GOLD_ROUND_STATUS_LABELS: Readonly<Record<GoldRoundStatus, string>> = {
  open: '接受推荐',
  marking: '评审打分',
  scored: '已计分待审批',
  approved: '已审批',
  published: '已公布',
};

export const GOLD_NOMINEE_KINDS = ['organization', 'mediator'] as const;
export type GoldNomineeKind = (typeof GOLD_NOMINEE_KINDS)[number];
export const GOLD_NOMINEE_KIND_LABELS: Readonly<Record<GoldNomineeKind, string>> = {
  organization: '金牌调解组织',
  mediator: '金牌调解员',
};
