export type ClockTrack = 'arbitration' | 'mediation' | 'inspection' | 'petition' | 'legal_aid' | 'center';

export const CLOCK_TRACK_LABELS: Readonly<Record<ClockTrack, string>> = {
  arbitration: '仲裁',
  mediation: '调解',
  inspection: '劳动保障监察',
  petition: '信访',
  legal_aid: '法律援助',
  center: '中心服务承诺',
};

/**
 * - working_days: skip every non-working day, count make-up workdays (《民法典》第二百零一条);
 * - calendar_days: add n days, then roll over per the rule (《民法典》第二百零三条第一款；《民事诉讼法》第八十五条第三款, 《民法典》第二百零三条);
 * - months / years: corresponding day with month-end fallback (《民法典》第二百零二条), then roll over;
 * - same_day: due on the trigger day.
 */
export type ClockUnit = 'calendar_days' | 'working_days' | 'months' | 'years' | 'same_day';

export const CLOCK_UNIT_LABELS: Readonly<Record<ClockUnit, string>> = {
  calendar_days: '日',
  working_days: '个工作日',
  months: '个月',
  years: '年',
  same_day: '当日',
};

export type ClockRollover = 'next_working_day' | 'none';

/** Confidence tags: V1 verified, V2 secondary, U unverified, L local (center practice). */
export type ClockConfidence = 'V1' | 'V2' | 'U' | 'L';

export interface ClockTrigger {
  /** Machine event name, e.g. 'arbitration.application_received'. */
  event: string;
  /** Chinese description of the trigger date shown on screen. */
  description: string;
}

export interface ClockExtension {
  /** Id of the rule describing the extension (its basis and unit). */
  ruleId: string;
  duration: number;
  unit: ClockUnit;
  requiresApproval: true;
}

export interface ClockRule {
  id: string;
  /** Catalogue code of the statutory time limits, e.g. 'T-A3'. */
  code: string;
  name: string;
  track: ClockTrack;
  trigger: ClockTrigger;
  duration: number;
  unit: ClockUnit;
  /**
   * 'after' (default): the deadline is `duration` after the trigger date.
   * 'before': the act must happen at least `duration` before the trigger date (e.g. the hearing
   * notice is due five working days before the hearing).
   */
  direction?: 'after' | 'before';
  rollover: ClockRollover;
  extension?: ClockExtension;
  /** Whether suspension (中止) days are added to the period. */
  suspendable: boolean;
  /**
   * The period may be shortened (or, by meeting the clock, cancelled) with the consent of the party it
   * protects — e.g. the defence period in 简易处理. Absent: the period cannot be shortened.
   */
  shortening?: { consentOf: string; basis: string };
  /** Events that restart the clock from zero (e.g. 《劳动人事争议仲裁办案规则》第四十六条). */
  restartEvents: readonly string[];
  /** Legal basis: law and article. */
  basis: string;
  /** Why the period is counted in this unit, when the law is silent or the reading is a project decision. */
  unitNote?: string;
  confidence: ClockConfidence;
}
