import type { RoleCode } from '../access/roles';
import { defineMachine } from './engine';
import { requireText, requireTrue } from './guards';

/** Facts the consultation guards read. */
export type ConsultationContext = Readonly<{
  /** 中心工作规则（先咨询后立案）: a case is opened only when the visitor submits an application, complaint, report or petition. */
  submitsRequest?: boolean;
  /** 《劳动保障监察条例》第十八条第二款、第三十五条 / 《劳动争议调解仲裁法》第二十一条；《劳动保障监察条例》第十三条: where the visitor is sent. */
  referTo?: string;
}>;

const FRONT_DESK: readonly RoleCode[] = [
  'intake_clerk',
  'mediator',
  'inspector',
  'arbitrator',
  'petition_officer',
  'legal_aid_liaison',
];

/** Consultation (咨询): answered on the spot, turned into a matter, or referred elsewhere. 中心工作规则（先咨询后立案）, 《劳动保障监察条例》第十八条第二款、第三十五条. */
export const consultationMachine = defineMachine<
  'registered' | 'answered' | 'converted_to_matter' | 'referred',
  'answer' | 'convert' | 'refer',
  ConsultationContext
>({
  track: 'consultation',
  states: {
    registered: '已登记',
    answered: '已解答',
    converted_to_matter: '已转为维权事项',
    referred: '已告知去向',
  },
  events: { answer: '当场解答', convert: '转为维权事项', refer: '告知去向' },
  initial: 'registered',
  terminal: ['answered', 'converted_to_matter', 'referred'],
  onCreate: { documents: ['consultation_record'] },
  transitions: [
    { from: 'registered', event: 'answer', to: 'answered', roles: FRONT_DESK },
    {
      from: 'registered',
      event: 'convert',
      to: 'converted_to_matter',
      roles: FRONT_DESK,
      guard: (c) => requireTrue(c, 'submitsRequest', '来访者尚未提出申请、投诉、举报或信访'),
      basis: '一窗受理：咨询先行，每次来访登记',
    },
    {
      from: 'registered',
      event: 'refer',
      to: 'referred',
      roles: FRONT_DESK,
      guard: (c) => requireText(c, 'referTo', '须写明告知前往的机构'),
      documents: ['referral_notice'],
      basis:
        '《劳动保障监察条例》第三十五条；《工伤保险条例》第十七条；《劳动人事争议仲裁办案规则》第三十一条',
    },
  ],
});
