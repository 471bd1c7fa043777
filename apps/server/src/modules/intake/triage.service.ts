import {
  CLAIM_CATALOGUE,
  CLAIM_TRACK_IDS,
  type ClaimType,
  DEFAULT_TRIAGE_SETTINGS,
  type EmployerStatus,
  type OpenProceeding,
  type ProceedingTrack,
  type TriageInput,
  type TriageResult,
  type TriageSettings,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { TRACK_LABELS } from '../matters';
import type { ClaimTrack } from '../matters';
import type { ConsentInput, IntakeBody, TriageDecisionInput } from './intake.schema';
import { readSetting } from '../../platform/settings';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Procedures between which one claim may never be split (《劳动保障监察条例》第二十一条第二款): every
 * route of the track registry but the answer to a question.
 */
const PROCEDURES: readonly ClaimTrack[] = CLAIM_TRACK_IDS.filter((t) => t !== 'consultation');

export async function loadTriageSettings(exec: Exec): Promise<TriageSettings> {
  return {
    ...DEFAULT_TRIAGE_SETTINGS,
    collectiveMinWorkers: await readSetting(exec, 'alert.collective_min_workers'),
  };
}

/** Claims of the same worker(s) against the same employer already routed in another open matter. */
export async function findOpenProceedings(
  exec: Exec,
  workerIds: string[],
  employerIds: string[],
  excludeMatterId?: string,
): Promise<{ track: ProceedingTrack; claimTypes: ClaimType[]; reference: string }[]> {
  if (workerIds.length === 0 || employerIds.length === 0) return [];
  const r = await sql<{ number: string; track: ProceedingTrack; types: ClaimType[] }>`
    SELECT m.number, c.track, array_agg(DISTINCT c.type) AS types
      FROM matter m JOIN matter_claim c ON c.matter_id = m.id
     WHERE m.status IN ('registered', 'routed')
       AND c.track IN ('mediation', 'arbitration', 'inspection') AND c.status IN ('pending', 'routed')
       ${excludeMatterId ? sql`AND m.id <> ${excludeMatterId}` : sql``}
       AND EXISTS (SELECT 1 FROM matter_party w WHERE w.matter_id = m.id AND w.party_id = ANY(${workerIds}::uuid[]))
       AND EXISTS (SELECT 1 FROM matter_party e WHERE e.matter_id = m.id AND e.party_id = ANY(${employerIds}::uuid[]))
     GROUP BY m.number, c.track`.execute(exec);
  return r.rows.map((x) => ({ track: x.track, claimTypes: x.types, reference: x.number }));
}

export function buildTriageInput(
  body: Pick<IntakeBody, 'requestKind' | 'workers' | 'claims' | 'facts'>,
  today: string,
  employerStatus: EmployerStatus,
  openProceedings: OpenProceeding[],
  derivedMinor: boolean,
): TriageInput {
  const f = body.facts;
  const any = (k: 'migrantWorker' | 'pregnantOrNursing' | 'disabled' | 'minor') =>
    body.workers.some((w) => w[k]);
  return {
    today,
    requestKind: body.requestKind,
    claims: body.claims.map((c) => ({
      type: c.type as ClaimType,
      ...(c.amountFen !== undefined && { amountFen: c.amountFen }),
      ...(c.periodFrom && { periodFrom: c.periodFrom }),
      ...(c.periodTo && { periodTo: c.periodTo }),
    })),
    worker: {
      migrantWorker: any('migrantWorker'),
      pregnantOrNursing: any('pregnantOrNursing'),
      disabled: any('disabled'),
      minor: any('minor') || derivedMinor,
    },
    employerStatus,
    ...(f.employmentStart && { employmentStart: f.employmentStart }),
    ...(f.employmentEnd && { employmentEnd: f.employmentEnd }),
    ...(f.knewDate && { knewDate: f.knewDate }),
    workerCount: Math.max(body.workers.length, f.workerCount ?? 0),
    collectiveContract: f.collectiveContract ?? false,
    openProceedings,
    withinJurisdiction: f.withinJurisdiction ?? true,
    ...(f.competentAuthority && { competentAuthority: f.competentAuthority }),
    outOfScopeTopics: f.outOfScopeTopics ?? [],
    disputesPriorConclusion: f.disputesPriorConclusion ?? false,
  };
}

/**
 * The procedure the recommendation gives each claim. Mediation is chosen only with the worker's
 * consent (《劳动争议调解仲裁法》第三条、第四十二条: 劳动争议调解仲裁法第三条, mediation is voluntary); otherwise the first other
 * procedure recommended. Claims already in another procedure (《劳动保障监察条例》第二十一条第二款) stay unrouted.
 */
export function recommendedRoutes(
  result: TriageResult,
  claimTypes: string[],
  consentGiven: boolean,
): { claimIndex: number; track: ClaimTrack | null }[] {
  const blocked = new Set(result.conflicts.map((c) => c.claimType as string));
  return claimTypes.map((type, claimIndex) => {
    if (blocked.has(type)) return { claimIndex, track: null };
    const tracks = result.recommendations
      .filter((r) => (r.claimTypes as string[]).includes(type) && PROCEDURES.includes(r.track as ClaimTrack))
      .map((r) => r.track as ClaimTrack);
    if (consentGiven && tracks.includes('mediation')) return { claimIndex, track: 'mediation' };
    const other =
      tracks.find((t) => t !== 'mediation') ?? (tracks.includes('mediation') ? 'mediation' : null);
    return { claimIndex, track: other ?? (result.opensCase ? null : 'consultation') };
  });
}

export interface ResolvedDecision {
  mode: 'accept' | 'override';
  routes: { claimIndex: number; claimType: string; track: ClaimTrack | null }[];
  overrideReason: string | null;
  legalAidReferral: boolean;
  recommendedRoutes: { claimIndex: number; track: ClaimTrack | null }[];
}

const label = (type: string) => CLAIM_CATALOGUE[type as ClaimType]?.label ?? type;

/** Applies the clerk's decision; refuses a claim in two procedures (409) and mediation without consent. */
export function resolveDecision(
  result: TriageResult,
  claimTypes: string[],
  decision: TriageDecisionInput,
  consent: ConsentInput | undefined,
): ResolvedDecision {
  const consentGiven = consent?.given === true;
  const recommended = recommendedRoutes(result, claimTypes, consentGiven);
  let chosen: { claimIndex: number; track: ClaimTrack | null }[];
  if (decision.mode === 'accept') {
    chosen = recommended;
  } else {
    if (!decision.overrideReason || Array.from(decision.overrideReason).length < 4) {
      throw new AppError(400, 'OVERRIDE_REASON_REQUIRED', '不采纳分流建议时必须填写理由（至少4个字）', {
        field: 'triage.overrideReason',
      });
    }
    const routes = decision.routes ?? [];
    chosen = claimTypes.map((_, claimIndex) => ({ claimIndex, track: null }));
    for (const r of routes) {
      const slot = chosen[r.claimIndex];
      if (!slot) {
        throw new AppError(400, 'ROUTE_CLAIM_INDEX', `分流指向的诉求序号 ${r.claimIndex + 1} 不存在`, {
          field: 'triage.routes',
        });
      }
      if (slot.track && slot.track !== r.track) {
        const type = claimTypes[r.claimIndex]!;
        throw new AppError(
          409,
          'CLAIM_DOUBLE_TRACK',
          `诉求“${label(type)}”不能同时进入${TRACK_LABELS[slot.track]}和${TRACK_LABELS[r.track]}两个程序（《劳动保障监察条例》第二十一条第二款）`,
          { claimIndex: r.claimIndex, claimType: type },
        );
      }
      slot.track = r.track;
    }
  }
  for (const r of chosen) {
    const type = claimTypes[r.claimIndex]!;
    const conflict = result.conflicts.find((c) => c.claimType === type);
    if (conflict && r.track && r.track !== 'consultation') {
      throw new AppError(
        409,
        'CLAIM_IN_OTHER_PROCEEDING',
        `诉求“${label(type)}”已在${conflict.reference ?? '其他事项'}的程序中处理，同一诉求不得同时进入两个程序（《劳动保障监察条例》第二十一条第二款）`,
        { claimIndex: r.claimIndex, claimType: type, reference: conflict.reference ?? null },
      );
    }
    if (r.track === 'mediation' && !consentGiven) {
      throw new AppError(
        400,
        'MEDIATION_CONSENT_REQUIRED',
        `诉求“${label(type)}”转入调解须经劳动者同意，请记录同意方式（《劳动争议调解仲裁法》第三条：调解自愿）`,
        { claimIndex: r.claimIndex, field: 'consent' },
      );
    }
  }
  return {
    mode: decision.mode,
    routes: chosen.map((r) => ({ ...r, claimType: claimTypes[r.claimIndex]! })),
    overrideReason: decision.mode === 'override' ? (decision.overrideReason ?? null) : null,
    legalAidReferral: decision.legalAidReferral ?? false,
    recommendedRoutes: recommended,
  };
}
