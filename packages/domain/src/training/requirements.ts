/**
 * Training and accreditation (issue #19 item 6): who is trained, how many hours a year each group must
 * complete, and how credited hours are counted. No national text fixes a minimum number of hours for
 * these groups (none was found; only the qualification articles below are known), so the minimums
 * are the bureau's own rule, kept as data (table training_requirement, admin-editable) with that basis.
 */
import type { CertificateType } from '../access/roles';

export const TRAINING_AUDIENCES = [
  'staff',
  'part_time_inspector',
  'part_time_arbitrator',
  'org_mediator',
] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const TRAINING_AUDIENCE_LABELS: Readonly<Record<TrainingAudience, string>> = {
  staff: '中心工作人员',
  part_time_inspector: '兼职劳动保障监察员',
  part_time_arbitrator: '兼职仲裁员',
  org_mediator: '调解组织调解员',
};

/** The audience whose minimum a certificate's renewal is checked against. */
export const CERTIFICATE_AUDIENCE: Readonly<Record<CertificateType, TrainingAudience>> = {
  inspector_card: 'part_time_inspector',
  arbitrator_card: 'part_time_arbitrator',
};

export interface TrainingRequirement {
  audience: TrainingAudience;
  /** Hours (学时) per calendar year. */
  minHours: number;
  basis: string;
}

const OWN_RULE = '无全国统一学时标准，本局可修改';

export const DEFAULT_TRAINING_REQUIREMENTS: readonly TrainingRequirement[] = [
  {
    audience: 'staff',
    minHours: 24,
    basis: `本局工作人员年度业务培训规定：每年不少于24学时（${OWN_RULE}）`,
  },
  {
    audience: 'part_time_inspector',
    minHours: 16,
    basis: `本局兼职劳动保障监察员继续教育规定：每年不少于16学时，未完成的不予换发监察员证（${OWN_RULE}）；监察员资格见《劳动保障监察条例》`,
  },
  {
    audience: 'part_time_arbitrator',
    minHours: 16,
    basis: `《劳动争议调解仲裁法》第二十条（仲裁员条件）；本局兼职仲裁员继续教育规定：每年不少于16学时，未完成的不予换发仲裁员证（${OWN_RULE}）`,
  },
  {
    audience: 'org_mediator',
    minHours: 12,
    basis: `《劳动争议调解仲裁法》第十一条（调解员应具有一定法律知识、政策水平）；本局调解员培训规定：每年不少于12学时（${OWN_RULE}）`,
  },
];

/** One attendance as the hours count sees it. */
export interface AttendanceHours {
  hours: number;
  /** null: the course had no assessment (attendance alone counts); false: failed, no hours credited. */
  passed: boolean | null;
}

/** Hours credited for a set of attendances: a failed assessment credits nothing. */
export function creditedHours(attendances: readonly AttendanceHours[]): number {
  return attendances.reduce((sum, a) => (a.passed === false ? sum : sum + a.hours), 0);
}

/** Whether a score passes a course's assessment (null pass mark: the course has no assessment). */
export function assessmentPassed(score: number, passMark: number | null): boolean | null {
  if (passMark === null) return null;
  return score >= passMark;
}

/** The minimum that applies to a person in several groups: the highest of theirs (0 for none). */
export function requiredHours(
  audiences: readonly TrainingAudience[],
  requirements: readonly Pick<TrainingRequirement, 'audience' | 'minHours'>[],
): number {
  return audiences.reduce(
    (max, a) => Math.max(max, requirements.find((r) => r.audience === a)?.minHours ?? 0),
    0,
  );
}

export interface HoursState {
  done: number;
  required: number;
  missing: number;
  met: boolean;
}

export function hoursState(done: number, required: number): HoursState {
  const missing = Math.max(0, required - done);
  return { done, required, missing, met: missing === 0 };
}

/** Days before expiry when the renewal reminder clock falls due (clock rule training.certificate-renewal). */
export const CERTIFICATE_REMINDER_RULE = 'training.certificate-renewal';
