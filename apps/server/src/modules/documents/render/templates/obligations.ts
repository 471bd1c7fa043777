import { documentFen } from '@onestop/domain';
import type { Block } from '../model.js';
import { d, defineTemplate, kv, list, p, sign } from './template.js';

// Issue #21: the next steps offered when an agreement, award or 调解书 is not paid.

export interface UnpaidItem {
  item: string;
  amountFen: number;
  paidFen: number;
  dueDate: string;
}

const unpaidLine = (i: UnpaidItem) =>
  `${i.item}：应付${documentFen(i.amountFen)}，履行期限${d(i.dueDate)}，已付${documentFen(i.paidFen)}，未付${documentFen(i.amountFen - i.paidFen)}`;

export interface EnforcementApplicationFields {
  applicantName: string;
  respondentName: string;
  court: string;
  /** 执行依据: e.g. 裁决书 随劳人仲案字〔2026〕第15号 */
  basisDocument: string;
  madeOn: string;
  servedOn: string;
  effectiveOn: string;
  items: UnpaidItem[];
  unpaidTotalFen: number;
}

export const enforcementApplication = defineTemplate<EnforcementApplicationFields>({
  type: 'enforcement_application',
  title: '强制执行申请书',
  required: [
    { key: 'applicantName', label: '申请执行人' },
    { key: 'respondentName', label: '被执行人' },
    { key: 'court', label: '执行法院' },
    { key: 'basisDocument', label: '执行依据' },
    { key: 'madeOn', label: '作出日期', kind: 'date' },
    { key: 'servedOn', label: '送达日期', kind: 'date' },
    { key: 'effectiveOn', label: '生效日期', kind: 'date' },
    {
      key: 'items',
      label: '未履行事项',
      kind: 'items',
      item: [
        { key: 'item', label: '事项' },
        { key: 'dueDate', label: '履行期限', kind: 'date' },
      ],
    },
  ],
  addressee: (f) => f.court,
  build: (f) => [
    kv([
      ['申请执行人', f.applicantName],
      ['被执行人', f.respondentName],
      ['执行依据', f.basisDocument],
      ['作出日期', d(f.madeOn)],
      ['送达日期', d(f.servedOn)],
      ['生效日期', d(f.effectiveOn)],
    ]),
    p('执行请求：'),
    list([
      `责令被执行人向申请执行人支付下列未履行款项共计${documentFen(f.unpaidTotalFen)}：`,
      ...f.items.map(unpaidLine),
      '被执行人负担本案执行费用。',
    ]),
    p(
      `事实和理由：上述${f.basisDocument}已于${d(f.servedOn)}送达双方当事人，于${d(f.effectiveOn)}发生法律效力。被执行人逾期未履行上述义务。根据《中华人民共和国劳动争议调解仲裁法》第五十一条的规定，依照《中华人民共和国民事诉讼法》的有关规定，申请人民法院强制执行（申请执行的期间为二年，《中华人民共和国民事诉讼法》第二百五十条）。`,
    ),
    p('附件：'),
    list([
      `${f.basisDocument}（生效法律文书）副本一份`,
      '送达及生效证明书一份',
      '申请执行人身份证明一份',
      '履行情况记录（付款登记）一份',
    ]),
    sign('申请执行人（签名）：'),
  ],
});

export interface PaymentOrderGuidanceFields {
  workerName: string;
  employerName: string;
  agreementNumber: string;
  agreementDate: string;
  court: string;
  items: UnpaidItem[];
  unpaidTotalFen: number;
}

export const paymentOrderGuidance = defineTemplate<PaymentOrderGuidanceFields>({
  type: 'payment_order_guidance',
  title: '申请支付令告知书',
  required: [
    { key: 'workerName', label: '劳动者' },
    { key: 'employerName', label: '用人单位' },
    { key: 'agreementNumber', label: '调解协议书文号' },
    { key: 'agreementDate', label: '协议日期', kind: 'date' },
    { key: 'court', label: '受理法院' },
    {
      key: 'items',
      label: '未履行事项',
      kind: 'items',
      item: [
        { key: 'item', label: '事项' },
        { key: 'dueDate', label: '履行期限', kind: 'date' },
      ],
    },
  ],
  addressee: (f) => f.workerName,
  build: (f) => [
    p(
      `你与${f.employerName}于${d(f.agreementDate)}签订的调解协议书（${f.agreementNumber}）中，下列支付事项用人单位在约定期限内未履行，未付金额共计${documentFen(f.unpaidTotalFen)}：`,
    ),
    list(f.items.map(unpaidLine)),
    p(
      `根据《中华人民共和国劳动争议调解仲裁法》第十六条的规定，因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，你可以持调解协议书依法向${f.court}申请支付令。`,
    ),
    p(
      '申请时请携带：调解协议书原件及复印件；本人身份证件；用人单位的名称、住所等信息；付款情况的证明材料。人民法院发出支付令后，用人单位应当自收到之日起十五日内清偿或者提出书面异议（《中华人民共和国民事诉讼法》第二百二十七条）；支付令失效或者法院裁定终结督促程序的，你可以依法申请仲裁或者就调解协议向人民法院起诉。',
    ),
  ],
});

export interface EffectivenessCertificateFields {
  applicantName: string;
  respondentName: string;
  /** 执行依据: e.g. 裁决书 随劳人仲案字〔2026〕第15号 */
  basisDocument: string;
  madeOn: string;
  /** How the document was served, one line each (recipient, method, date). */
  services: string[];
  effectiveOn: string;
  /** Why it is in force on that date, with the statute and article. */
  effectRule: string;
  /** Each item with what was due and what is recorded as paid (履行情况). */
  items: UnpaidItem[];
  unpaidTotalFen: number;
}

/**
 * 送达及生效证明书 of the enforcement pack (issue #21): issued by the body that made the document, it certifies
 * when it was made, how it was served and when it took effect, and records the payments on it.
 */
export const effectivenessCertificate = defineTemplate<EffectivenessCertificateFields>({
  type: 'effectiveness_certificate',
  title: '送达及生效证明书',
  required: [
    { key: 'applicantName', label: '权利人' },
    { key: 'respondentName', label: '义务人' },
    { key: 'basisDocument', label: '生效法律文书' },
    { key: 'madeOn', label: '作出日期', kind: 'date' },
    { key: 'effectiveOn', label: '生效日期', kind: 'date' },
    { key: 'effectRule', label: '生效依据' },
    {
      key: 'items',
      label: '履行事项',
      kind: 'items',
      item: [
        { key: 'item', label: '事项' },
        { key: 'dueDate', label: '履行期限', kind: 'date' },
      ],
    },
  ],
  addressee: () => '',
  build: (f) => {
    const blocks: Block[] = [
      p(
        `兹证明：${f.applicantName}与${f.respondentName}劳动争议一案，本机关于${d(f.madeOn)}作出${f.basisDocument}。`,
      ),
      p('送达情况：'),
      list(f.services.length ? f.services : ['（无送达记录）']),
      p(`${f.effectRule}该文书于${d(f.effectiveOn)}发生法律效力。`),
      p(`截至本证明出具之日，本机关登记的履行情况如下，未履行金额共计${documentFen(f.unpaidTotalFen)}：`),
      list(f.items.map(unpaidLine)),
      p('特此证明。'),
    ];
    return blocks;
  },
});

const SAMPLE_ITEMS: UnpaidItem[] = [
  { item: '拖欠工资', amountFen: 1_560_000, paidFen: 560_000, dueDate: '2026-12-15' },
  { item: '经济补偿', amountFen: 800_000, paidFen: 0, dueDate: '2026-12-15' },
];

export const OBLIGATION_SAMPLES: {
  enforcement_application: EnforcementApplicationFields;
  payment_order_guidance: PaymentOrderGuidanceFields;
  effectiveness_certificate: EffectivenessCertificateFields;
} = {
  effectiveness_certificate: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    basisDocument: '裁决书 随劳人仲案字〔2026〕第2号',
    madeOn: '2026-11-02',
    services: [
      '2026年11月4日直接送达刘䶮，本人签收',
      '2026年11月4日直接送达随州市恒达机械制造有限公司，签收',
    ],
    effectiveOn: '2026-11-20',
    effectRule:
      '当事人自收到裁决书之日起十五日内未向人民法院提起诉讼的，裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十八条、第五十条）。',
    items: SAMPLE_ITEMS,
    unpaidTotalFen: 1_800_000,
  },
  enforcement_application: {
    applicantName: '刘䶮',
    respondentName: '随州市恒达机械制造有限公司',
    court: '随州市曾都区人民法院',
    basisDocument: '裁决书 随劳人仲案字〔2026〕第2号',
    madeOn: '2026-11-02',
    servedOn: '2026-11-04',
    effectiveOn: '2026-11-20',
    items: SAMPLE_ITEMS,
    unpaidTotalFen: 1_800_000,
  },
  payment_order_guidance: {
    workerName: '刘䶮',
    employerName: '随州市恒达机械制造有限公司',
    agreementNumber: '随联调协字〔2026〕第3号',
    agreementDate: '2026-11-20',
    court: '随州市曾都区人民法院',
    items: SAMPLE_ITEMS,
    unpaidTotalFen: 1_800_000,
  },
};
