/**
 * The defaulter list procedure (拖欠农民工工资失信联合惩戒对象名单, issue #21 point 4) as data:
 * the statutory grounds, the steps with the document each issues and the clock each starts, and the
 * periods with their basis.
 *
 * Source: 《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号，2022年1月1日施行；
 * 以下简称《名单办法》）, made under 《保障农民工工资支付条例》第四十八条 (the project rulebook, S6 Art. 48,
 * verified from the full text). The rulebook holds no text of 第45号 itself, so each citation carries how
 * far it was checked (`confidence`, `check`; shown to administrators, never printed on a document):
 * - 第五条 (the two grounds, the order to pay by a deadline not met, the listing of the legal
 *   representative and the persons responsible) was read in a published copy of the full text [V2];
 * - the three-year term and early removal after paying, six months from the correction, with a credit
 *   commitment were checked against the ministry's published summary of the rule [V2], their article
 *   numbers were not, so the documents cite them as 《名单办法》关于…的规定 without a number;
 * - the notice before listing with the right to state a case and object, and the removal at the end of
 *   the term, could not be checked at all [U]: the five working days and the end-of-term removal are
 *   the center's settings until an administrator confirms them against the published text.
 */

export const DEFAULTER_RULE =
  '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）';

/** The statute the rule is made under (《保障农民工工资支付条例》第四十八条, full text checked). */
export const DEFAULTER_ACT = '《保障农民工工资支付条例》第四十八条';

/** How a citation was checked: V2 seen in a secondary copy or the ministry's summary, U not seen. */
export type DefaulterCitationCheck = 'V2' | 'U';

const NO_NUMBER = '《名单办法》的条号未能与公布文本核对，文书中不写条号';

/** 第五条: the grounds. Both need a prior order to pay by a deadline that was not met. */
export const DEFAULTER_GROUNDS = {
  criminal_threshold: {
    label: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    basis: `${DEFAULTER_RULE}第五条第一款第（一）项`,
    confidence: 'V2' as DefaulterCitationCheck,
  },
  serious_incident: {
    label: '因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响',
    basis: `${DEFAULTER_RULE}第五条第一款第（二）项`,
    confidence: 'V2' as DefaulterCitationCheck,
  },
} as const;
export type DefaulterGround = keyof typeof DEFAULTER_GROUNDS;
export const DEFAULTER_GROUND_CODES = Object.keys(DEFAULTER_GROUNDS) as DefaulterGround[];

/** The precondition common to both grounds (第五条第一款). */
export const ORDER_PRECONDITION = {
  label: '经人力资源社会保障行政部门依法责令限期支付工资，逾期未支付',
  basis: `${DEFAULTER_RULE}第五条第一款`,
} as const;

export const DEFAULTER_PERIODS = {
  /** The employer may state its case and object after receiving the notice. */
  statement: {
    workingDays: 5,
    basis: `${DEFAULTER_RULE}关于作出列入决定前告知当事人并听取陈述、申辩的规定`,
    confidence: 'U' as DefaulterCitationCheck,
    check: `${NO_NUMBER}；陈述、申辩的期间未能核对，按五个工作日设置，管理员核对后可调整`,
  },
  /** Term of the listing. */
  termYears: {
    years: 3,
    basis: `${DEFAULTER_RULE}关于列入期限为三年的规定`,
    confidence: 'V2' as DefaulterCitationCheck,
    check: `三年期限已与人力资源社会保障部发布的办法解读核对；${NO_NUMBER}`,
  },
  /** Early removal: after paying, six months from the correction, with a credit commitment. */
  earlyRemoval: {
    monthsAfterCorrection: 6,
    basis: `${DEFAULTER_RULE}关于信用修复、提前移出的规定（偿还拖欠工资，自改正之日起满六个月，并作出守信承诺）`,
    confidence: 'V2' as DefaulterCitationCheck,
    check: `满六个月和守信承诺已与人力资源社会保障部发布的办法解读核对；${NO_NUMBER}`,
  },
  /** Removal when the term ends (by the daily job, with its notice). */
  expiry: {
    basis: `${DEFAULTER_RULE}关于列入期限届满移出名单的规定`,
    confidence: 'U' as DefaulterCitationCheck,
    check: `${NO_NUMBER}；期满之日由系统自动移出并出具移出通知书、停止公开`,
  },
} as const;

export const DEFAULTER_STATES = {
  proposed: '拟列入（已告知）',
  statement_received: '已陈述申辩，待决定',
  decided_not_listed: '决定不予列入',
  listed: '已决定列入，待公开',
  published: '已列入并公开',
  removal_requested: '已申请提前移出',
  removed: '已提前移出',
  expired: '列入期满移出',
} as const;
export type DefaulterState = keyof typeof DEFAULTER_STATES;

/** The steps: which state each needs, where it leads, its document and the clocks it starts and ends. */
export const DEFAULTER_STEPS = {
  propose: {
    label: '提出拟列入并告知',
    from: [] as readonly DefaulterState[],
    to: 'proposed',
    document: 'defaulter_notice',
    startsClock: 'defaulter.statement',
    meetsClock: null,
  },
  statement: {
    label: '记录陈述、申辩',
    from: ['proposed'],
    to: 'statement_received',
    document: 'defaulter_statement_record',
    startsClock: 'defaulter.decision',
    meetsClock: 'defaulter.statement',
  },
  decide: {
    label: '作出列入决定',
    from: ['proposed', 'statement_received'],
    to: 'listed',
    document: 'defaulter_listing_decision',
    startsClock: 'defaulter.publication',
    meetsClock: 'defaulter.decision',
    /** Decided not to list: its own decision, with the reasons. */
    refusal: {
      label: '作出不予列入决定',
      to: 'decided_not_listed',
      document: 'defaulter_not_listed_decision',
    },
  },
  publish: {
    label: '公开名单',
    from: ['listed'],
    to: 'published',
    document: 'defaulter_publication',
    startsClock: 'defaulter.listing-term',
    meetsClock: 'defaulter.publication',
  },
  request_removal: {
    label: '受理提前移出申请',
    from: ['published'],
    to: 'removal_requested',
    document: 'defaulter_removal_receipt',
    startsClock: 'defaulter.removal-review',
    meetsClock: null,
  },
  remove: {
    label: '作出提前移出决定',
    from: ['removal_requested'],
    to: 'removed',
    document: 'defaulter_removal_decision',
    startsClock: null,
    meetsClock: 'defaulter.removal-review',
    /** Removal refused: the listing stays published; the decision gives the reasons. */
    refusal: { label: '作出不予提前移出决定', to: 'published', document: 'defaulter_removal_refusal' },
  },
  expire: {
    label: '列入期限届满移出',
    from: ['listed', 'published', 'removal_requested'],
    to: 'expired',
    document: 'defaulter_expiry_notice',
    startsClock: null,
    meetsClock: 'defaulter.listing-term',
  },
} as const satisfies Record<
  string,
  {
    label: string;
    from: readonly DefaulterState[];
    to: DefaulterState;
    document: string;
    startsClock: string | null;
    meetsClock: string | null;
    refusal?: { label: string; to: DefaulterState; document: string };
  }
>;
export type DefaulterStep = keyof typeof DEFAULTER_STEPS;

/** May `step` follow from `state`? */
export function stepAllowed(step: DefaulterStep, state: DefaulterState | null): boolean {
  const from = DEFAULTER_STEPS[step].from as readonly DefaulterState[];
  return state === null ? from.length === 0 : from.includes(state);
}

/** The earliest day an early removal may be applied for: six months after the correction (payment). */
export function earliestRemovalDate(correctedOn: string): string {
  const [y, m, d] = correctedOn.split('-').map(Number) as [number, number, number];
  const months = DEFAULTER_PERIODS.earlyRemoval.monthsAfterCorrection;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The day the listing ends by lapse of time (the corresponding day three years later). */
export function listingEndsOn(decidedOn: string): string {
  const [y, m, d] = decidedOn.split('-').map(Number) as [number, number, number];
  const years = DEFAULTER_PERIODS.termYears.years;
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
