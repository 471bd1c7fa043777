import type { Block } from '../model.js';
import { REMEDY_BODIES } from '@onestop/domain';
import { dt, defineTemplate, h, kv, list, p, partyBlocks, sign, tribunalEntries, yuan } from './template.js';

// Arbitration documents after acceptance (《劳动争议调解仲裁法》第三十一条至第五十条, arbitration documents, 劳动人事争议仲裁文书样式; 调解仲裁法 Arts. 35–36, 42, 46–50).

export interface HearingNoticeFields {
  addresseeName: string;
  applicantName: string;
  respondentName: string;
  caseCause: string;
  hearingAt: string;
  hearingPlace: string;
  presidingArbitrator: string;
  clerk: string;
  arbitrators?: string[];
}

export const hearingNotice = defineTemplate<HearingNoticeFields>({
  type: 'hearing_notice',
  title: '开庭通知书',
  required: [
    { key: 'addresseeName', label: '受通知人' },
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'hearingAt', label: '开庭时间', kind: 'datetime' },
    { key: 'hearingPlace', label: '开庭地点' },
    { key: 'presidingArbitrator', label: '首席（独任）仲裁员' },
    { key: 'clerk', label: '书记员' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => {
    const rows: [string, string][] = [
      ['案由', `${f.applicantName}与${f.respondentName}${f.caseCause}争议`],
      ['开庭时间', dt(f.hearingAt)],
      ['开庭地点', f.hearingPlace],
      [f.arbitrators?.length ? '首席仲裁员' : '独任仲裁员', f.presidingArbitrator],
    ];
    if (f.arbitrators?.length) rows.push(['仲裁员', f.arbitrators.join('、')]);
    rows.push(['书记员', f.clerk]);
    return [
      p('本委受理的下列案件定于以下时间、地点开庭审理，请准时到庭：'),
      kv(rows),
      list([
        '请携带身份证明、授权委托书及证据原件按时到庭。',
        '当事人有正当理由的，可以在开庭三日前请求延期开庭，是否延期由本委决定（《中华人民共和国劳动争议调解仲裁法》第三十五条）。',
        '申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（同法第三十六条）。',
      ]),
    ];
  },
});

export interface ArbitralMediationStatementFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  claims: string[];
  agreedTerms: string[];
  arbitrators: string[];
  clerk?: string;
}

export const arbitralMediationStatement = defineTemplate<ArbitralMediationStatementFields>({
  type: 'arbitral_mediation_statement',
  title: '仲裁调解书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'claims', label: '仲裁请求', kind: 'texts' },
    { key: 'agreedTerms', label: '调解协议内容', kind: 'texts' },
    { key: 'arbitrators', label: '仲裁员', kind: 'texts' },
  ],
  build: (f, ctx) => [
    ...partyBlocks(ctx, ['申请人'], [`申请人：${f.applicantName}`]),
    ...partyBlocks(ctx, ['被申请人'], [`被申请人：${f.respondentName}`]),
    p(`申请人与被申请人${f.caseCause}争议一案，本委依法受理。申请人的仲裁请求为：`),
    list(f.claims),
    p('本案在仲裁庭主持下，双方当事人自愿达成如下协议：'),
    list(f.agreedTerms),
    p(
      '上述协议符合有关法律规定，本委予以确认。本调解书经双方当事人签收后，即发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条）。一方当事人逾期不履行的，另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行。',
    ),
    sign(...tribunalEntries(ctx, f.arbitrators, f.clerk)),
  ],
});

export type AwardFinality = 'final' | 'non_final';

export interface AwardItem {
  text: string;
  finality: AwardFinality;
  amount?: number;
}

export interface AwardFields {
  applicantName: string;
  respondentName: string;
  caseCause: string;
  claims: string[];
  facts: string;
  reasons: string;
  items: AwardItem[];
  arbitrators: string[];
  clerk?: string;
}

export const FINALITY_LABEL: Record<AwardFinality, string> = { final: '终局', non_final: '非终局' };

// 调解仲裁法 Arts. 47–50: final items bind the employer at once; the worker may still sue in 15 days,
// the employer may only apply to the intermediate court within 30 days to set the award aside.
export const APPEAL_RIGHTS: Record<AwardFinality, string> = {
  final: `以上终局裁决事项自本裁决书作出之日起发生法律效力。劳动者对终局裁决事项不服的，可以自收到本裁决书之日起十五日内向${REMEDY_BODIES.basicCourt}提起诉讼（《中华人民共和国劳动争议调解仲裁法》第四十八条）；用人单位有证据证明终局裁决事项有《中华人民共和国劳动争议调解仲裁法》第四十九条规定情形之一的，可以自收到本裁决书之日起三十日内向本委所在地的中级人民法院（${REMEDY_BODIES.intermediateCourt}）申请撤销裁决。`,
  non_final: `当事人对以上非终局裁决事项不服的，可以自收到本裁决书之日起十五日内向${REMEDY_BODIES.basicCourt}提起诉讼；期满不起诉的，裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第五十条）。`,
};

export const award = defineTemplate<AwardFields>({
  type: 'award',
  title: '裁决书',
  required: [
    { key: 'applicantName', label: '申请人' },
    { key: 'respondentName', label: '被申请人' },
    { key: 'caseCause', label: '案由' },
    { key: 'claims', label: '仲裁请求', kind: 'texts' },
    { key: 'facts', label: '查明事实' },
    { key: 'reasons', label: '裁决理由' },
    {
      key: 'items',
      label: '裁决事项',
      kind: 'items',
      item: [
        { key: 'text', label: '裁决内容' },
        { key: 'finality', label: '终局/非终局', kind: 'choice', choices: FINALITY_LABEL },
      ],
    },
    { key: 'arbitrators', label: '仲裁员', kind: 'texts' },
  ],
  build: (f, ctx) => {
    const defence = ctx.defence?.trim() || '被申请人在答辩期内未提交书面答辩意见。';
    const blocks: Block[] = [
      ...partyBlocks(ctx, ['申请人'], [`申请人：${f.applicantName}`]),
      ...partyBlocks(ctx, ['被申请人'], [`被申请人：${f.respondentName}`]),
      p(`申请人与被申请人${f.caseCause}争议一案，本委依法受理并组成仲裁庭进行了审理，现已审理终结。`),
      h('一、申请人的仲裁请求'),
      list(f.claims),
      h('二、被申请人辩称'),
      p(defence),
      h('三、本委查明'),
      p(f.facts),
      h('四、本委认为'),
      p(f.reasons),
      h('五、裁决如下'),
    ];
    let n = 0;
    for (const finality of ['final', 'non_final'] as const) {
      const items = f.items.filter((i) => i.finality === finality);
      if (items.length === 0) continue;
      blocks.push(
        list(
          items.map((i) => {
            n += 1;
            const amount = i.amount === undefined ? '' : `，金额${yuan(i.amount, { words: true })}`;
            return `（${FINALITY_LABEL[finality]}）第${n}项：${i.text.replace(/[。；]$/, '')}${amount}。`;
          }),
          false,
        ),
        p(APPEAL_RIGHTS[finality]),
      );
    }
    blocks.push(sign(...tribunalEntries(ctx, f.arbitrators, f.clerk)));
    return blocks;
  },
});

export interface ProofOfServiceFields {
  caseCause: string;
  addresseeName: string;
  documentsServed: string[];
  servicePlace: string;
  serviceMethod: string;
  server?: string;
}

export const proofOfService = defineTemplate<ProofOfServiceFields>({
  type: 'proof_of_service',
  title: '送达回证',
  required: [
    { key: 'caseCause', label: '案由' },
    { key: 'addresseeName', label: '受送达人' },
    { key: 'documentsServed', label: '送达文书', kind: 'texts' },
    { key: 'servicePlace', label: '送达地点' },
    { key: 'serviceMethod', label: '送达方式' },
  ],
  build: (f) => [
    kv([
      ['案由', f.caseCause],
      ['受送达人', f.addresseeName],
      ['送达文书', f.documentsServed.join('；')],
      ['送达地点', f.servicePlace],
      ['送达方式', f.serviceMethod],
      ['受送达人签名（盖章）', ''],
      ['签收时间', '      年    月    日    时    分'],
      ['代收人及代收理由', ''],
      ['拒收事由及见证人', ''],
      ['送达人', f.server ?? ''],
    ]),
    p(
      '受送达人拒绝签收的，送达人应当注明拒收事由和日期，由送达人、见证人签名，并可以采用拍照、录像等方式记录送达过程（《中华人民共和国民事诉讼法》第八十九条）。',
    ),
  ],
});
