import type { Permission } from '@onestop/domain';
import type { ClockTrack } from '@onestop/domain';

/** How a subject is named in messages when the caller gave no label (e.g. a case number). */
export const SUBJECT_TYPE_LABELS: Readonly<Record<string, string>> = {
  matter: '维权事项',
  case: '仲裁案件',
  mediation: '调解案件',
  inspection: '监察案件',
  petition: '信访事项',
  legal_aid: '法律援助申请',
};

export function subjectLabel(subjectType: string, label: string | null): string {
  return label ?? SUBJECT_TYPE_LABELS[subjectType] ?? '事项';
}

/** Who may suspend, resume or restart a clock: the staff of the clock's track (leaders too). */
export const TRACK_PERMISSIONS: Readonly<Record<ClockTrack, Permission>> = {
  arbitration: 'arbitration.work',
  mediation: 'mediation.work',
  inspection: 'inspection.work',
  petition: 'petition.work',
  legal_aid: 'legal_aid.work',
  center: 'intake.create',
};
