import {
  type AnyMachine,
  type Permission,
  type PriorityFlag,
  type RoleCode,
  WORKFLOW_MACHINES,
} from '@onestop/domain';
import type { Agency } from '../../db/schema';
import type { CaseTrack } from './cases.tables';

/**
 * The tracks as data: label, the number pattern of the issuing body (with its basis; administrators
 * override it with the setting `cases.number_pattern.<track>`), the declared machine, who may open a
 * case and who handles it, and the agency whose organisation is responsible by default.
 */
export interface TrackSpec {
  label: string;
  pattern: string;
  basis: string;
  machine: AnyMachine | null;
  /** Posts that work cases of this track (the "unassigned" queue and assignment qualification). */
  handlers: readonly RoleCode[];
  /** Posts that may assign the case besides the handlers and leaders (分案). */
  assigners?: readonly RoleCode[];
  /** Posts that may open a case of this track (一窗受理: the window opens every track). */
  openers: readonly RoleCode[];
  /** The permission of the track's work area. */
  permission: Permission;
  /** URL segment of the work area (/work/:area). */
  area: string;
  /** The responsible organisation's agency; null: the organisation of whoever opens the case. */
  agency: Agency | null;
}

const LOCAL_BASIS = '中心案件编号规则：机关代字、年份、序号（参照 GB/T 9704-2012《党政机关公文格式》7.2.4）';

export const TRACKS: Record<CaseTrack, TrackSpec> = {
  consultation: {
    label: '咨询',
    pattern: '随咨〔{year}〕{seq}号',
    basis: `${LOCAL_BASIS}（咨询先行，每次来访登记）`,
    machine: WORKFLOW_MACHINES.consultation,
    handlers: ['intake_clerk'],
    openers: ['intake_clerk', 'mediator', 'inspector', 'arbitrator', 'petition_officer', 'legal_aid_liaison'],
    permission: 'intake.create',
    area: 'intake',
    agency: null,
  },
  mediation: {
    label: '调解',
    pattern: '随劳人调字〔{year}〕第{seq}号',
    basis: `${LOCAL_BASIS}；《劳动争议调解仲裁法》第十二条（调解申请登记）`,
    machine: WORKFLOW_MACHINES.mediation,
    handlers: ['mediator', 'union_liaison'],
    openers: ['intake_clerk', 'mediator', 'union_liaison'],
    permission: 'mediation.work',
    area: 'mediation',
    agency: null,
  },
  arbitration: {
    label: '仲裁',
    pattern: '随劳人仲案字〔{year}〕第{seq}号',
    basis:
      '《劳动人事争议仲裁办案规则》及人社部仲裁文书示范文本：案号由仲裁委员会简称、案件代字、年份和序号组成',
    machine: WORKFLOW_MACHINES.arbitration,
    // The 承办人 of an arbitration case is an arbitrator (with a valid 仲裁员证); the clerk assigns.
    handlers: ['arbitrator'],
    assigners: ['tribunal_clerk'],
    openers: ['intake_clerk', 'arbitrator', 'tribunal_clerk'],
    permission: 'arbitration.work',
    area: 'arbitration',
    agency: 'arbitration',
  },
  inspection: {
    label: '劳动保障监察',
    pattern: '随人社监字〔{year}〕第{seq}号',
    basis: '《关于实施〈劳动保障监察条例〉若干规定》：投诉举报登记、立案按机关代字、年份和序号编号',
    machine: WORKFLOW_MACHINES.inspection,
    handlers: ['inspector'],
    openers: ['intake_clerk', 'inspector'],
    permission: 'inspection.work',
    area: 'inspection',
    agency: 'inspection',
  },
  petition: {
    label: '信访',
    pattern: '随信转〔{year}〕{seq}号',
    basis: '《信访工作条例》第三十一条（登记、转送、交办并编号存档）',
    machine: WORKFLOW_MACHINES.petition,
    handlers: ['petition_officer'],
    openers: ['intake_clerk', 'petition_officer'],
    permission: 'petition.work',
    area: 'petition',
    agency: 'petition',
  },
  legal_aid: {
    label: '法律援助',
    pattern: '随法援〔{year}〕{seq}号',
    basis: `${LOCAL_BASIS}；《法律援助法》第四十三条（申请审查与决定）`,
    machine: WORKFLOW_MACHINES.legal_aid,
    handlers: ['legal_aid_liaison'],
    openers: ['intake_clerk', 'legal_aid_liaison'],
    permission: 'legal_aid.work',
    area: 'legal-aid',
    agency: 'justice',
  },
  court: {
    label: '诉调对接',
    pattern: '随诉调〔{year}〕{seq}号',
    basis: `${LOCAL_BASIS}；《民事诉讼法》第二百零五条（司法确认）`,
    // The court-mediation link has no declared machine yet: such cases cannot be opened.
    machine: null,
    handlers: ['court_liaison'],
    openers: ['court_liaison'],
    permission: 'court.work',
    area: 'court',
    agency: 'court',
  },
};

export const TRACK_LABELS = Object.fromEntries(
  Object.entries(TRACKS).map(([k, v]) => [k, v.label]),
) as Record<CaseTrack, string>;

/** Priority flags (sorted first in every queue), in the triage's order. */
export const PRIORITY_LABELS: Record<PriorityFlag, string> = {
  wage_arrears: '欠薪',
  work_injury: '工伤',
  collective: '集体争议',
  migrant_worker: '农民工',
  pregnant_or_nursing: '三期女职工',
  disabled: '残疾人',
  minor: '未成年工',
};

/** May a post assign cases of this track (handlers, the track's assigners, leaders)? */
export function canAssignAs(track: CaseTrack, role: RoleCode): boolean {
  const spec = TRACKS[track];
  return spec.handlers.includes(role) || (spec.assigners ?? []).includes(role) || role === 'leader';
}

export function trackForArea(area: string): CaseTrack | undefined {
  return (Object.keys(TRACKS) as CaseTrack[]).find((t) => TRACKS[t].area === area);
}

/** State label of a case (the machine's label, else the code). */
export function stateLabel(track: CaseTrack, state: string): string {
  const m = TRACKS[track].machine;
  return (m?.states as Record<string, string> | undefined)?.[state] ?? state;
}

export function settingKey(track: CaseTrack): string {
  return `cases.number_pattern.${track}`;
}
