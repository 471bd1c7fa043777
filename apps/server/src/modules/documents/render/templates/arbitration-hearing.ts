import {
  ABSENCE_CONSEQUENCE,
  ARBITRATORS_SPEC,
  type AwardItem,
  awardItemBlocks,
  BRING_TO_HEARING,
  CASE_NAME_SPECS,
  caseLine,
  claimsAndDefence,
  FINALITY_LABEL,
  LAW,
  partiesHeading,
  tribunalSignature,
} from './arbitration-parts.js';
import { dt, defineTemplate, h, kv, list, p } from './template.js';

export { APPEAL_RIGHTS, type AwardFinality, type AwardItem, FINALITY_LABEL } from './arbitration-parts.js';

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
    ...CASE_NAME_SPECS,
    { key: 'hearingAt', label: '开庭时间', kind: 'datetime' },
    { key: 'hearingPlace', label: '开庭地点' },
    { key: 'presidingArbitrator', label: '首席（独任）仲裁员' },
    { key: 'clerk', label: '书记员' },
  ],
  addressee: (f) => f.addresseeName,
  build: (f) => {
    const rows: [string, string][] = [
      ['案由', caseLine(f)],
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
        BRING_TO_HEARING,
        `当事人有正当理由的，可以在开庭三日前请求延期开庭，是否延期由本委决定（${LAW}第三十五条）。`,
        ABSENCE_CONSEQUENCE,
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
    ...CASE_NAME_SPECS,
    { key: 'claims', label: '仲裁请求', kind: 'texts' },
    { key: 'agreedTerms', label: '调解协议内容', kind: 'texts' },
    ARBITRATORS_SPEC,
  ],
  build: (f, ctx) => [
    ...partiesHeading(ctx, f),
    p(`申请人与被申请人${f.caseCause}争议一案，本委依法受理。申请人的仲裁请求为：`),
    list(f.claims),
    p('本案在仲裁庭主持下，双方当事人自愿达成如下协议：'),
    list(f.agreedTerms),
    p(
      '上述协议符合有关法律规定，本委予以确认。本调解书经双方当事人签收后，即发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条）。一方当事人逾期不履行的，另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行。',
    ),
    tribunalSignature(ctx, f),
  ],
});

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
  /** A simplified case heard on the papers (书面审理, issue #20): how it was heard, printed in the opening. */
  writtenHearing?: string;
}

export const award = defineTemplate<AwardFields>({
  type: 'award',
  title: '裁决书',
  required: [
    ...CASE_NAME_SPECS,
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
    ARBITRATORS_SPEC,
  ],
  build: (f, ctx) => [
    ...partiesHeading(ctx, f),
    p(
      f.writtenHearing
        ? `申请人与被申请人${f.caseCause}争议一案，本委依法受理并组成仲裁庭。${f.writtenHearing.replace(/[。；]$/, '')}，现已审理终结。`
        : `申请人与被申请人${f.caseCause}争议一案，本委依法受理并组成仲裁庭进行了审理，现已审理终结。`,
    ),
    ...claimsAndDefence(ctx, f.claims),
    h('三、本委查明'),
    p(f.facts),
    h('四、本委认为'),
    p(f.reasons),
    h('五、裁决如下'),
    ...awardItemBlocks(f.items),
    tribunalSignature(ctx, f),
  ],
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
