import type { ClockTrack } from '../clocks/types';
import type { ProceedingTrack } from '../triage/types';
import type { WORKFLOW_MACHINES } from '../workflows/registry';

/**
 * One declaration per track (办理渠道): everything else derives from this table — the server's
 * CASE_TRACKS and CLAIM_TRACKS (and the SQL CHECK constraints, compared by
 * apps/server/test/tracks-registry.test.ts), the machine a case follows, the clock family, the
 * labels the web shows. docs/adding-a-track.md walks through adding one.
 */
export interface TrackDefinition {
  /** The track's name on a case (案件类别). */
  label: string;
  /** The name when a claim is routed to it (分流去向); present iff a claim may be routed here. */
  routeLabel?: string;
  /** Whether a track case (track_case row) of this track exists. */
  hasCases: boolean;
  /** The declared workflow machine of its cases (WORKFLOW_MACHINES key); null: none yet. */
  machine: keyof typeof WORKFLOW_MACHINES | null;
  /** The family of its legal clocks (clocks/rules); null: no statutory clock of its own. */
  clockTrack: ClockTrack | null;
  /** The triage's name of the procedure when it is one (《劳动保障监察条例》第二十一条第二款: one claim, one procedure). */
  proceeding?: ProceedingTrack;
}

export const TRACK_REGISTRY = {
  consultation: {
    label: '咨询',
    routeLabel: '咨询答复',
    hasCases: true,
    machine: 'consultation',
    clockTrack: null,
  },
  mediation: {
    label: '调解',
    routeLabel: '调解',
    hasCases: true,
    machine: 'mediation',
    clockTrack: 'mediation',
    proceeding: 'mediation',
  },
  arbitration: {
    label: '仲裁',
    routeLabel: '仲裁',
    hasCases: true,
    machine: 'arbitration',
    clockTrack: 'arbitration',
    proceeding: 'arbitration',
  },
  inspection: {
    label: '劳动保障监察',
    routeLabel: '劳动保障监察',
    hasCases: true,
    machine: 'inspection',
    clockTrack: 'inspection',
    proceeding: 'inspection',
  },
  petition: {
    label: '信访',
    routeLabel: '信访',
    hasCases: true,
    machine: 'petition',
    clockTrack: 'petition',
  },
  legal_aid: {
    label: '法律援助',
    hasCases: true,
    machine: 'legal_aid',
    clockTrack: 'legal_aid',
  },
  court: {
    label: '诉调对接',
    hasCases: true,
    machine: null,
    clockTrack: null,
    proceeding: 'litigation',
  },
  referral: {
    label: '转办其他部门',
    routeLabel: '转办其他部门',
    hasCases: false,
    machine: null,
    clockTrack: null,
  },
} as const satisfies Record<string, TrackDefinition>;

export type TrackId = keyof typeof TRACK_REGISTRY;
type Registry = typeof TRACK_REGISTRY;
/** Tracks that have cases (track_case.track). */
export type CaseTrackId = { [K in TrackId]: Registry[K]['hasCases'] extends true ? K : never }[TrackId];
/** Tracks a claim may be routed to (matter_claim.track). */
export type ClaimTrackId = {
  [K in TrackId]: Registry[K] extends { routeLabel: string } ? K : never;
}[TrackId];

const ids = Object.keys(TRACK_REGISTRY) as TrackId[];
const def = (t: TrackId): TrackDefinition => TRACK_REGISTRY[t];

/** In declaration order; the server's zod enums and the SQL CHECK lists use these. */
export const CASE_TRACK_IDS = ids.filter((t) => def(t).hasCases) as readonly CaseTrackId[] as readonly [
  CaseTrackId,
  ...CaseTrackId[],
];
export const CLAIM_TRACK_IDS = ids.filter(
  (t) => def(t).routeLabel !== undefined,
) as readonly ClaimTrackId[] as readonly [ClaimTrackId, ...ClaimTrackId[]];

/** Case labels (案件类别) by track. */
export const CASE_TRACK_LABELS = Object.fromEntries(CASE_TRACK_IDS.map((t) => [t, def(t).label])) as Readonly<
  Record<CaseTrackId, string>
>;
/** Routing labels (分流去向) by claim track. */
export const CLAIM_TRACK_LABELS = Object.fromEntries(
  CLAIM_TRACK_IDS.map((t) => [t, def(t).routeLabel!]),
) as Readonly<Record<ClaimTrackId, string>>;

/** A track's case label, or '' for a name that is not a track (old rows, foreign input). */
export function trackLabel(track: string): string {
  return Object.hasOwn(TRACK_REGISTRY, track) ? def(track as TrackId).label : '';
}
