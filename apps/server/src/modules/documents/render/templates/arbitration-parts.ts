import { REMEDY_BODIES } from '@onestop/domain';
import type { Block } from '../model.js';
import { type DocumentContext, h, list, p, partyBlocks, sign, tribunalEntries, yuan } from './template.js';

// The parts every arbitration document of a case shares (issue #13: one place per block, never a copy
// in each template): the case specs, the parties' heading, the claims and the defence, the award items
// with their remedy, the hearing attendance notes and the tribunal's signature block. Used by
// arbitration-hearing.ts and arbitration-steps.ts. 调解仲裁法 = 《中华人民共和国劳动争议调解仲裁法》.

export const LAW = '《中华人民共和国劳动争议调解仲裁法》';
export const RULES = '《劳动人事争议仲裁办案规则》';

/** The fields naming the case: the parties and the cause. */
export interface CaseNames {
  applicantName: string;
  respondentName: string;
  caseCause: string;
}

/** The required specs of the case names (every case document lists them). */
export const CASE_NAME_SPECS = [
  { key: 'applicantName', label: '申请人' },
  { key: 'respondentName', label: '被申请人' },
  { key: 'caseCause', label: '案由' },
];

export const ARBITRATORS_SPEC = { key: 'arbitrators', label: '仲裁员', kind: 'texts' as const };

/** "张三与某公司劳动报酬争议" */
export const caseLine = (f: CaseNames) => `${f.applicantName}与${f.respondentName}${f.caseCause}争议`;

/** 申请人 and 被申请人 with their particulars (the master record's snapshot when the context has one). */
export const partiesHeading = (ctx: DocumentContext, f: CaseNames): Block[] => [
  ...partyBlocks(ctx, ['申请人'], [`申请人：${f.applicantName}`]),
  ...partyBlocks(ctx, ['被申请人'], [`被申请人：${f.respondentName}`]),
];

/** What the documents say when the respondent filed no written defence. */
export const NO_DEFENCE = '被申请人在答辩期内未提交书面答辩意见。';

/** 一、申请人的仲裁请求 / 二、被申请人辩称 (the defence from the case record, 办案规则第四十九条). */
export const claimsAndDefence = (ctx: DocumentContext, claims: string[]): Block[] => [
  h('一、申请人的仲裁请求'),
  list(claims),
  h('二、被申请人辩称'),
  p(ctx.defence?.trim() || NO_DEFENCE),
];

/** The tribunal (presiding arbitrator first and labelled) and the 书记员, signing. */
export const tribunalSignature = (
  ctx: DocumentContext,
  f: { arbitrators: string[]; clerk?: string | undefined },
): Block => sign(...tribunalEntries(ctx, f.arbitrators, f.clerk));

export type AwardFinality = 'final' | 'non_final';

export interface AwardItem {
  text: string;
  finality: AwardFinality;
  amount?: number;
}

export const FINALITY_LABEL: Record<AwardFinality, string> = { final: '终局', non_final: '非终局' };

// 调解仲裁法 Arts. 47–50: final items bind the employer at once; the worker may still sue in 15 days,
// the employer may only apply to the intermediate court within 30 days to set the award aside.
export const APPEAL_RIGHTS: Record<AwardFinality, string> = {
  final: `以上终局裁决事项自本裁决书作出之日起发生法律效力。劳动者对终局裁决事项不服的，可以自收到本裁决书之日起十五日内向${REMEDY_BODIES.basicCourt}提起诉讼（${LAW}第四十八条）；用人单位有证据证明终局裁决事项有${LAW}第四十九条规定情形之一的，可以自收到本裁决书之日起三十日内向本委所在地的中级人民法院（${REMEDY_BODIES.intermediateCourt}）申请撤销裁决。`,
  non_final: `当事人对以上非终局裁决事项不服的，可以自收到本裁决书之日起十五日内向${REMEDY_BODIES.basicCourt}提起诉讼；期满不起诉的，裁决书发生法律效力（${LAW}第五十条）。`,
};

/**
 * The award items, final ones first, numbered across both groups, each group followed by its remedy
 * (the court and the days): "（终局）第1项：…，金额15,600.00元（大写）。".
 */
export function awardItemBlocks(items: readonly AwardItem[]): Block[] {
  const blocks: Block[] = [];
  let n = 0;
  for (const finality of ['final', 'non_final'] as const) {
    const group = items.filter((i) => i.finality === finality);
    if (group.length === 0) continue;
    blocks.push(
      list(
        group.map((i) => {
          n += 1;
          const amount = i.amount === undefined ? '' : `，金额${yuan(i.amount, { words: true })}`;
          return `（${FINALITY_LABEL[finality]}）第${n}项：${i.text.replace(/[。；]$/, '')}${amount}。`;
        }),
        false,
      ),
      p(APPEAL_RIGHTS[finality]),
    );
  }
  return blocks;
}

/** What to bring to a hearing. */
export const BRING_TO_HEARING = '请携带身份证明、授权委托书及证据原件按时到庭。';

/** The consequence of not appearing (调解仲裁法第三十六条). */
export const ABSENCE_CONSEQUENCE = `申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（${LAW}第三十六条）。`;
