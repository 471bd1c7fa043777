import { CLAIM_CATALOGUE, claimLabel, formatFen, isClaimType, type Permission } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import type { FieldCipher } from '../../platform/crypto';
import { errors } from '../../platform/errors';
import { presentParty } from '../parties';
import type { z } from 'zod';
import {
  type ALLOWED_ACTIONS,
  CHANNEL_LABELS,
  type mediationConsentSchema,
  STATUS_LABELS,
  TRACK_LABELS,
  type triageDecisionSchema,
  type triageResultSchema,
} from './matters.schema';
import { OPEN_STATUSES } from './matters.tables';
import type { JsonValue } from '../../platform/openapi-content';

type Exec = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();

/** Open matters of the same worker(s) and employer(s), other than `excludeId`. */
export async function openDuplicates(
  exec: Exec,
  workerIds: string[],
  employerIds: string[],
  excludeId?: string,
) {
  if (workerIds.length === 0 || employerIds.length === 0) return [];
  let q = exec
    .selectFrom('matter as m')
    .select(['m.id', 'm.number', 'm.status'])
    .where('m.status', 'in', OPEN_STATUSES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('matter_party as w')
          .select('w.party_id')
          .whereRef('w.matter_id', '=', 'm.id')
          .where('w.party_id', 'in', workerIds),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('matter_party as e')
          .select('e.party_id')
          .whereRef('e.matter_id', '=', 'm.id')
          .where('e.party_id', 'in', employerIds),
      ),
    )
    .orderBy('m.received_at', 'desc');
  if (excludeId) q = q.where('m.id', '<>', excludeId);
  return q.limit(20).execute();
}

function actionsFor(auth: AuthContext, status: string, inIntakeScope: boolean) {
  const has = (p: Permission) => auth.permissions.has(p);
  const open = status === 'registered' || status === 'routed';
  const out: (typeof ALLOWED_ACTIONS)[number][] = [];
  if (has('intake.create') && inIntakeScope && open) out.push('edit', 'triage', 'uploadEvidence', 'merge');
  if (has('pii.view')) out.push('viewPii');
  if (has('matter.read')) out.push('downloadEvidence');
  return out;
}

/** The matter page's data: parties masked, claims, evidence, triage, timeline and what this user may do. */
export async function loadMatterDetail(
  exec: Exec,
  cipher: FieldCipher,
  id: string,
  auth: AuthContext,
  intakeScope: string[],
) {
  const m = await exec
    .selectFrom('matter as m')
    .innerJoin('jurisdiction as j', 'j.id', 'm.jurisdiction_id')
    .leftJoin('app_user as r', 'r.id', 'm.responsible_user_id')
    .leftJoin('app_user as c', 'c.id', 'm.created_by')
    .leftJoin('app_user as t', 't.id', 'm.triage_decided_by')
    .selectAll('m')
    .select([
      'j.name as jurisdiction_name',
      'r.display_name as responsible_name',
      'c.display_name as created_by_name',
    ])
    .select('t.display_name as decided_by_name')
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!m) throw errors.notFound('维权事项');
  const [parties, claims, evidence, events, refs] = await Promise.all([
    exec
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .selectAll('p')
      .select(['mp.role', 'mp.representative', 'mp.sort'])
      .where('mp.matter_id', '=', id)
      .orderBy('mp.sort')
      .execute(),
    exec.selectFrom('matter_claim').selectAll().where('matter_id', '=', id).orderBy('sort').execute(),
    exec
      .selectFrom('matter_evidence as e')
      .leftJoin('app_user as u', 'u.id', 'e.uploaded_by')
      .selectAll('e')
      .select('u.display_name as uploader')
      .where('e.matter_id', '=', id)
      .orderBy('e.uploaded_at')
      .execute(),
    exec.selectFrom('matter_event').selectAll().where('matter_id', '=', id).orderBy('id').execute(),
    exec
      .selectFrom('matter')
      .select(['id', 'number', 'status'])
      .where('id', 'in', [m.duplicate_of_id ?? id, m.merged_into_id ?? id])
      .execute(),
  ]);
  const ref = (rid: string | null) => (rid ? (refs.find((r) => r.id === rid) ?? null) : null);
  const workers = parties.filter((p) => p.role === 'worker');
  const employers = parties.filter((p) => p.role === 'employer');
  const duplicates =
    m.status === 'merged'
      ? []
      : await openDuplicates(
          exec,
          workers.map((w) => w.id),
          employers.map((e) => e.id),
          id,
        );
  return {
    id: m.id,
    number: m.number,
    channel: m.channel,
    channelLabel: CHANNEL_LABELS[m.channel],
    requestKind: m.request_kind,
    status: m.status,
    statusLabel: STATUS_LABELS[m.status],
    narrative: m.narrative,
    jurisdiction: { id: m.jurisdiction_id, name: m.jurisdiction_name },
    responsible:
      m.responsible_user_id && m.responsible_name
        ? { id: m.responsible_user_id, name: m.responsible_name }
        : null,
    createdBy: m.created_by_name,
    receivedAt: iso(m.received_at),
    workerCount: m.worker_count,
    collective: m.collective,
    priorityFlags: m.priority_flags,
    employmentStart: m.employment_start,
    employmentEnd: m.employment_end,
    knewDate: m.knew_date,
    workers: workers.map((w) => ({ ...presentParty(w, cipher), representative: w.representative })),
    employers: employers.map((e) => presentParty(e, cipher)),
    claims: claims.map((c) => {
      const def = isClaimType(c.type) ? CLAIM_CATALOGUE[c.type] : null;
      return {
        id: c.id,
        type: c.type,
        label: claimLabel({ type: c.type, periodFrom: c.period_from, periodTo: c.period_to }),
        amountFen: c.amount_fen,
        amountText: c.amount_fen === null ? null : formatFen(c.amount_fen),
        periodFrom: c.period_from,
        periodTo: c.period_to,
        facts: c.facts,
        track: c.track,
        trackLabel: c.track ? TRACK_LABELS[c.track] : null,
        trackCaseId: c.track_case_id,
        status: c.status,
        basis: def?.basis ?? null,
      };
    }),
    totalAmountFen: claims.reduce((s, c) => s + (c.amount_fen ?? 0), 0),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.file_name,
      contentType: e.content_type,
      sizeBytes: e.size_bytes,
      sha256: e.sha256,
      description: e.description,
      uploadedAt: iso(e.uploaded_at),
      uploadedBy: e.uploader,
    })),
    triage: {
      // jsonb written by intake (triage, resolveDecision, consentRecord) in the shapes documented here.
      result: m.triage_result as z.infer<typeof triageResultSchema> | null,
      decision: m.triage_decision as z.infer<typeof triageDecisionSchema> | null,
      decidedBy: m.decided_by_name,
      decidedAt: m.triage_decided_at ? iso(m.triage_decided_at) : null,
      mediationConsent: m.mediation_consent as z.infer<typeof mediationConsentSchema> | null,
    },
    duplicateOf: ref(m.duplicate_of_id),
    duplicates,
    mergedInto: ref(m.merged_into_id),
    timeline: events.map((e) => ({
      id: e.id,
      at: iso(e.at),
      actorName: e.actor_reason ? `${e.actor_name}（${e.actor_reason}）` : e.actor_name,
      kind: e.kind,
      summary: e.summary,
      payload: e.payload as JsonValue, // jsonb: the JSON the event stored
    })),
    allowedActions: actionsFor(auth, m.status, intakeScope.includes(m.jurisdiction_id)),
    version: m.version,
  };
}
export type MatterDetail = Awaited<ReturnType<typeof loadMatterDetail>>;
