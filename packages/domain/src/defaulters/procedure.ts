/**
 * The defaulter list procedure (拖欠农民工工资失信联合惩戒对象名单, issue #21 point 4) as data:
 * the statutory grounds, the steps with the document each issues and the clock each starts, and the
 * periods with their basis.
 *
 * Source: 《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号，2022年1月1日施行；
 * 以下简称《名单办法》）, made under 《保障农民工工资支付条例》第四十八条. The grounds (第五条), the
 * three-year term and early removal after six months from the correction with a credit commitment
 * were checked against the ministry's published summary. The article numbers of the notice, the term
 * and the removal, and the number of working days for the statement, could not be checked against
 * the official text here: each `basis` below says so, and an administrator should confirm them
 * before relying on them.
 */

export const DEFAULTER_RULE =
  '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）';

const UNVERIFIED = '（条号待与公布文本核对）';

/** 第五条: the grounds. Both need a prior order to pay by a deadline that was not met. */
export const DEFAULTER_GROUNDS = {
  criminal_threshold: {
    label: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
    basis: `${DEFAULTER_RULE}第五条第一款第（一）项`,
  },
  serious_incident: {
    label: '因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响',
    basis: `${DEFAULTER_RULE}第五条第一款第（二）项`,
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
    basis: `${DEFAULTER_RULE}关于列入前告知和陈述、申辩的规定${UNVERIFIED}；期间按五个工作日设置，管理员核对原文后可调整`,
  },
  /** Term of the listing. */
  termYears: {
    years: 3,
    basis: `${DEFAULTER_RULE}关于列入期限为三年的规定${UNVERIFIED}`,
  },
  /** Early removal: after paying, six months from the correction, with a credit commitment. */
  earlyRemoval: {
    monthsAfterCorrection: 6,
    basis: `${DEFAULTER_RULE}关于信用修复、提前移出的规定（偿还拖欠工资，自改正之日起满六个月，并作出守信承诺）${UNVERIFIED}`,
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
