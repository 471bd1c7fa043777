import { defineTemplate, list, p, sign } from './template.js';

// 释明告知书: the petition window explains the procedure and litigation rights to a petitioner who
// disputes an inspection or arbitration conclusion and guides them to the courts
// (seed 四(五); 《信访工作条例》第二十二条第二款、第三十一条; 《信访工作条例》第三十一条, petitions).

export const DISPUTED_CONCLUSIONS = {
  arbitration: '劳动人事争议仲裁裁决',
  inspection: '劳动保障监察处理决定',
} as const;

export interface ExplanationRecordFields {
  petitionerName: string;
  conclusionType: keyof typeof DISPUTED_CONCLUSIONS;
  conclusionRef: string;
  request: string;
  explanation: string;
  court: string;
}

const RIGHTS: Record<keyof typeof DISPUTED_CONCLUSIONS, string[]> = {
  arbitration: [
    '劳动者对仲裁裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，裁决书发生法律效力（《劳动争议调解仲裁法》第四十八条、第五十条）。',
    '对发生法律效力的裁决书，一方当事人逾期不履行的，另一方当事人可以依照《民事诉讼法》的有关规定向人民法院申请执行（《劳动争议调解仲裁法》第五十一条）。',
    '依法应当通过诉讼程序解决的事项，信访部门不作为信访事项受理，应当导入诉讼程序（《信访工作条例》第三十一条第（一）项）。',
  ],
  inspection: [
    '对劳动保障行政部门作出的处理决定不服的，可以依法申请行政复议或者提起行政诉讼（《劳动保障监察条例》第十九条）：申请行政复议的期限为知道该行政行为之日起六十日（《行政复议法》第二十条），提起行政诉讼的期限为知道作出行政行为之日起六个月（《行政诉讼法》第四十六条）。',
    '劳动者与用人单位之间的劳动争议，可以依照劳动争议调解仲裁的规定申请调解、仲裁，对仲裁裁决不服的可以向人民法院提起诉讼（《劳动保障监察条例》第二十一条第二款）。',
    '依法应当通过复议、诉讼程序解决的事项，信访部门不作为信访事项受理，应当导入相应程序（《信访工作条例》第三十一条第（一）项、第（二）项）。',
  ],
};

export const explanationRecord = defineTemplate<ExplanationRecordFields>({
  type: 'explanation_record',
  title: '释明告知书',
  required: [
    { key: 'petitionerName', label: '信访人' },
    { key: 'conclusionType', label: '不服的处理结论', kind: 'choice', choices: DISPUTED_CONCLUSIONS },
    { key: 'conclusionRef', label: '处理结论文号' },
    { key: 'request', label: '信访请求' },
    { key: 'explanation', label: '释明内容' },
    { key: 'court', label: '引导的人民法院' },
  ],
  addressee: (f) => f.petitionerName,
  build: (f) => [
    p(`你对${DISPUTED_CONCLUSIONS[f.conclusionType]}（${f.conclusionRef}）不服，来访提出：${f.request}。`),
    p('根据《信访工作条例》第二十二条第二款，本窗口已向你释明相关政策法规、处理流程和诉讼权利：'),
    p(f.explanation),
    list(RIGHTS[f.conclusionType]),
    p(
      `请你依法向${f.court}等有管辖权的人民法院提起诉讼或者申请执行，通过司法途径维护自身合法权益。需要法律帮助的，可以向法律援助机构申请法律援助（《法律援助法》第三十一条）。`,
    ),
    sign('信访人（签名）：', '释明人：'),
  ],
});
