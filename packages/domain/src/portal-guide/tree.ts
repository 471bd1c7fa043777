/**
 * 维权指引 (self-triage for workers) as data: a short question tree whose leaves name the route that
 * fits, why (plain Chinese), the time limits that apply (ids of the clock catalogue, the statutory time limits)
 * and the materials to bring. Routing follows routing rules (《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条 dispute vs. violation, 《劳动保障监察条例》第二十条, 《劳动争议调解仲裁法》第三条、第四十二条,
 * 《法律援助法》第三十一条、第四十二条、第四十四条); the portal shows it, a clerk still decides (《个人信息保护法》第二十四条第三款).
 */

export type GuideRoute = 'consultation' | 'mediation' | 'arbitration' | 'inspection' | 'report' | 'legal_aid';

/** What the worker can file online at the end of the guide. */
export type GuideApplyKind = 'question' | 'complaint' | 'report' | 'mediation' | 'arbitration';

export interface GuideOption {
  id: string;
  label: string;
  /** Another question, or a result. */
  next: { question: string } | { result: string };
}

export interface GuideQuestion {
  id: string;
  text: string;
  hint?: string;
  options: readonly GuideOption[];
}

export interface GuideResult {
  id: string;
  route: GuideRoute;
  title: string;
  why: string;
  basis: string;
  clockRuleIds: readonly string[];
  materials: readonly string[];
  apply: GuideApplyKind | null;
  /** Legal aid worth asking for (《法律援助法》第三十一条、第四十二条、第四十四条: wages, work injury, social insurance; migrant workers exempt from means test). */
  legalAid: boolean;
}

const ID_CARD = '本人身份证（原件及复印件）';
const EMPLOYMENT_PROOF =
  '能证明在该单位工作的材料：劳动合同、工牌、考勤记录、工资条或转账记录、工作群聊天记录等';
const EMPLOYER_INFO = '单位的全称和地址（能查到统一社会信用代码更好）';

export const GUIDE_START = 'goal';

export const GUIDE_QUESTIONS: readonly GuideQuestion[] = [
  {
    id: 'goal',
    text: '您遇到了什么事？',
    options: [
      { id: 'wages', label: '单位拖欠工资、不发加班费', next: { question: 'wage_way' } },
      { id: 'dismissal', label: '被辞退，要经济补偿或赔偿', next: { question: 'limitation' } },
      { id: 'injury', label: '上班时受伤（工伤）', next: { question: 'injury_recognised' } },
      {
        id: 'violation',
        label: '单位不签合同、不交社保、超时加班等违法行为',
        next: { question: 'own_rights' },
      },
      { id: 'ask', label: '只想先问问政策', next: { result: 'consult' } },
    ],
  },
  {
    id: 'wage_way',
    text: '您希望怎么解决？',
    hint: '几种办法都可以，选一种最合适的。同一件事不能同时走两条路。',
    options: [
      { id: 'order', label: '请劳动监察部门责令单位支付', next: { question: 'wage_age' } },
      { id: 'talk', label: '先坐下来调解，尽快拿到钱', next: { result: 'mediation' } },
      { id: 'award', label: '申请仲裁，由仲裁委员会裁决', next: { question: 'limitation' } },
    ],
  },
  {
    id: 'wage_age',
    text: '拖欠工资的事，是在两年之内发生（或一直持续到两年之内）吗？',
    options: [
      { id: 'recent', label: '是，两年之内', next: { result: 'inspection' } },
      { id: 'old', label: '不是，已经超过两年', next: { result: 'arbitration_late' } },
    ],
  },
  {
    id: 'limitation',
    text: '从您知道权益受损（例如被辞退、工资没发）到今天，超过一年了吗？',
    hint: '还在单位上班时欠的工资，离职后一年内都可以申请。',
    options: [
      { id: 'within', label: '没有超过一年', next: { question: 'mediate_first' } },
      { id: 'over', label: '已经超过一年', next: { result: 'arbitration_late' } },
    ],
  },
  {
    id: 'mediate_first',
    text: '愿意先试试调解吗？',
    hint: '调解免费、自愿，一般十五天内结束；调不成，还可以申请仲裁。',
    options: [
      { id: 'yes', label: '愿意先调解', next: { result: 'mediation' } },
      { id: 'no', label: '不愿意，直接申请仲裁', next: { result: 'arbitration' } },
    ],
  },
  {
    id: 'injury_recognised',
    text: '工伤已经被认定了吗（有《认定工伤决定书》）？',
    options: [
      { id: 'yes', label: '已经认定', next: { question: 'mediate_first' } },
      { id: 'no', label: '还没有认定', next: { result: 'injury_recognition' } },
    ],
  },
  {
    id: 'own_rights',
    text: '受到侵害的是您自己吗？',
    options: [
      { id: 'me', label: '是我自己', next: { result: 'inspection' } },
      { id: 'others', label: '不是我，我想反映单位的违法问题', next: { result: 'report' } },
    ],
  },
];

export const GUIDE_RESULTS: readonly GuideResult[] = [
  {
    id: 'consult',
    route: 'consultation',
    title: '先咨询',
    why: '您可以在网上留言提问，工作人员会回复；也可以到服务大厅当面咨询，不用带任何材料。',
    basis: '一站式维权中心“一窗受理”：咨询当场解答',
    clockRuleIds: [],
    materials: ['您想问的问题和大概经过'],
    apply: 'question',
    legalAid: false,
  },
  {
    id: 'mediation',
    route: 'mediation',
    title: '申请调解',
    why: '调解免费、自愿，由调解员在双方之间说和，一般十五天内结束。达成协议后单位不履行的，欠工资等可以直接向法院申请支付令；调不成可以申请仲裁。',
    basis: '《劳动争议调解仲裁法》第三条、第十四条、第十六条',
    clockRuleIds: ['mediation.settlement', 'arbitration.limitation'],
    materials: [ID_CARD, EMPLOYMENT_PROOF, EMPLOYER_INFO, '您的请求和金额（例如欠了几个月工资、每月多少）'],
    apply: 'mediation',
    legalAid: true,
  },
  {
    id: 'arbitration',
    route: 'arbitration',
    title: '申请劳动仲裁',
    why: '仲裁不收费。材料齐全、符合条件的，五日内决定是否受理；欠薪、工伤和重大集体争议当日受理。仲裁委员会会先组织调解，调不成再裁决。',
    basis: '《劳动争议调解仲裁法》第二十七条、第二十九条、第五十三条；随人社函〔2023〕36号',
    clockRuleIds: ['arbitration.limitation', 'arbitration.acceptance', 'center.same-day-acceptance'],
    materials: [
      ID_CARD,
      EMPLOYMENT_PROOF,
      EMPLOYER_INFO,
      '仲裁申请书（可以在本网页上填写，不会写的可以在窗口请工作人员帮忙）',
      '证据材料，例如欠条、工资表、解除通知、聊天记录截图',
    ],
    apply: 'arbitration',
    legalAid: true,
  },
  {
    id: 'arbitration_late',
    route: 'arbitration',
    title: '尽快申请仲裁（可能已超过时效）',
    why: '仲裁时效一般是一年，超过了不一定就不能维权：时效可能中断或中止，在职期间被拖欠的工资不受一年限制。请尽快提交申请，并向法律援助窗口咨询。',
    basis: '《劳动争议调解仲裁法》第二十七条；《劳动保障监察条例》第二十条（监察两年）',
    clockRuleIds: ['arbitration.limitation', 'inspection.limitation', 'legal-aid.decision'],
    materials: [
      ID_CARD,
      EMPLOYMENT_PROOF,
      EMPLOYER_INFO,
      '能说明为什么耽误的材料（例如一直在向单位讨要的记录）',
    ],
    apply: 'arbitration',
    legalAid: true,
  },
  {
    id: 'inspection',
    route: 'inspection',
    title: '向劳动保障监察投诉',
    why: '劳动监察部门可以责令单位改正、补发工资，并依法处罚。监察只管违法行为；要确定赔偿数额等争议，请走调解或仲裁。',
    basis: '《劳动保障监察条例》第九条、第十一条、第二十条、第二十一条',
    clockRuleIds: ['inspection.limitation', 'inspection.acceptance'],
    materials: [ID_CARD, EMPLOYER_INFO, '违法事实的说明和证据，例如工资条、考勤记录、聊天记录'],
    apply: 'complaint',
    legalAid: false,
  },
  {
    id: 'report',
    route: 'report',
    title: '举报违法行为（可以匿名）',
    why: '任何人都可以举报单位的违法行为，举报人信息依法保密。匿名举报不会收到答复，也不用注册。',
    basis: '《劳动保障监察条例》第九条',
    clockRuleIds: ['inspection.limitation'],
    materials: [EMPLOYER_INFO, '违法行为的具体情况（时间、地点、涉及多少人）'],
    apply: 'report',
    legalAid: false,
  },
  {
    id: 'injury_recognition',
    route: 'legal_aid',
    title: '先申请工伤认定，并申请法律援助',
    why: '工伤认定由人社局工伤保险部门办理（受伤之日起一年内由本人申请）。工伤赔偿可以申请法律援助，农民工不用审查经济困难。',
    basis: '《工伤保险条例》第十七条；《法律援助法》第三十一条、第四十二条',
    clockRuleIds: ['legal-aid.decision'],
    materials: [ID_CARD, EMPLOYMENT_PROOF, '医院的诊断证明、病历', '事故经过和证人联系方式'],
    apply: 'question',
    legalAid: true,
  },
];
