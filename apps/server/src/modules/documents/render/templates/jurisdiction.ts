import { d, defineTemplate, kv, p } from './template.js';

// 管辖告知书 (issue #14): at the window, when neither the employer's domicile nor the place where the
// contract is performed lies in the center's area, the worker is told in writing which commission to
// apply to — a notice, not a refusal (《劳动争议调解仲裁法》第二十一条; 《劳动人事争议仲裁办案规则》第八条).

export interface JurisdictionNoticeFields {
  applicantName: string;
  respondentName: string;
  receivedDate: string;
  /** Where the employer is and where the contract is performed, as recorded */
  places: string;
  area: string;
  competentCommission: string;
  contact?: string;
}

export const jurisdictionNotice = defineTemplate<JurisdictionNoticeFields>({
  type: 'jurisdiction_notice',
  title: '管辖告知书',
  required: [
    { key: 'applicantName', label: '劳动者' },
    { key: 'respondentName', label: '用人单位' },
    { key: 'receivedDate', label: '登记日期', kind: 'date' },
    { key: 'places', label: '用人单位所在地及劳动合同履行地' },
    { key: 'area', label: '本中心辖区' },
    { key: 'competentCommission', label: '有管辖权的仲裁委员会' },
  ],
  addressee: (f) => f.applicantName,
  build: (f) => [
    p(
      `你于${d(f.receivedDate)}来本中心反映与${f.respondentName}的劳动争议。经核对，${f.places}均不在${f.area}辖区。根据《中华人民共和国劳动争议调解仲裁法》第二十一条“劳动争议仲裁委员会负责管辖本区域内发生的劳动争议。劳动争议由劳动合同履行地或者用人单位所在地的劳动争议仲裁委员会管辖”和《劳动人事争议仲裁办案规则》第八条的规定，本中心所在地的仲裁委员会对该争议没有管辖权。`,
    ),
    p(`请你向${f.competentCommission}申请仲裁。本告知不是不予受理决定，不影响你依法申请仲裁的权利。`),
    p(
      '劳动争议申请仲裁的时效期间为一年，从你知道或者应当知道其权利被侵害之日起计算；因拖欠劳动报酬发生争议的，劳动关系存续期间不受此限，劳动关系终止的应当自终止之日起一年内提出（《劳动争议调解仲裁法》第二十七条）。请及时申请。',
    ),
    ...(f.contact ? [kv([['本中心联系人及电话', f.contact]])] : []),
  ],
});

export const JURISDICTION_SAMPLES = {
  jurisdiction_notice: {
    applicantName: '刘䶮',
    respondentName: '武汉市江岸区某建筑劳务有限公司',
    receivedDate: '2026-11-24',
    places: '用人单位所在地（武汉市江岸区解放大道1000号）和劳动合同履行地（武汉市江岸区工地）',
    area: '随州市',
    competentCommission: '武汉市江岸区劳动人事争议仲裁委员会',
    contact: '王芳 0722-3250000',
  },
} as const;
